package io.versioned.server;

/**
 * A refusal decided by the server itself rather than by the repository (a missing token, a failed
 * precondition, a range outside the content): the HTTP status and the stable error code to answer with.
 */
final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
