package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.adapter.dynamodb.DynamoConfig;
import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3Encryption;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The configuration: defaults, what the adapters' configurations get, and every refused argument. */
class AwsRepositoryConfigTest {

    private static final URI LOCAL_S3 = URI.create("http://127.0.0.1:9000");
    private static final URI LOCAL_DYNAMODB = URI.create("http://127.0.0.1:8000");

    private static AwsRepositoryConfig.Builder minimal() {
        return AwsRepositoryConfig.builder().region("eu-west-1").bucket("my-artifacts").table("versioned");
    }

    @Test
    void defaultsAreThePythonLibrarysLayoutOnAwsWithTheDefaultCredentialsChain() {
        AwsRepositoryConfig config = minimal().build();

        assertThat(config.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(config.prefix()).isEqualTo("versioned-artifacts").isEqualTo(AwsRepositoryConfig.DEFAULT_PREFIX);
        assertThat(config.keySuffix()).isEmpty();
        assertThat(config.s3Endpoint()).isEmpty();
        assertThat(config.dynamoDbEndpoint()).isEmpty();
        assertThat(config.pathStyle()).isFalse();
        assertThat(config.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(config.encryption()).isEqualTo(S3Encryption.none());
    }

    @Test
    void theS3ConfigurationGetsTheBucketLayoutEndpointAddressingCredentialsAndEncryption() {
        AwsCredentialsProvider credentials = AnonymousCredentialsProvider.create();
        AwsRepositoryConfig config = minimal().prefix("teams/data").keySuffix(".sqlite").s3Endpoint(LOCAL_S3)
                .pathStyle(true).credentialsProvider(credentials).encryption(S3Encryption.kms("alias/artifacts"))
                .build();

        S3BlobConfig s3 = config.s3BlobConfig();

        assertThat(s3.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(s3.bucket()).isEqualTo("my-artifacts");
        assertThat(s3.prefix()).isEqualTo("teams/data");
        assertThat(s3.keySuffix()).isEqualTo(".sqlite");
        assertThat(s3.endpointOverride()).contains(LOCAL_S3);
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.credentialsProvider()).isSameAs(credentials);
        assertThat(s3.encryption()).isEqualTo(S3Encryption.kms("alias/artifacts"));
        assertThat(s3).usingRecursiveComparison()
                .comparingOnlyFields("multipartThreshold", "partSize", "uploadParallelism", "taggingSupport",
                        "conditionalCopySupport")
                .isEqualTo(S3BlobConfig.builder().region(Region.EU_WEST_1).bucket("my-artifacts").build());
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
    void missingRequiredValuesAreRefusedByName() {
        assertThatThrownBy(() -> AwsRepositoryConfig.builder().bucket("b-1").table("tbl").build())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("region:");
        assertThatThrownBy(() -> AwsRepositoryConfig.builder().region("eu-west-1").table("tbl").build())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bucket:");
        assertThatThrownBy(() -> AwsRepositoryConfig.builder().region("eu-west-1").bucket("b-1").build())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("table:");
    }

    @Test
    void valuesBreakingAnAdaptersRuleAreRefusedByThisConfigurationsNames() {
        assertRefused(minimal().bucket("Not_A_Bucket"), "bucket:");
        assertRefused(minimal().table("x"), "table:");
        assertRefused(minimal().prefix("/leading"), "prefix:");
        assertRefused(minimal().prefix(null), "prefix:");
        assertRefused(minimal().keySuffix("a/b"), "keySuffix:");
        assertRefused(minimal().s3Endpoint(URI.create("ftp://host")), "s3Endpoint:");
        assertRefused(minimal().dynamoDbEndpoint(URI.create("relative/path")), "dynamoDbEndpoint:");
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        assertThatThrownBy(() -> minimal().region((String) null)).hasMessageStartingWith("region:");
        assertThatThrownBy(() -> minimal().region(" ")).hasMessageStartingWith("region:");
        assertThatThrownBy(() -> minimal().region((Region) null)).hasMessageStartingWith("region:");
        assertThatThrownBy(() -> minimal().endpoint(null)).hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> minimal().s3Endpoint(null)).hasMessageStartingWith("s3Endpoint:");
        assertThatThrownBy(() -> minimal().dynamoDbEndpoint(null)).hasMessageStartingWith("dynamoDbEndpoint:");
        assertThatThrownBy(() -> minimal().credentialsProvider(null)).hasMessageStartingWith("credentialsProvider:");
        assertThatThrownBy(() -> minimal().encryption(null)).hasMessageStartingWith("encryption:");
        assertThatThrownBy(() -> new AwsRepositoryConfig(Region.EU_WEST_1, "my-artifacts", "p", "", "versioned",
                null, Optional.empty(), false, AnonymousCredentialsProvider.create(), S3Encryption.none()))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("s3Endpoint:");
        assertThatThrownBy(() -> new AwsModule(null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("config:");
    }

    private static void assertRefused(AwsRepositoryConfig.Builder builder, String argument) {
        assertThatThrownBy(builder::build).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(argument);
    }
}
