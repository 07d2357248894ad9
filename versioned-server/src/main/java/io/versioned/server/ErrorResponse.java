package io.versioned.server;

import io.javalin.http.HttpResponseException;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.IntegrityException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The one JSON shape of every error: {@code {"error": {"status", "code", "message", "retryable"}}}. The codes are
 * stable (clients switch on them); the messages are for people. See docs/server.md for the table.
 *
 * @param status    the HTTP status
 * @param code      the stable code, e.g. {@code bad_request}
 * @param message   what went wrong; for bad input it names the field and the rule
 * @param retryable whether the same request may succeed later
 */
record ErrorResponse(int status, String code, String message, boolean retryable) {

    /** How an exception is answered. */
    static ErrorResponse of(Exception e) {
        if (e instanceof ApiProblem problem) {
            return new ErrorResponse(problem.status(), problem.code(), problem.getMessage(), false);
        }
        if (e instanceof IllegalArgumentException) {
            return new ErrorResponse(400, "bad_request", e.getMessage(), false);
        }
        if (e instanceof JacksonException json) {
            return new ErrorResponse(400, "bad_request", "body: must be a JSON object: " + json.getOriginalMessage(),
                    false);
        }
        if (e instanceof ArtifactNotFoundException) {
            return new ErrorResponse(404, "artifact_not_found", e.getMessage(), false);
        }
        if (e instanceof AliasNotFoundException) {
            return new ErrorResponse(404, "alias_not_found", e.getMessage(), false);
        }
        if (e instanceof ConflictException) {
            return new ErrorResponse(409, "conflict", e.getMessage(), false);
        }
        if (e instanceof BackendException backend) {
            return new ErrorResponse(503, "backend_unavailable", e.getMessage(), backend.isRetryable());
        }
        if (e instanceof IntegrityException) {
            return new ErrorResponse(500, "integrity_failure", e.getMessage(), false);
        }
        if (e instanceof HttpResponseException http) {
            String code = switch (http.getStatus()) {
                case 404 -> "no_route";
                case 405 -> "method_not_allowed";
                case 413 -> "payload_too_large";
                default -> "http_error";
            };
            return new ErrorResponse(http.getStatus(), code, e.getMessage(), false);
        }
        return new ErrorResponse(500, "internal_error", "the server failed; see its log", false);
    }

    /** The JSON body. */
    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", message == null ? "" : message);
        error.put("retryable", retryable);
        return Map.of("error", error);
    }
}
