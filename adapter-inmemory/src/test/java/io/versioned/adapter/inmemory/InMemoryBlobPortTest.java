package io.versioned.adapter.inmemory;

import io.versioned.core.port.BlobPort;
import io.versioned.tck.BlobPortContract;
import java.util.UUID;

/** Runs the {@link BlobPortContract} against {@link InMemoryBlobPort}. */
class InMemoryBlobPortTest extends BlobPortContract {

    @Override
    protected BlobPort createBlobPort() {
        return new InMemoryBlobPort(UUID.randomUUID().toString());
    }
}
