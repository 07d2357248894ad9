package io.versioned.tck;

import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.util.Objects;

/**
 * The two stores a repository-level contract suite runs against. A factory that returns one gives fresh, empty
 * stores isolated from every other instance it returned (a new bucket, table, prefix or directory per call), so
 * tests never see each other's data. The factory need not bootstrap them: the suites call
 * {@link io.versioned.api.Repository#bootstrap()}, which bootstraps both ports.
 *
 * @param blobs    the blob store, not null
 * @param metadata the metadata store, not null
 */
public record StorePorts(BlobPort blobs, MetadataPort metadata) {

    /**
     * @throws NullPointerException if {@code blobs} or {@code metadata} is null
     */
    public StorePorts {
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(metadata, "metadata");
    }
}
