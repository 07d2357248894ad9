package io.versioned.api;

/** The artifact, or the requested version of it, does not exist or is deleted. */
public class ArtifactNotFoundException extends VersionedException {
    private static final long serialVersionUID = 1L;

    public ArtifactNotFoundException(String message) {
        super(message);
    }
}
