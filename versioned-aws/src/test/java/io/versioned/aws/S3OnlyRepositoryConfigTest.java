package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3Encryption;
import io.versioned.adapter.s3only.S3MetadataConfig;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What only the S3-only configuration has: the endpoint, the records' configuration on the same bucket and prefix as
 * the blobs', and the records' stricter rules. The settings it shares with the S3 + DynamoDB configuration are
 * tested in {@link RepositoryConfigBuilderTest}.
 */
class S3OnlyRepositoryConfigTest {

    private static final URI LOCAL_S3 = URI.create("http://127.0.0.1:9000");

    private static S3OnlyRepositoryConfig.Builder minimal() {
        return S3OnlyRepositoryConfig.builder().region("eu-west-1").bucket("my-artifacts");
    }

    @Test
    void defaultsAreTheAwsEndpointAndTheDefaultPrefixForTheRecordsToo() {
        S3OnlyRepositoryConfig config = minimal().build();

        assertThat(config.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(config.s3MetadataConfig()).isEqualTo(new S3MetadataConfig("eu-west-1", "my-artifacts",
                S3MetadataConfig.DEFAULT_PREFIX, Optional.empty(), false, Optional.of(config.credentialsProvider())));
        assertThat(config.s3BlobConfig().prefix()).isEqualTo(S3MetadataConfig.DEFAULT_PREFIX);
    }

    @Test
    void blobsAndRecordsGetTheSameBucketPrefixEndpointAddressingAndCredentials() {
        AwsCredentialsProvider credentials = AnonymousCredentialsProvider.create();
        S3OnlyRepositoryConfig config = minimal().prefix("teams/data").keySuffix(".sqlite").endpoint(LOCAL_S3)
                .pathStyle(true).credentialsProvider(credentials).encryption(S3Encryption.kms("alias/artifacts"))
                .build();

        S3BlobConfig blobs = config.s3BlobConfig();
        S3MetadataConfig records = config.s3MetadataConfig();

        assertThat(blobs).isEqualTo(S3BlobConfig.builder().region(Region.EU_WEST_1).bucket("my-artifacts")
                .prefix("teams/data").keySuffix(".sqlite").endpointOverride(LOCAL_S3).pathStyle(true)
                .credentialsProvider(credentials).encryption(S3Encryption.kms("alias/artifacts")).build());
        assertThat(records).isEqualTo(new S3MetadataConfig("eu-west-1", "my-artifacts", "teams/data",
                Optional.of(LOCAL_S3), true, Optional.of(credentials)));
    }

    @Test
    void theEndpointIsCheckedAndRefusedByItsName() {
        assertRefused(minimal().endpoint(URI.create("ftp://host")), "endpoint:");
        assertRefused(minimal().endpoint(URI.create("relative/path")), "endpoint:");
        assertThatThrownBy(() -> minimal().endpoint(null)).hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> new S3OnlyRepositoryConfig(Region.EU_WEST_1, "my-artifacts", "p", "", null, false,
                AnonymousCredentialsProvider.create(), S3Encryption.none()))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endpoint:");
    }

    @Test
    void theRecordsNeedAFolderPlainPrefixCharactersAndALowerCaseRegion() {
        assertRefused(minimal().prefix(""), "prefix:");
        assertRefused(minimal().prefix("with space"), "prefix:");
        assertRefused(minimal().region("EU-WEST-1"), "region:");
    }

    @Test
    void theModuleAndTheFactoryRefuseANullConfiguration() {
        assertThatThrownBy(() -> new S3OnlyModule(null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("config:");
        assertThatThrownBy(() -> VersionedAws.s3OnlyRepository(null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("config:");
    }

    private static void assertRefused(S3OnlyRepositoryConfig.Builder builder, String argument) {
        assertThatThrownBy(builder::build).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(argument);
    }
}
