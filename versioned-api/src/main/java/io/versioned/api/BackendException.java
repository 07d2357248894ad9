package io.versioned.api;

/**
 * The store failed. The outcome of the call is unknown: the change may or may not have been
 * applied, but the repository's invariants still hold. {@link #isRetryable()} tells whether trying
 * again may succeed (throttling, timeouts, server errors) or not (missing permissions, bad
 * configuration).
 */
public class BackendException extends VersionedException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public BackendException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when the same call may succeed if tried again. */
    public boolean isRetryable() {
        return retryable;
    }
}
