package io.versioned.adapter.inmemory;

import io.versioned.tck.SoakContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;

/** The {@link SoakContract} on the in-memory ports. */
class InMemorySoakTest extends SoakContract {

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
    }
}
