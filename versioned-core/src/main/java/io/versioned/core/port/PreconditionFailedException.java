package io.versioned.core.port;

/**
 * Thrown by a port when the precondition of a conditional write does not hold (the key already exists, the
 * revision moved, the source is missing or has other bytes). The store was not changed.
 */
public class PreconditionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which precondition failed, naming the key or record
     */
    public PreconditionFailedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the store's own report of the failed condition.
     *
     * @param message which precondition failed, naming the key or record
     * @param cause   the store's exception (a conditional-check failure, a unique-key violation); may be null
     */
    public PreconditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
