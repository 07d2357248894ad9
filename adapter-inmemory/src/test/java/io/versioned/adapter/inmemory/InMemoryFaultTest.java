package io.versioned.adapter.inmemory;

import io.versioned.tck.FaultContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;

class InMemoryFaultTest extends FaultContract {

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
    }
}
