package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class S3BlobConfigTest {

    private static S3BlobConfig.Builder valid() {
        return S3BlobConfig.builder().region(Region.EU_WEST_1).bucket("my-bucket");
    }

    @Test
    void hasTheDocumentedDefaults() {
        S3BlobConfig config = valid().build();

        assertThat(config.prefix()).isEqualTo("versioned-artifacts");
        assertThat(config.keySuffix()).isEmpty();
        assertThat(config.endpointOverride()).isEmpty();
        assertThat(config.pathStyle()).isFalse();
        assertThat(config.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(config.encryption()).isEqualTo(S3Encryption.none());
        assertThat(config.multipartThreshold()).isEqualTo(16L * 1024 * 1024);
        assertThat(config.partSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(config.uploadParallelism()).isEqualTo(4);
        assertThat(config.taggingSupport()).isEqualTo(FeatureSupport.AUTO);
        assertThat(config.conditionalCopySupport()).isEqualTo(FeatureSupport.AUTO);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        S3BlobConfig config = valid().prefix("a/b").keySuffix(".bin").endpointOverride(URI.create("http://localhost:9000"))
                .pathStyle(true).encryption(S3Encryption.kms("key")).multipartThreshold(1).partSize(6L << 20)
                .uploadParallelism(2).taggingSupport(FeatureSupport.DISABLED)
                .conditionalCopySupport(FeatureSupport.ENABLED).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.encryption()).isEqualTo(new S3Encryption.Kms(Optional.of("key")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Upper", "-start", "end-", "two..dots", "dot.-hyphen", "192.168.1.1",
            "xn--bucket", "sthree-bucket", "bucket-s3alias", "bucket--ol-s3", "under_score",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesBucketNamesThatBreakS3Rules(String bucket) {
        assertRefused(b -> b.bucket(bucket), "bucket:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-bucket", "abc", "my.bucket.v2", "0bucket9"})
    void acceptsValidBucketNames(String bucket) {
        assertThat(valid().bucket(bucket).build().bucket()).isEqualTo(bucket);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lead", "trail/", "a//b", "tab\there"})
    void refusesPrefixesWithEdgeSlashesOrEmptySegments(String prefix) {
        assertRefused(b -> b.prefix(prefix), "prefix:");
    }

    @Test
    void refusesEveryOtherBrokenField() {
        assertRefused(b -> b.region((Region) null), "region:");
        assertRefused(b -> b.bucket(null), "bucket:");
        assertRefused(b -> b.prefix(null), "prefix:");
        assertRefused(b -> b.keySuffix("a/b"), "keySuffix:");
        assertRefused(b -> b.endpointOverride(URI.create("ftp://host")), "endpointOverride:");
        assertRefused(b -> b.endpointOverride(URI.create("relative/path")), "endpointOverride:");
        assertRefused(b -> b.encryption(null), "encryption:");
        assertRefused(b -> b.multipartThreshold(0), "multipartThreshold:");
        assertRefused(b -> b.multipartThreshold(2L << 30), "multipartThreshold:");
        assertRefused(b -> b.partSize(5L * 1024 * 1024 - 1), "partSize:");
        assertRefused(b -> b.uploadParallelism(0), "uploadParallelism:");
        assertRefused(b -> b.uploadParallelism(65), "uploadParallelism:");
        assertRefused(b -> b.taggingSupport(null), "taggingSupport:");
        assertRefused(b -> b.conditionalCopySupport(null), "conditionalCopySupport:");
        assertThatThrownBy(() -> valid().region(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("region:");
        assertThatThrownBy(() -> S3Encryption.kms(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keyId:");
    }

    private static void assertRefused(UnaryOperator<S3BlobConfig.Builder> change, String argument) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(argument);
    }
}
