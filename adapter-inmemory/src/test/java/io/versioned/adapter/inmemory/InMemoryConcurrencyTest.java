package io.versioned.adapter.inmemory;

import io.versioned.tck.ConcurrencyContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;

class InMemoryConcurrencyTest extends ConcurrencyContract {

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
    }
}
