package io.versioned.api;

/** Bytes read from the store do not match the SHA-256 recorded for them. */
public class IntegrityException extends VersionedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the artifact version whose bytes are missing or do not match
     */
    public IntegrityException(String message) {
        super(message);
    }
}
