package io.versioned.api;

/**
 * The root of every exception the library throws for a failed operation (bad arguments excepted,
 * which are {@link IllegalArgumentException}s). Unchecked.
 */
public class VersionedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionedException(String message) {
        super(message);
    }

    public VersionedException(String message, Throwable cause) {
        super(message, cause);
    }
}
