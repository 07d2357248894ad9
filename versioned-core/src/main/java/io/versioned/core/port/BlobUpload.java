package io.versioned.core.port;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link BlobPort} knows about bytes it is asked to store.
 *
 * @param length      the number of bytes, or -1 when unknown until the end of the stream
 * @param sha256      the SHA-256 (64 lower-case hex) when known before the upload; a store that can verify it
 *                    should, and must then refuse bytes that do not match
 * @param contentType the media type to record with the object
 * @param tags        object tags, for stores with {@link BlobCapability#TAGGING}; ignored by the others
 */
public record BlobUpload(long length, Optional<String> sha256, String contentType, Map<String, String> tags) {

    /**
     * Checks the components and makes {@code tags} immutable.
     *
     * @param length      the number of bytes, or -1 when unknown until the end of the stream
     * @param sha256      the SHA-256 (64 lower-case hex) when known before the upload, else empty
     * @param contentType the media type to record with the object; not null
     * @param tags        object tags; not null, may be empty
     */
    public BlobUpload {
        if (length < -1) {
            throw new IllegalArgumentException("length: must be -1 (unknown) or >= 0, got " + length);
        }
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(tags, "tags");
        tags = Map.copyOf(tags);
    }
}
