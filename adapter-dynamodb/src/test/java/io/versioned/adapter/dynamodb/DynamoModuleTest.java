package io.versioned.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.api.Version;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import io.versioned.testsupport.DynaliteServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The Guice module and the config-made client, against dynalite. */
class DynamoModuleTest {

    @Test
    void theModuleBindsOnePortThatBootstrapsAProvisionedTable() {
        String table = Dynalite.freshTableName();
        DynamoConfig config = DynamoConfig.builder().tableName(table).region("us-east-1")
                .endpointOverride(DynaliteServer.shared().endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .billing(DynamoConfig.Billing.provisioned(3, 4))
                .build();
        Injector injector = Guice.createInjector(new DynamoModule(config));

        MetadataPort port = injector.getInstance(MetadataPort.class);
        try {
            assertThat(port).isInstanceOf(DynamoMetadataPort.class)
                    .isSameAs(injector.getInstance(MetadataPort.class));
            port.bootstrap();
            VersionRecord record = new VersionRecord("doc", Version.LATEST, Instant.parse("2024-01-02T03:04:05Z"),
                    false, "0".repeat(64), 0, "text/plain", Map.of(), "doc/LATEST.x", Map.of(), 1);
            port.createVersion(record);

            assertThat(port.getVersion("doc", Version.LATEST)).contains(record);
            TableDescription description = Dynalite.client().describeTable(r -> r.tableName(table)).table();
            assertThat(description.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
            assertThat(description.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
        } finally {
            ((DynamoMetadataPort) port).close();
        }
    }

    @Test
    void bootstrapCreatesAnOnDemandTableByDefault() {
        String table = Dynalite.freshTableName();

        new DynamoMetadataPort(Dynalite.client(), table).bootstrap();

        TableDescription description = Dynalite.client().describeTable(r -> r.tableName(table)).table();
        assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }
}
