package io.versioned.api;

/**
 * A precondition or a concurrent writer made the call impossible. Nothing was changed by the call
 * that threw it.
 */
public class ConflictException extends VersionedException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
