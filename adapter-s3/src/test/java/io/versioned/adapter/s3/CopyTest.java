package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * How copies verify their source and write their target: metadata, full-object checksum or a read; one
 * conditional CopyObject, or a multipart copy with a conditional completion where the store ignores
 * {@code If-None-Match} on CopyObject (s3proxy does).
 */
class CopyTest {

    private static final String PREFIX = "versioned-artifacts/";

    @RegisterExtension
    final BootstrappedPort s3 = new BootstrappedPort();

    @Test
    void onAStoreThatIgnoresConditionalCopyTheTargetIsWrittenByAConditionalMultipartCompletion() {
        byte[] bytes = put("doc/LATEST.a", 1000);
        s3.log().clear();

        s3.blobs().copy("doc/LATEST.a", Bytes.sha256(bytes), "doc/000001");

        assertThat(s3.log().operations()).containsExactly("HeadObject", "CreateMultipartUpload", "UploadPartCopy",
                "CompleteMultipartUpload");
        assertThat(s3.log().of("UploadPartCopy").get(0).header("x-amz-copy-source-if-match")).isNotBlank();
        assertThat(s3.log().of("CompleteMultipartUpload").get(0).header("If-None-Match")).isEqualTo("*");
        assertThat(read("doc/000001")).isEqualTo(bytes);
        assertThat(metadata("doc/000001")).containsEntry("artifact_sha256", Bytes.sha256(bytes));
    }

    @Test
    void whereConditionalCopyIsEnabledOneCopyObjectConditionalOnBothSidesIsSent() {
        S3BlobPort native_ = new S3BlobPort(s3.client(), s3.config().toBuilder()
                .conditionalCopySupport(FeatureSupport.ENABLED).build());
        byte[] bytes = put("doc/LATEST.a", 1000);
        s3.log().clear();

        native_.copy("doc/LATEST.a", Bytes.sha256(bytes), "doc/000001");

        assertThat(s3.log().operations()).containsExactly("HeadObject", "CopyObject");
        RequestLog.Sent copy = s3.log().of("CopyObject").get(0);
        assertThat(copy.header("If-None-Match")).isEqualTo("*");
        assertThat(copy.header("x-amz-copy-source-if-match")).isNotBlank();
        assertThat(copy.header("x-amz-metadata-directive")).isEqualTo("REPLACE");
        assertThat(copy.header("x-amz-meta-artifact_sha256")).isEqualTo(Bytes.sha256(bytes));
        assertThat(read("doc/000001")).isEqualTo(bytes);
    }

    @Test
    void anEmptySourceIsCopiedWithAConditionalEmptyPut() {
        byte[] bytes = put("doc/LATEST.a", 0);
        s3.log().clear();

        s3.blobs().copy("doc/LATEST.a", Bytes.sha256(bytes), "doc/000001");

        assertThat(s3.log().operations()).containsExactly("HeadObject", "PutObject");
        assertThat(s3.log().of("PutObject").get(0).header("If-None-Match")).isEqualTo("*");
        assertThat(read("doc/000001")).isEmpty();
    }

    @Test
    void aSourceWithAFullObjectSha256ChecksumButNoMetadataIsVerifiedWithoutReadingIt() {
        byte[] bytes = Bytes.random(5000, 2);
        s3.client().putObject(b -> b.bucket(s3.config().bucket()).key(PREFIX + "doc/LATEST")
                .checksumSHA256(Sha256.hexToBase64(Bytes.sha256(bytes))), RequestBody.fromBytes(bytes));
        s3.log().clear();

        assertThatThrownBy(() -> s3.blobs().copy("doc/LATEST", Bytes.sha256(new byte[1]), "doc/000001"))
                .isInstanceOf(PreconditionFailedException.class);
        s3.blobs().copy("doc/LATEST", Bytes.sha256(bytes), "doc/000001");

        assertThat(s3.log().operations()).doesNotContain("GetObject");
        assertThat(read("doc/000001")).isEqualTo(bytes);
    }

    @Test
    void aSourceWithoutSha256MetadataOrChecksumIsReadAndHashedOnce() {
        byte[] bytes = Bytes.random(5000, 3);
        s3.client().putObject(b -> b.bucket(s3.config().bucket()).key(PREFIX + "doc/LATEST")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(bytes));
        s3.log().clear();

        s3.blobs().copy("doc/LATEST", Bytes.sha256(bytes), "doc/000001");

        assertThat(s3.log().count("GetObject")).isEqualTo(1);
        assertThat(s3.log().of("GetObject").get(0).header("If-Match")).isNotBlank();
        assertThat(read("doc/000001")).isEqualTo(bytes);
        assertThat(metadata("doc/000001")).containsEntry("artifact_sha256", Bytes.sha256(bytes));
    }

    @Test
    void aSourceWithoutSha256MetadataAndOtherBytesIsRefusedAfterTheRead() {
        s3.client().putObject(b -> b.bucket(s3.config().bucket()).key(PREFIX + "doc/LATEST")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromString("written by another tool"));

        assertThatThrownBy(() -> s3.blobs().copy("doc/LATEST", Bytes.sha256(new byte[] {7}), "doc/000001"))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("doc/LATEST");

        assertThat(s3.blobs().open("doc/000001")).isEmpty();
    }

    @Test
    void sourcesAboveTheSingleCopyLimitAreCopiedInRangedParts() {
        int size = 11 * Bytes.MIB;
        byte[] bytes = put("doc/LATEST.a", size);
        ObjectLayout layout = new ObjectLayout(s3.config());
        ObjectCopier copier = new ObjectCopier(s3.client(), layout, new WriteSettings(S3Encryption.none()),
                () -> true, () -> false, S3BlobConfig.MIN_PART_SIZE, S3BlobConfig.MIN_PART_SIZE);
        s3.log().clear();

        copier.copy("doc/LATEST.a", Bytes.sha256(bytes), "doc/000001");

        assertThat(s3.log().of("UploadPartCopy")).map(part -> part.header("x-amz-copy-source-range")).containsExactly(
                "bytes=0-5242879", "bytes=5242880-10485759", "bytes=10485760-11534335");
        assertThat(s3.log().of("CompleteMultipartUpload").get(0).header("If-None-Match")).isEqualTo("*");
        assertThat(read("doc/000001")).isEqualTo(bytes);
    }

    @Test
    void anInterruptedMultipartCopyIsStillAbortedAndKeepsTheInterruptStatus() {
        byte[] bytes = put("doc/LATEST.a", 1000);
        ExecutionInterceptor interruptPartCopy = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof UploadPartCopyRequest) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (S3Client interrupting = S3Fixture.client(interruptPartCopy)) {
            S3BlobPort port = new S3BlobPort(interrupting, s3.config());
            try {
                assertThatThrownBy(() -> port.copy("doc/LATEST.a", Bytes.sha256(bytes), "doc/000001"))
                        .isInstanceOf(BackendException.class);
                assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
            } finally {
                Thread.interrupted();
            }
        }

        assertThat(s3.client().listMultipartUploads(b -> b.bucket(s3.config().bucket())).uploads()).isEmpty();
        assertThat(s3.blobs().open("doc/000001")).isEmpty();
    }

    @Test
    void aMalformedSha256IsABadArgument() {
        put("doc/LATEST.a", 10);

        assertThatThrownBy(() -> s3.blobs().copy("doc/LATEST.a", "not-a-sha", "doc/000001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sourceSha256:");
    }

    private byte[] put(String key, int size) {
        byte[] bytes = Bytes.random(size, size);
        s3.blobs().put(key, new ByteArrayInputStream(bytes),
                new BlobUpload(size, Optional.empty(), "application/octet-stream", Map.of()));
        return bytes;
    }

    private byte[] read(String key) {
        return Bytes.readAll(s3.blobs().open(key).orElseThrow());
    }

    private Map<String, String> metadata(String key) {
        return s3.client().headObject(b -> b.bucket(s3.config().bucket()).key(PREFIX + key)).metadata();
    }
}
