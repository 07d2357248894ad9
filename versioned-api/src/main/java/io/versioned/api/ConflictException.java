package io.versioned.api;

/**
 * A precondition or a concurrent writer made the call impossible. Nothing was changed by the call
 * that threw it.
 */
public class ConflictException extends VersionedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what conflicted, e.g. the aliases pointing at a version or the revision the alias is at
     */
    public ConflictException(String message) {
        super(message);
    }
}
