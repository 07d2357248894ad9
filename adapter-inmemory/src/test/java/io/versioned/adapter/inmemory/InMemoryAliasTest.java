package io.versioned.adapter.inmemory;

import io.versioned.tck.AliasContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;

/** The in-memory ports under the alias and routing rules of the repository. */
class InMemoryAliasTest extends AliasContract {

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
    }
}
