package io.versioned.adapter.s3;

import io.versioned.api.BackendException;
import io.versioned.core.port.PreconditionFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The one place where failures of the AWS SDK become port exceptions, so that no SDK type leaves the adapter.
 *
 * <ul>
 *   <li>HTTP 412 (a conditional request's precondition) becomes {@link PreconditionFailedException}.</li>
 *   <li>Throttling, HTTP 429 and 5xx, request timeouts, a conditional-request conflict (409), I/O and other client
 *       failures (connection refused, timeouts) become a retryable {@link BackendException}.</li>
 *   <li>Everything else (403, a missing bucket, bad requests, an interrupted call) becomes a non-retryable
 *       {@link BackendException}.</li>
 * </ul>
 * A missing key (404) means something different for each port method, so callers test {@link #isNotFound} first.
 */
final class S3Errors {

    private S3Errors() {
    }

    /** True for a 404 about the key (NoSuchKey, or a HEAD's bare 404); false for a missing bucket. */
    static boolean isNotFound(SdkException e) {
        if (e instanceof NoSuchKeyException) {
            return true;
        }
        return e instanceof SdkServiceException service && service.statusCode() == 404
                && !(e instanceof NoSuchBucketException) && !"NoSuchBucket".equals(errorCode(e));
    }

    /** True for the NoSuchKey error of a request with a response body (GET, copy); HEAD responses have no code. */
    static boolean isNoSuchKey(SdkException e) {
        return e instanceof NoSuchKeyException || "NoSuchKey".equals(errorCode(e));
    }

    /** True for HTTP 412 Precondition Failed. */
    static boolean isPreconditionFailed(SdkException e) {
        return e instanceof SdkServiceException service && service.statusCode() == 412;
    }

    /** True when the store says it does not implement the request (HTTP 501 or the NotImplemented code). */
    static boolean isNotImplemented(SdkException e) {
        return e instanceof SdkServiceException service
                && (service.statusCode() == 501 || "NotImplemented".equals(errorCode(e)));
    }

    /** True for HTTP 400 (a request the store does not accept, e.g. a header it does not know). */
    static boolean isBadRequest(SdkException e) {
        return e instanceof SdkServiceException service && service.statusCode() == 400;
    }

    /**
     * The port exception for a failed request: an {@link SdkException}, or an {@link UncheckedIOException} from
     * streaming a request body.
     *
     * @param action what was attempted, e.g. {@code "PutObject"}
     * @param target the object or bucket, e.g. {@code s3://bucket/key}
     */
    static RuntimeException translate(RuntimeException e, String action, String target) {
        if (!(e instanceof SdkException sdk)) {
            return new BackendException("S3 " + action + " of " + target + " failed: " + e.getMessage(), e,
                    e instanceof UncheckedIOException);
        }
        if (sdk instanceof AbortedException) {
            Thread.currentThread().interrupt();
        }
        String message = "S3 " + action + " of " + target + " failed: " + describe(sdk);
        if (isPreconditionFailed(sdk)) {
            return new PreconditionFailedException(message);
        }
        return new BackendException(message, sdk, isRetryable(sdk));
    }

    /** The {@link BackendException} of a response-body read failure, for streams that must not throw SDK types. */
    static BackendException backendRead(SdkException e, String target) {
        return new BackendException("reading " + target + " from S3 failed: " + describe(e), e, isRetryable(e));
    }

    /**
     * A failure of the caller's content stream during a put: not the store's fault, and not retryable with the same
     * stream.
     */
    static BackendException contentFailure(IOException e, String target) {
        return new BackendException("reading the content for " + target + " failed: " + e.getMessage(), e, false);
    }

    static boolean isRetryable(SdkException e) {
        if (e instanceof AbortedException) {
            return false;
        }
        if (e instanceof SdkServiceException service) {
            int status = service.statusCode();
            String code = errorCode(e);
            return status >= 500 || status == 429 || service.isThrottlingException()
                    || "RequestTimeout".equals(code) || "SlowDown".equals(code)
                    || (status == 409 && "ConditionalRequestConflict".equals(code));
        }
        return e instanceof SdkClientException || e.retryable();
    }

    private static String describe(SdkException e) {
        if (e instanceof SdkServiceException service) {
            String code = errorCode(e);
            return "HTTP " + service.statusCode() + (code == null ? "" : " " + code) + ": " + rawMessage(e);
        }
        return e.getClass().getSimpleName() + ": " + rawMessage(e);
    }

    private static String rawMessage(SdkException e) {
        String raw = e.rawMessage();
        return raw == null ? String.valueOf(e.getMessage()) : raw;
    }

    static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return null;
    }
}
