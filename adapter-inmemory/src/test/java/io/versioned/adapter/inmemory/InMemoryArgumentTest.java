package io.versioned.adapter.inmemory;

import io.versioned.tck.ArgumentContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;

/** The in-memory ports under the argument and naming rules of the repository. */
class InMemoryArgumentTest extends ArgumentContract {

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
    }
}
