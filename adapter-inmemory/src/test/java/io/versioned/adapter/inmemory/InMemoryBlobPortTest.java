package io.versioned.adapter.inmemory;

import io.versioned.core.port.BlobPort;
import io.versioned.tck.BlobPortContract;
import java.util.UUID;

/**
 * Runs the {@link BlobPortContract} against {@link InMemoryBlobPort}. The port is the store: another client is the
 * same instance; memory cannot fail, so the capability "store failure" is not claimed.
 */
class InMemoryBlobPortTest extends BlobPortContract {

    @Override
    protected BlobPort createBlobPort() {
        return new InMemoryBlobPort(UUID.randomUUID().toString());
    }

    @Override
    protected BlobPort openAnotherClient() {
        return blobs();
    }

    @Override
    protected boolean claimsStoreFailure() {
        return false;
    }
}
