package io.versioned.core.spi;

import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;

/**
 * The two stores of an opened repository, as {@link RepositoryLocation#open(RepositoryOptions)} returns them.
 * Compose them into a repository with {@link io.versioned.core.Repositories#of(BlobPort, MetadataPort,
 * java.time.Clock)}.
 *
 * @param blobs    where the bytes live
 * @param metadata where the records live
 */
public record StorePorts(BlobPort blobs, MetadataPort metadata) {

    /**
     * Checks that both ports are given.
     *
     * @param blobs    where the bytes live
     * @param metadata where the records live
     * @throws IllegalArgumentException if either port is null
     */
    public StorePorts {
        if (blobs == null) {
            throw new IllegalArgumentException("blobs: must not be null");
        }
        if (metadata == null) {
            throw new IllegalArgumentException("metadata: must not be null");
        }
    }

    /** Closes both ports, the metadata port even when closing the blob port fails. */
    public void close() {
        try {
            blobs.close();
        } finally {
            metadata.close();
        }
    }
}
