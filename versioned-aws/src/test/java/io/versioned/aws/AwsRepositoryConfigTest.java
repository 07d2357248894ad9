package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.adapter.dynamodb.DynamoConfig;
import io.versioned.adapter.s3.S3Encryption;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What only the S3 + DynamoDB configuration has: the table, the two endpoints and the DynamoDB configuration. The
 * settings it shares with the S3-only configuration are tested in {@link RepositoryConfigBuilderTest}.
 */
class AwsRepositoryConfigTest {

    private static final URI LOCAL_S3 = URI.create("http://127.0.0.1:9000");
    private static final URI LOCAL_DYNAMODB = URI.create("http://127.0.0.1:8000");

    private static AwsRepositoryConfig.Builder minimal() {
        return AwsRepositoryConfig.builder().region("eu-west-1").bucket("my-artifacts").table("versioned");
    }

    @Test
    void defaultsAreAwsEndpointsForBothServices() {
        AwsRepositoryConfig config = minimal().build();

        assertThat(config.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(config.table()).isEqualTo("versioned");
        assertThat(config.s3Endpoint()).isEmpty();
        assertThat(config.dynamoDbEndpoint()).isEmpty();
        assertThat(config.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(config.sharedWithPython()).isTrue();
        assertThat(config.s3BlobConfig().sharedWithPython()).isTrue();
    }

    @Test
    void aRepositoryNoPythonProcessReadsKeepsNoCopyOfLatestForIt() {
        AwsRepositoryConfig config = minimal().sharedWithPython(false).build();

        assertThat(config.sharedWithPython()).isFalse();
        assertThat(config.s3BlobConfig().sharedWithPython()).isFalse();
    }

    @Test
    void theS3ConfigurationGetsTheS3Endpoint() {
        AwsRepositoryConfig config = minimal().s3Endpoint(LOCAL_S3).build();

        assertThat(config.s3BlobConfig().endpointOverride()).contains(LOCAL_S3);
        assertThat(config.dynamoConfig().endpointOverride()).isEmpty();
    }

    @Test
    void theDynamoDbConfigurationGetsTheTableRegionEndpointAndTheSameCredentials() {
        AwsCredentialsProvider credentials = AnonymousCredentialsProvider.create();
        AwsRepositoryConfig config = minimal().dynamoDbEndpoint(LOCAL_DYNAMODB).credentialsProvider(credentials)
                .build();

        DynamoConfig dynamo = config.dynamoConfig();

        assertThat(dynamo.tableName()).isEqualTo("versioned");
        assertThat(dynamo.region()).contains(Region.EU_WEST_1);
        assertThat(dynamo.endpointOverride()).contains(LOCAL_DYNAMODB);
        assertThat(dynamo.credentialsProvider()).isSameAs(credentials);
        assertThat(dynamo.billing()).isEqualTo(DynamoConfig.Billing.payPerRequest());
        assertThat(config.s3BlobConfig().endpointOverride()).isEmpty();
    }

    @Test
    void oneEndpointServesBothServices() {
        URI localstack = URI.create("http://localhost:4566");

        AwsRepositoryConfig config = minimal().endpoint(localstack).build();

        assertThat(config.s3Endpoint()).contains(localstack);
        assertThat(config.dynamoDbEndpoint()).contains(localstack);
        assertThat(config.s3BlobConfig().endpointOverride()).contains(localstack);
        assertThat(config.dynamoConfig().endpointOverride()).contains(localstack);
    }

    @Test
    void theTableIsRequiredAndChecked() {
        assertThatThrownBy(() -> AwsRepositoryConfig.builder().region("eu-west-1").bucket("b-1").build())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("table:");
        assertRefused(minimal().table("x"), "table:");
    }

    @Test
    void endpointsAreCheckedAndRefusedByTheirNames() {
        assertRefused(minimal().s3Endpoint(URI.create("ftp://host")), "s3Endpoint:");
        assertRefused(minimal().dynamoDbEndpoint(URI.create("relative/path")), "dynamoDbEndpoint:");
        assertThatThrownBy(() -> minimal().endpoint(null)).hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> minimal().s3Endpoint(null)).hasMessageStartingWith("s3Endpoint:");
        assertThatThrownBy(() -> minimal().dynamoDbEndpoint(null)).hasMessageStartingWith("dynamoDbEndpoint:");
        assertThatThrownBy(() -> new AwsRepositoryConfig(Region.EU_WEST_1, "my-artifacts", "p", "", "versioned",
                null, Optional.empty(), false, AnonymousCredentialsProvider.create(), S3Encryption.none(), true))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("s3Endpoint:");
        assertThatThrownBy(() -> new AwsRepositoryConfig(Region.EU_WEST_1, "my-artifacts", "p", "", "versioned",
                Optional.empty(), null, false, AnonymousCredentialsProvider.create(), S3Encryption.none(), true))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dynamoDbEndpoint:");
    }

    @Test
    void theModuleAndTheFactoryRefuseANullConfiguration() {
        assertThatThrownBy(() -> new AwsModule(null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("config:");
        assertThatThrownBy(() -> VersionedAws.repository(null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("config:");
    }

    private static void assertRefused(AwsRepositoryConfig.Builder builder, String argument) {
        assertThatThrownBy(builder::build).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(argument);
    }
}
