package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Version;
import io.versioned.core.port.VersionRecord;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

class S3MetadataConfigTest {

    private static S3MetadataConfig.Builder valid() {
        return S3MetadataConfig.builder().region("eu-west-1").bucket("my-bucket");
    }

    @Test
    void builderDefaults() {
        S3MetadataConfig config = valid().build();

        assertThat(config.prefix()).isEqualTo("versioned-artifacts");
        assertThat(config.endpointOverride()).isEmpty();
        assertThat(config.pathStyle()).isFalse();
        assertThat(config.credentialsProvider()).isEmpty();
    }

    @Test
    void builderSetsEveryComponent() {
        AnonymousCredentialsProvider credentials = AnonymousCredentialsProvider.create();
        S3MetadataConfig config = valid().prefix("team/repo-1").endpointOverride(URI.create("http://127.0.0.1:9000"))
                .pathStyle(true).credentialsProvider(credentials).build();

        assertThat(config).isEqualTo(new S3MetadataConfig("eu-west-1", "my-bucket", "team/repo-1",
                Optional.of(URI.create("http://127.0.0.1:9000")), true, Optional.of(credentials)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EU-WEST-1", "eu west 1", "-eu"})
    void invalidRegionIsRefusedNamingIt(String region) {
        assertThatThrownBy(() -> valid().region(region).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("region:");
        assertThatThrownBy(() -> valid().region(null).build()).hasMessageStartingWith("region:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "My-Bucket", "-bucket", "bucket-", "a..b", "has_underscore",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void invalidBucketIsRefusedNamingIt(String bucket) {
        assertThatThrownBy(() -> valid().bucket(bucket).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bucket:");
        assertThatThrownBy(() -> valid().bucket(null).build()).hasMessageStartingWith("bucket:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/repo", "repo/", "a//b", "with space", "ünï", "a/./b?"})
    void invalidPrefixIsRefusedNamingIt(String prefix) {
        assertThatThrownBy(() -> valid().prefix(prefix).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prefix:");
        assertThatThrownBy(() -> valid().prefix(null).build()).hasMessageStartingWith("prefix:");
        assertThatThrownBy(() -> valid().prefix("x".repeat(513)).build()).hasMessageStartingWith("prefix:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host", "relative/path", "http:///nohost"})
    void invalidEndpointIsRefusedNamingIt(String endpoint) {
        assertThatThrownBy(() -> valid().endpointOverride(URI.create(endpoint)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endpointOverride:");
    }

    @Test
    void nullOptionalsAreRefusedNamingThem() {
        assertThatThrownBy(() -> new S3MetadataConfig("us-east-1", "bucket", "p", null, false, Optional.empty()))
                .hasMessageStartingWith("endpointOverride:");
        assertThatThrownBy(() -> new S3MetadataConfig("us-east-1", "bucket", "p", Optional.empty(), false, null))
                .hasMessageStartingWith("credentialsProvider:");
    }

    @Test
    void portConstructorsValidateTheirArguments() {
        assertThatThrownBy(() -> new S3OnlyMetadataPort(null)).hasMessageStartingWith("config:");
        assertThatThrownBy(() -> new S3OnlyMetadataPort(null, "bucket", "p")).hasMessageStartingWith("s3:");
        assertThatThrownBy(() -> new S3OnlyMetadataPort(TestStores.client(), "Bad", "p"))
                .hasMessageStartingWith("bucket:");
        assertThatThrownBy(() -> new S3OnlyMetadataPort(TestStores.client(), "bucket", "/p"))
                .hasMessageStartingWith("prefix:");
        assertThatThrownBy(() -> new S3OnlyMetadataModule(null)).hasMessageStartingWith("config:");
    }

    @Test
    void portMethodsRefuseInvalidNamesBeforeAnyRequest() {
        S3OnlyMetadataPort port = new S3OnlyMetadataPort(TestStores.client(), "no-such-bucket-needed", "p");

        assertThatThrownBy(() -> port.listVersions("_meta")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name:");
        assertThatThrownBy(() -> port.listVersions("a/b")).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> port.getAlias("doc", "bad-alias")).hasMessageStartingWith("alias:");
        assertThatThrownBy(() -> port.aliasHistory("doc", "prod", -1)).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> port.createVersion(null)).hasMessageStartingWith("record:");
        VersionRecord nanos = new VersionRecord("doc", Version.LATEST, Instant.parse("2025-01-01T00:00:00.123456789Z"),
                false, "ab".repeat(32), 1, "text/plain", Map.of(), "doc/LATEST", Map.of(), 1);
        assertThatThrownBy(() -> port.createVersion(nanos)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record.updateAt: must be truncated to microseconds");
    }
}
