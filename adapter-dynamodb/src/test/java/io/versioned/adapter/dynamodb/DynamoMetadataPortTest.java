package io.versioned.adapter.dynamodb;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.MetadataPortContract;

/** The whole {@link MetadataPortContract} against dynalite over HTTP, one fresh table per test. */
class DynamoMetadataPortTest extends MetadataPortContract {

    @Override
    protected MetadataPort createMetadataPort() {
        return new DynamoMetadataPort(Dynalite.client(), Dynalite.freshTableName());
    }
}
