package io.versioned.adapter.dynamodb;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.MetadataPortContract;
import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.Outage;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole {@link MetadataPortContract} against dynalite over HTTP, one fresh table per test, on a client of
 * its own whose {@link Outage} breaks the store; the other client is a port on the shared client.
 */
class DynamoMetadataPortTest extends MetadataPortContract {

    private final Outage outage = new Outage();
    private DynamoDbClient client;
    private String table;

    @Override
    protected MetadataPort createMetadataPort() {
        client = DynaliteServer.shared().clientBuilder()
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(outage)).build();
        table = Dynalite.freshTableName();
        return new DynamoMetadataPort(client, table);
    }

    @Override
    protected MetadataPort openAnotherClient() {
        return new DynamoMetadataPort(Dynalite.client(), table);
    }

    @Override
    protected void breakStore() {
        outage.begin();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
