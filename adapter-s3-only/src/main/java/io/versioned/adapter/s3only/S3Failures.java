package io.versioned.adapter.s3only;

import io.versioned.api.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The one place where S3 failures are classified. A failed condition (412), a racing conditional write (409
 * {@code ConditionalRequestConflict}) and a missing object (404 {@code NoSuchKey}) are reported as a
 * {@link Kind} for the port to retry, to read as "absent" or to turn into a
 * {@link io.versioned.core.port.PreconditionFailedException}; every other failure, a missing bucket included,
 * becomes a {@link BackendException}, retryable for throttling, 5xx, timeouts and I/O errors. No SDK
 * exception type leaves the adapter.
 */
final class S3Failures {

    /** What a failed request means to the port. */
    enum Kind {
        /** 404 other than {@code NoSuchBucket}: the object does not exist. */
        NOT_FOUND,
        /** 404 {@code NoSuchBucket}: the bucket does not exist (a configuration error, never "no record"). */
        NO_SUCH_BUCKET,
        /** 412: the {@code If-None-Match} or {@code If-Match} condition did not hold. */
        PRECONDITION_FAILED,
        /** 409 {@code ConditionalRequestConflict}: a racing conditional write on the same key; try again. */
        LOST_RACE,
        /** Anything else: a store failure. */
        FAILURE
    }

    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;
    private static final int PRECONDITION_FAILED = 412;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;

    private S3Failures() {
    }

    /** The meaning of {@code e} to the port. */
    static Kind classify(SdkException e) {
        if (!(e instanceof SdkServiceException service)) {
            return Kind.FAILURE;
        }
        return switch (service.statusCode()) {
            case NOT_FOUND -> e instanceof NoSuchBucketException || "NoSuchBucket".equals(errorCode(e))
                    ? Kind.NO_SUCH_BUCKET : Kind.NOT_FOUND;
            case PRECONDITION_FAILED -> Kind.PRECONDITION_FAILED;
            case CONFLICT -> "ConditionalRequestConflict".equals(errorCode(e)) ? Kind.LOST_RACE : Kind.FAILURE;
            default -> Kind.FAILURE;
        };
    }

    /**
     * Whether {@code e} is an I/O failure that came without any HTTP response (a broken or reset connection), so
     * that the request may or may not have reached the store.
     */
    static boolean unanswered(SdkException e) {
        if (e instanceof SdkServiceException) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@link BackendException} for {@code e}, which happened while doing {@code action}; retryable for
     * throttling, 5xx, timeouts and I/O errors.
     */
    static BackendException backend(String action, SdkException e) {
        String detail = e instanceof SdkServiceException service
                ? "HTTP " + service.statusCode() + codeSuffix(e) + ": " + message(e)
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new BackendException("S3 failed to " + action + " (" + detail + ")", e, isRetryable(e));
    }

    /**
     * A {@link BackendException} for an error that S3 reported inside a successful response (a key of a
     * DeleteObjects batch); retryable for {@code InternalError}, {@code SlowDown} and
     * {@code ServiceUnavailable}.
     */
    static BackendException backend(String action, String errorCode, String errorMessage) {
        boolean retryable = "InternalError".equals(errorCode) || "SlowDown".equals(errorCode)
                || "ServiceUnavailable".equals(errorCode);
        return new BackendException("S3 failed to " + action + " (" + errorCode + ": " + errorMessage + ")", null,
                retryable);
    }

    private static boolean isRetryable(SdkException e) {
        if (e instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() == TOO_MANY_REQUESTS
                    || service.statusCode() >= SERVER_ERROR;
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        if (e.retryable()) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return null;
    }

    private static String codeSuffix(SdkException e) {
        String code = errorCode(e);
        return code == null ? "" : " " + code;
    }

    private static String message(SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null) {
            return aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
