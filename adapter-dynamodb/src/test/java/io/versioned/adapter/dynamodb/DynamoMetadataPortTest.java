package io.versioned.adapter.dynamodb;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.MetadataPortContract;
import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.Outage;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole {@link MetadataPortContract} against dynalite over HTTP, one fresh table per test, on a client of
 * its own whose {@link Outage} breaks the store and whose interceptor passes the {@link #storeGate()} before each
 * request; the other client is a port on the shared client.
 */
class DynamoMetadataPortTest extends MetadataPortContract {

    private final Outage outage = new Outage();
    private DynamoDbClient client;
    private String table;

    @Override
    protected MetadataPort createMetadataPort() {
        client = DynaliteServer.shared().clientBuilder()
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(outage)
                        .addExecutionInterceptor(gate())).build();
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

    private ExecutionInterceptor gate() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                storeGate().beforeRequest();
            }
        };
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
