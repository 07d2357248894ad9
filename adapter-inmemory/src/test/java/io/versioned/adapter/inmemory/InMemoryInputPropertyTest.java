package io.versioned.adapter.inmemory;

import io.versioned.tck.InputPropertyContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;

/** Random input at every API method, on the in-memory ports: calls cost microseconds, so many tries. */
class InMemoryInputPropertyTest extends InputPropertyContract {

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
    }

    @Override
    protected int tries() {
        return 500;
    }
}
