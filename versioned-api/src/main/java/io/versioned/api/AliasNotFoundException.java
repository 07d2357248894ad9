package io.versioned.api;

/** The alias does not exist. */
public class AliasNotFoundException extends VersionedException {
    private static final long serialVersionUID = 1L;

    public AliasNotFoundException(String message) {
        super(message);
    }
}
