package io.versioned.adapter.inmemory;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.MetadataPortContract;

/** Runs the {@link MetadataPortContract} against {@link InMemoryMetadataPort}. */
class InMemoryMetadataPortTest extends MetadataPortContract {

    @Override
    protected MetadataPort createMetadataPort() {
        return new InMemoryMetadataPort();
    }
}
