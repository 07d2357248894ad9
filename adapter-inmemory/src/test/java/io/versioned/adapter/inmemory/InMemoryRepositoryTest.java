package io.versioned.adapter.inmemory;

import io.versioned.tck.RepositoryContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;

/** The in-memory ports under the repository contract, including the integrity tests that corrupt stored bytes. */
class InMemoryRepositoryTest extends RepositoryContract {

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
    }

    @Override
    protected void corruptBlob(StorePorts ports, String key, byte[] bytes) {
        ((InMemoryBlobPort) ports.blobs()).corrupt(key, bytes);
    }
}
