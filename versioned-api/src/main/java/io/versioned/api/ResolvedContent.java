package io.versioned.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The version an alias resolved to, with its bytes, verified against its SHA-256: what
 * {@link ReadableRepository#resolveContent(String, String, String)} returns.
 *
 * @param artifact the version the alias picked, as {@link ReadableRepository#resolve(String, String, String)} returns it
 * @param content  its bytes; the array is not copied, it belongs to whoever holds this value
 */
public record ResolvedContent(Artifact artifact, byte[] content) {

    /**
     * Checks that both components are present.
     *
     * @param artifact the version the alias picked
     * @param content  its bytes
     * @throws NullPointerException if either is null
     */
    public ResolvedContent {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(content, "content");
    }

    /** Equal when the artifacts are equal and the bytes are the same bytes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ResolvedContent that && artifact.equals(that.artifact)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * artifact.hashCode() + Arrays.hashCode(content);
    }

    /** The artifact and the number of bytes, not the bytes. */
    @Override
    public String toString() {
        return "ResolvedContent[artifact=" + artifact + ", content=" + content.length + " bytes]";
    }
}
