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
    SHARED_WITH_PYTHON,
    /**
     * The store keeps a SHA-256 given before the upload ({@link BlobUpload#sha256()}) with the bytes, and a later
     * {@link BlobPort#copy} of them is cheaper for it (on S3 it is the object's metadata, fixed when an upload starts;
     * without it, a copy of a multipart upload reads the whole object to verify it). The core then hashes a file
     * before uploading it; elsewhere it hashes the bytes once, on their way to the store, unless hashing first may
     * spare the upload (the file has the size of the current LATEST).
     */
    KEEPS_GIVEN_SHA256
}
