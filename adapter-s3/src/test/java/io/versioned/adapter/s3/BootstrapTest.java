package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobUpload;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;

/** Bootstrap creates the bucket once and detects the optional features of the store. */
class BootstrapTest {

    @RegisterExtension
    final RecordingClient s3 = new RecordingClient();

    @Test
    void createsAMissingBucketOnceAndLeavesNoProbeObjects() {
        S3BlobConfig config = S3Fixture.config().build();
        S3BlobPort blobs = new S3BlobPort(s3.client(), config);

        blobs.bootstrap();
        blobs.bootstrap();

        assertThat(s3.log().count("CreateBucket")).isEqualTo(1);
        assertThat(s3.log().count("HeadBucket")).isEqualTo(2);
        assertThat(s3.client().listObjectsV2(b -> b.bucket(config.bucket())).contents()).isEmpty();
    }

    @Test
    void probesEachFeatureOnlyOnce() {
        S3BlobPort blobs = new S3BlobPort(s3.client(), S3Fixture.config().build());

        blobs.bootstrap();
        blobs.bootstrap();
        blobs.capabilities();

        assertThat(s3.log().count("PutObjectTagging")).isEqualTo(1);
        assertThat(s3.log().count("CopyObject")).isEqualTo(1);
    }

    @Test
    void createsTheBucketInAnotherRegionWithALocationConstraint() {
        S3BlobConfig config = S3Fixture.config().region(Region.EU_WEST_1).build();
        try (S3BlobPort blobs = S3BlobPort.create(config)) {
            blobs.bootstrap();
            blobs.put("doc/000001", new ByteArrayInputStream(new byte[] {1}),
                    new BlobUpload(1, Optional.empty(), "application/octet-stream", Map.of()));

            assertThat(blobs.list("")).containsExactly("doc/000001");
        }
    }

    @Test
    void s3proxyHasNoTaggingSoTheProbeLeavesTheCapabilityOut() {
        S3BlobPort blobs = new S3BlobPort(s3.client(), S3Fixture.config().build());
        blobs.bootstrap();

        assertThat(blobs.capabilities()).doesNotContain(BlobCapability.TAGGING);
        assertThatThrownBy(() -> blobs.tags("doc/000001")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void disabledFeaturesAreNotProbed() {
        S3BlobPort blobs = new S3BlobPort(s3.client(), S3Fixture.config()
                .taggingSupport(FeatureSupport.DISABLED).conditionalCopySupport(FeatureSupport.DISABLED).build());

        blobs.bootstrap();

        assertThat(s3.log().operations()).containsExactly("HeadBucket", "CreateBucket");
        assertThat(blobs.capabilities()).as("capabilities: only the one that needs no probe")
                .containsExactly(BlobCapability.KEEPS_GIVEN_SHA256);
    }

    @Test
    void taggingEnabledOnAStoreWithoutItIsDeclaredAndFailsOnUse() {
        S3BlobPort blobs = new S3BlobPort(s3.client(),
                S3Fixture.config().taggingSupport(FeatureSupport.ENABLED).build());
        blobs.bootstrap();

        assertThat(blobs.capabilities()).as("capabilities").containsExactlyInAnyOrder(BlobCapability.TAGGING,
                BlobCapability.KEEPS_GIVEN_SHA256);
        assertThatThrownBy(() -> blobs.put("doc/000001", new ByteArrayInputStream(new byte[] {1}),
                new BlobUpload(1, Optional.empty(), "application/octet-stream", Map.of("team", "data"))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("501");
        assertThat(s3.log().of("PutObject").get(s3.log().of("PutObject").size() - 1).header("x-amz-tagging"))
                .isEqualTo("team=data");
    }
}
