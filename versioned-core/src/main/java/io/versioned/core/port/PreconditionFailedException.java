package io.versioned.core.port;

/**
 * Thrown by a port when the precondition of a conditional write does not hold (the key already exists, the
 * revision moved, the source is missing or has other bytes). The store was not changed.
 */
public class PreconditionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super(message);
    }

    public PreconditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
