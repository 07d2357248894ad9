package io.versioned.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One object of a blob store as a listing sees it.
 *
 * @param key          the blob key (see {@link BlobKeys}), or for a leftover of an interrupted put (see
 *                     {@link BlobPort#leftovers()}) the store's own name for it, relative to the store root
 * @param size         the number of bytes stored
 * @param lastModified when the store last wrote the object, by the store's clock (S3's {@code LastModified}, a
 *                     file's modification time)
 */
public record BlobEntry(String key, long size, Instant lastModified) {

    /**
     * Checks the components.
     *
     * @param key          the blob key, or the store's name of a leftover; not null
     * @param size         the number of bytes stored, {@code >= 0}
     * @param lastModified when the store last wrote the object; not null
     */
    public BlobEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("size: must be >= 0, got " + size);
        }
    }
}
