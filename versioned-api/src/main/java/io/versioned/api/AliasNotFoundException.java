package io.versioned.api;

/** The alias does not exist. */
public class AliasNotFoundException extends VersionedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the artifact and the alias that are missing
     */
    public AliasNotFoundException(String message) {
        super(message);
    }
}
