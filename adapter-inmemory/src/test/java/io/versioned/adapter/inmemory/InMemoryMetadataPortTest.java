package io.versioned.adapter.inmemory;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.MetadataPortContract;

/**
 * Runs the {@link MetadataPortContract} against {@link InMemoryMetadataPort}. The port is the store: another
 * client is the same instance, and memory cannot fail, so the capability "store failure" is not claimed.
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
}
