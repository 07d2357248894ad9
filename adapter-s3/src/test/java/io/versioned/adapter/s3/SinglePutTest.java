package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Content up to the threshold goes in one conditional PutObject whose SHA-256 the store verifies. */
class SinglePutTest {

    @RegisterExtension
    final BootstrappedPort s3 = new BootstrappedPort();

    @Test
    void oneConditionalPutObjectCarriesTheChecksumTheMetadataAndTheContentType() {
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);

        s3.blobs().put("doc/000001", Bytes.unknownLength(bytes),
                new BlobUpload(-1, Optional.empty(), "text/plain", Map.of()));

        assertThat(s3.log().operations()).containsExactly("PutObject");
        RequestLog.Sent put = s3.log().of("PutObject").get(0);
        assertThat(put.header("If-None-Match")).isEqualTo("*");
        assertThat(put.header("x-amz-checksum-sha256")).isEqualTo(Sha256.hexToBase64(Bytes.sha256(bytes)));
        assertThat(put.header("x-amz-meta-artifact_sha256")).isEqualTo(Bytes.sha256(bytes));
        HeadObjectResponse head = s3.client().headObject(b -> b.bucket(s3.config().bucket())
                .key("versioned-artifacts/doc/000001").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.metadata()).containsEntry("artifact_sha256", Bytes.sha256(bytes));
        assertThat(head.checksumSHA256()).isEqualTo(Sha256.hexToBase64(Bytes.sha256(bytes)));
        assertThat(head.contentType()).isEqualTo("text/plain");
    }

    @Test
    void aWrongSha256IsRefusedBeforeAnythingIsSent() {
        byte[] bytes = Bytes.random(1000, 1);

        assertThatThrownBy(() -> s3.blobs().put("doc/000001", new ByteArrayInputStream(bytes),
                new BlobUpload(bytes.length, Optional.of(Bytes.sha256(new byte[0])), "application/octet-stream",
                        Map.of())))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("s3://" + s3.config().bucket() + "/versioned-artifacts/doc/000001");

        assertThat(s3.log().operations()).isEmpty();
    }

    @Test
    void aMalformedSha256IsABadArgument() {
        assertThatThrownBy(() -> s3.blobs().put("doc/000001", new ByteArrayInputStream(new byte[1]),
                new BlobUpload(1, Optional.of("ABC"), "application/octet-stream", Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("upload.sha256:");
    }

    @Test
    void contentOfExactlyTheThresholdStillGoesInOnePutObject() {
        S3BlobPort small = new S3BlobPort(s3.client(), s3.config().toBuilder()
                .multipartThreshold(S3BlobConfig.MIN_PART_SIZE).partSize(S3BlobConfig.MIN_PART_SIZE)
                .taggingSupport(FeatureSupport.DISABLED).build());
        byte[] bytes = Bytes.random((int) S3BlobConfig.MIN_PART_SIZE, 2);

        small.put("doc/000002", Bytes.unknownLength(bytes),
                new BlobUpload(-1, Optional.empty(), "application/octet-stream", Map.of()));

        assertThat(s3.log().operations()).containsExactly("PutObject");
        assertThat(Bytes.readAll(small.open("doc/000002").orElseThrow())).isEqualTo(bytes);
    }
}
