package io.versioned.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class DynamoConfigTest {

    @Test
    void builderDefaults() {
        DynamoConfig config = DynamoConfig.builder().tableName("versioned-artifact").build();

        assertThat(config.tableName()).isEqualTo("versioned-artifact");
        assertThat(config.region()).isEmpty();
        assertThat(config.endpointOverride()).isEmpty();
        assertThat(config.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(config.billing()).isEqualTo(DynamoConfig.Billing.payPerRequest());
    }

    @Test
    void builderSetsEveryValue() {
        AnonymousCredentialsProvider credentials = AnonymousCredentialsProvider.create();

        DynamoConfig config = DynamoConfig.builder().tableName("a.b_c-1").region("eu-west-1")
                .endpointOverride(URI.create("https://dynamodb.example.com")).credentialsProvider(credentials)
                .billing(DynamoConfig.Billing.provisioned(5, 7)).build();

        assertThat(config).isEqualTo(new DynamoConfig("a.b_c-1", Optional.of(Region.EU_WEST_1),
                Optional.of(URI.create("https://dynamodb.example.com")), credentials,
                new DynamoConfig.Billing(DynamoConfig.Billing.Mode.PROVISIONED, 5, 7)));
    }

    @Test
    void tableNamesFollowTheDynamoDbRules() {
        for (String bad : new String[] {"ab", "a".repeat(256), "has space", "slash/name", "ümlaut", ""}) {
            assertThatThrownBy(() -> DynamoConfig.builder().tableName(bad)).as("table name '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tableName: ");
        }
        assertThatThrownBy(() -> DynamoConfig.builder().tableName(null)).hasMessageStartingWith("tableName: ");
        assertThatThrownBy(() -> DynamoConfig.builder().build()).hasMessage("tableName: is required");
        assertThat(DynamoConfig.builder().tableName("abc").build().tableName()).isEqualTo("abc");
        assertThat(DynamoConfig.builder().tableName("x".repeat(255)).build().tableName()).hasSize(255);
    }

    @Test
    void otherValuesAreValidated() {
        DynamoConfig.Builder builder = DynamoConfig.builder();

        assertThatThrownBy(() -> builder.region(" ")).hasMessageStartingWith("region: ");
        assertThatThrownBy(() -> builder.region("EU_WEST_1")).hasMessageStartingWith("region: ");
        assertThatThrownBy(() -> builder.endpointOverride(URI.create("localhost:8000")))
                .hasMessageStartingWith("endpointOverride: ");
        assertThatThrownBy(() -> builder.endpointOverride(URI.create("ftp://host")))
                .hasMessageStartingWith("endpointOverride: ");
        assertThatThrownBy(() -> builder.endpointOverride(null)).hasMessageStartingWith("endpointOverride: ");
        assertThatThrownBy(() -> builder.credentialsProvider(null)).hasMessageStartingWith("credentialsProvider: ");
        assertThatThrownBy(() -> builder.billing(null)).hasMessageStartingWith("billing: ");
        assertThatThrownBy(() -> DynamoConfig.Billing.provisioned(0, 1)).hasMessageStartingWith("readCapacityUnits: ");
        assertThatThrownBy(() -> DynamoConfig.Billing.provisioned(1, 0)).hasMessageStartingWith("writeCapacityUnits: ");
        assertThatThrownBy(() -> new DynamoConfig.Billing(DynamoConfig.Billing.Mode.PAY_PER_REQUEST, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portAndModuleRefuseMissingArguments() {
        assertThatThrownBy(() -> new DynamoMetadataPort(null)).hasMessageStartingWith("config: ");
        assertThatThrownBy(() -> new DynamoMetadataPort(null, "table")).hasMessageStartingWith("client: ");
        assertThatThrownBy(() -> new DynamoMetadataPort(Dynalite.client(), "x")).hasMessageStartingWith("tableName: ");
        assertThatThrownBy(() -> new DynamoModule(null)).hasMessageStartingWith("config: ");
    }
}
