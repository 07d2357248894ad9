package io.versioned.core.port;

import java.util.Map;
import java.util.Objects;

/**
 * What a blob store keeps beside a blob's bytes, as other writers (the Python library) set it.
 *
 * @param contentType the media type stored with the blob
 * @param metadata    user metadata stored with the blob, without the store's own entries (such as the SHA-256)
 */
public record BlobAttributes(String contentType, Map<String, String> metadata) {

    /**
     * Copies {@code metadata} into an immutable map.
     *
     * @param contentType the media type stored with the blob; not null
     * @param metadata    user metadata stored with the blob; not null, may be empty
     */
    public BlobAttributes {
        Objects.requireNonNull(contentType, "contentType");
        metadata = Map.copyOf(metadata);
    }
}
