package io.versioned.adapter.inmemory;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.MetadataPortContract;

/**
 * Runs the {@link MetadataPortContract} against {@link InMemoryMetadataPort}. The port is the store: another
 * client is the same instance; memory cannot fail, and each method is one critical section with no requests to
 * put another write between, so the capabilities "store failure" and "store gate" are not claimed.
 */
class InMemoryMetadataPortTest extends MetadataPortContract {

    @Override
    protected MetadataPort createMetadataPort() {
        return new InMemoryMetadataPort();
    }

    @Override
    protected MetadataPort openAnotherClient() {
        return metadata();
    }

    @Override
    protected boolean claimsStoreFailure() {
        return false;
    }

    @Override
    protected boolean claimsStoreGate() {
        return false;
    }
}
