package io.versioned.adapter.inmemory;

import io.versioned.tck.PurgeContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;

/** The in-memory ports under the retention rules of the repository. */
class InMemoryPurgeTest extends PurgeContract {

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
    }
}
