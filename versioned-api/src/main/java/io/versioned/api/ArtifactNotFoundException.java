package io.versioned.api;

/** The artifact, or the requested version of it, does not exist or is deleted. */
public class ArtifactNotFoundException extends VersionedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the artifact and, if one was asked for, the version that is missing or deleted
     */
    public ArtifactNotFoundException(String message) {
        super(message);
    }
}
