package io.versioned.api;

/**
 * The root of every exception the library throws for a failed operation (bad arguments excepted,
 * which are {@link IllegalArgumentException}s). Unchecked.
 */
public class VersionedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public VersionedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed
     * @param cause   the underlying failure (an I/O error, for example); may be null
     */
    public VersionedException(String message, Throwable cause) {
        super(message, cause);
    }
}
