package io.versioned.core.port;

/** Optional features of a {@link BlobPort}; the TCK runs the tests of a capability only where it is declared. */
public enum BlobCapability {
    /** Object tags from {@link BlobUpload#tags()} are stored and can be read back by {@link BlobPort#tags(String)}. */
    TAGGING
}
