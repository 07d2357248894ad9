package io.versioned.core.port;

/** Optional features of a {@link BlobPort}; the TCK runs the tests of a capability only where it is declared. */
public enum BlobCapability {
    /** Object tags from {@link BlobUpload#tags()} are stored and can be read back by {@link BlobPort#tags(String)}. */
    TAGGING,
    /**
     * The store's keys are shared with the Python library {@code versioned} 1.0.x, which keeps LATEST's bytes at
     * {@link BlobKeys#of BlobKeys.of(name, LATEST)} and finds artifacts by their key prefixes. The core then copies
     * LATEST's bytes to that key with {@link BlobPort#replaceWithCopy} after every put of new content, and lists
     * artifact names with {@link BlobPort#artifactNames()} instead of the metadata store's index.
     */
    SHARED_WITH_PYTHON
}
