package io.versioned.api;

/**
 * The store failed. The outcome of the call is unknown: the change may or may not have been
 * applied, but the repository's invariants still hold. {@link #isRetryable()} tells whether trying
 * again may succeed (throttling, timeouts, server errors) or not (missing permissions, bad
 * configuration).
 */
public class BackendException extends VersionedException {
    private static final long serialVersionUID = 1L;

    /** Whether trying again may succeed; see {@link #isRetryable()}. */
    private final boolean retryable;

    /**
     * Creates the exception for a failed store call.
     *
     * @param message   what failed
     * @param cause     the store's own exception (SDK, JDBC, I/O), kept only as the cause; may be null
     * @param retryable true for a transient failure (throttling, timeout, server error) where the same call may
     *                  succeed later; false for one that will fail again (permissions, configuration)
     */
    public BackendException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * Whether the same call may succeed if tried again.
     *
     * @return true for a transient failure (throttling, timeout, server error), false for a permanent one (missing
     *         permissions, bad configuration)
     */
    public boolean isRetryable() {
        return retryable;
    }
}
