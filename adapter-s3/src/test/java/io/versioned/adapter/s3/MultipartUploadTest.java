package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Content above the threshold goes through a streaming multipart upload, each part verified by the server against
 * its CRC32C; objects of older releases (SHA-256 parts) are still read and copied.
 */
class MultipartUploadTest {

    private static final int PART = 5 * Bytes.MIB;
    private static final String BINARY = "application/octet-stream";

    @RegisterExtension
    final BootstrappedPort s3 = new BootstrappedPort(
            config -> config.multipartThreshold(PART).partSize(PART).uploadParallelism(2));

    @Test
    void contentOfUnknownLengthAboveTheThresholdIsUploadedInPartsAndReadBackWhole() {
        byte[] bytes = Bytes.random(12 * Bytes.MIB + 3, 1);

        s3.blobs().put("doc/000001", Bytes.unknownLength(bytes), upload(-1, Optional.empty()));

        assertThat(s3.log().operations()).containsExactly("CreateMultipartUpload", "UploadPart", "UploadPart",
                "UploadPart", "CompleteMultipartUpload");
        assertThat(Bytes.sha256(Bytes.readAll(s3.blobs().open("doc/000001").orElseThrow())))
                .isEqualTo(Bytes.sha256(bytes));
    }

    @Test
    void contentOfKnownLengthAboveTheThresholdGoesStraightToTheMultipartUpload() {
        byte[] bytes = Bytes.random(11 * Bytes.MIB, 2);

        s3.blobs().put("doc/000001", new ByteArrayInputStream(bytes), upload(bytes.length, Optional.empty()));

        assertThat(s3.log().count("UploadPart")).isEqualTo(3);
        assertThat(s3.log().count("PutObject")).isZero();
        assertThat(Bytes.readAll(s3.blobs().open("doc/000001").orElseThrow())).isEqualTo(bytes);
    }

    @Test
    void everyPartCarriesItsCrc32cAndNoSha256AndTheCompletionIsConditional() {
        byte[] bytes = Bytes.random(PART + 10, 3);

        s3.blobs().put("doc/000001", Bytes.unknownLength(bytes), upload(-1, Optional.empty()));

        assertThat(s3.log().of("CreateMultipartUpload").get(0).header("x-amz-checksum-algorithm")).isEqualTo("CRC32C");
        assertThat(s3.log().of("UploadPart")).map(part -> part.header("x-amz-checksum-crc32c"))
                .containsExactlyInAnyOrder(crc32c(Arrays.copyOfRange(bytes, 0, PART)),
                        crc32c(Arrays.copyOfRange(bytes, PART, bytes.length)));
        assertThat(s3.log().of("UploadPart")).map(part -> part.header("x-amz-checksum-sha256")).containsOnlyNulls();
        assertThat(s3.log().of("UploadPart")).as("no checksum of the SDK's own, sent after the body")
                .map(part -> part.header("x-amz-trailer")).containsOnlyNulls();
        RequestLog.Sent completion = s3.log().of("CompleteMultipartUpload").get(0);
        assertThat(completion.header("If-None-Match")).isEqualTo("*");
    }

    @Test
    void aPartWhoseBytesDoNotMatchItsCrc32cIsRefusedByTheServerAndNothingIsStored() {
        byte[] bytes = Bytes.random(PART + 10, 12);
        ExecutionInterceptor corruptFirstPartChecksum = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                                                    ExecutionAttributes attributes) {
                if (context.request() instanceof UploadPartRequest part && part.partNumber() == 1) {
                    return context.httpRequest().toBuilder()
                            .putHeader("x-amz-checksum-crc32c", crc32c(new byte[] {1, 2, 3})).build();
                }
                return context.httpRequest();
            }
        };
        try (S3Client corrupting = S3Fixture.client(corruptFirstPartChecksum)) {
            S3BlobPort port = new S3BlobPort(corrupting, s3.config());

            assertThatThrownBy(() -> port.put("doc/000001", Bytes.unknownLength(bytes), upload(-1, Optional.empty())))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("UploadPart 1");
        }

        assertThat(s3.blobs().open("doc/000001")).isEmpty();
        assertNoUploadInProgress();
    }

    @Test
    void anObjectUploadedWithCrc32cPartsIsCopiedWithoutReadingItAndReadBackWithItsSha256() {
        byte[] bytes = Bytes.random(2 * PART + 7, 13);
        String sha256 = Bytes.sha256(bytes);
        s3.blobs().put("doc/LATEST.a", Bytes.unknownLength(bytes), upload(-1, Optional.of(sha256)));
        s3.log().clear();

        assertThatThrownBy(() -> s3.blobs().copy("doc/LATEST.a", Bytes.sha256(new byte[1]), "doc/000001"))
                .isInstanceOf(PreconditionFailedException.class);
        s3.blobs().copy("doc/LATEST.a", sha256, "doc/000001");

        assertThat(s3.log().operations()).doesNotContain("GetObject");
        assertThat(Bytes.sha256(Bytes.readAll(s3.blobs().open("doc/000001").orElseThrow()))).isEqualTo(sha256);
        assertThat(head("doc/000001").metadata()).containsEntry("artifact_sha256", sha256);
    }

    @Test
    void anObjectOfTheOlderKindWithSha256PartsIsStillCopiedAndRead() {
        byte[] bytes = Bytes.random(PART + 9, 14);
        String sha256 = Bytes.sha256(bytes);
        String key = s3.config().prefix() + "/doc/LATEST.old";
        String bucket = s3.config().bucket();
        String uploadId = s3.client().createMultipartUpload(b -> b.bucket(bucket).key(key)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256).metadata(Map.of("artifact_sha256", sha256))).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int start = 0, number = 1; start < bytes.length; start += PART, number++) {
            byte[] part = Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + PART));
            String checksum = Sha256.base64(Sha256.digest(part, part.length));
            int partNumber = number;
            String etag = s3.client().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .partNumber(partNumber).checksumSHA256(checksum), RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).checksumSHA256(checksum).build());
        }
        s3.client().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        s3.log().clear();

        s3.blobs().copy("doc/LATEST.old", sha256, "doc/000001");

        assertThat(s3.log().operations()).doesNotContain("GetObject");
        assertThat(Bytes.readAll(s3.blobs().open("doc/LATEST.old").orElseThrow())).isEqualTo(bytes);
        assertThat(Bytes.readAll(s3.blobs().open("doc/000001").orElseThrow())).isEqualTo(bytes);
    }

    /** S3's spelling of a CRC32C: base64 of its 4 big-endian bytes (computed here independently of the adapter). */
    private static String crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aGivenSha256IsStoredAsMetadata() {
        byte[] bytes = Bytes.random(6 * Bytes.MIB, 4);

        s3.blobs().put("doc/000001", Bytes.unknownLength(bytes), upload(-1, Optional.of(Bytes.sha256(bytes))));

        assertThat(head("doc/000001").metadata()).containsEntry("artifact_sha256", Bytes.sha256(bytes));
    }

    @Test
    void withoutAGivenSha256NoMetadataIsStoredBecauseS3FixesItBeforeTheBytesAreRead() {
        byte[] bytes = Bytes.random(6 * Bytes.MIB, 5);

        s3.blobs().put("doc/000001", Bytes.unknownLength(bytes), upload(-1, Optional.empty()));

        assertThat(head("doc/000001").metadata()).doesNotContainKey("artifact_sha256");
    }

    @Test
    void aWrongSha256AbortsTheUploadAndStoresNothing() {
        byte[] bytes = Bytes.random(11 * Bytes.MIB, 6);
        String wrong = Bytes.sha256(new byte[] {1});

        assertThatThrownBy(() -> s3.blobs().put("doc/000001", Bytes.unknownLength(bytes),
                upload(-1, Optional.of(wrong))))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(wrong)
                .hasMessageContaining(s3.config().bucket());

        assertThat(s3.log().operations()).contains("AbortMultipartUpload").doesNotContain("CompleteMultipartUpload");
        assertThat(s3.blobs().open("doc/000001")).isEmpty();
        assertNoUploadInProgress();
    }

    @Test
    void anExistingKeyFailsAtTheConditionalCompletionAndKeepsTheOldBytes() {
        byte[] old = Bytes.random(100, 7);
        s3.blobs().put("doc/000001", new ByteArrayInputStream(old), upload(old.length, Optional.empty()));
        byte[] bytes = Bytes.random(6 * Bytes.MIB, 8);

        assertThatThrownBy(() -> s3.blobs().put("doc/000001", Bytes.unknownLength(bytes), upload(-1, Optional.empty())))
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(s3.log().operations()).contains("CompleteMultipartUpload", "AbortMultipartUpload");
        assertThat(Bytes.readAll(s3.blobs().open("doc/000001").orElseThrow())).isEqualTo(old);
        assertNoUploadInProgress();
    }

    @Test
    void aContentFailureAfterSomePartsAbortsTheUpload() {
        byte[] delivered = Bytes.random(7 * Bytes.MIB, 9);

        assertThatThrownBy(() -> s3.blobs().put("doc/000001", Bytes.failingAfter(delivered),
                upload(-1, Optional.empty())))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("simulated failure")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());

        assertThat(s3.log().operations()).contains("AbortMultipartUpload").doesNotContain("CompleteMultipartUpload");
        assertThat(s3.blobs().open("doc/000001")).isEmpty();
        assertNoUploadInProgress();
    }

    @Test
    void anInterruptionDuringTheUploadStillAbortsItAndKeepsTheInterruptStatus() {
        byte[] bytes = Bytes.random(16 * Bytes.MIB, 10);

        try {
            assertThatThrownBy(() -> s3.blobs().put("doc/000001", Bytes.interruptingAfter(bytes, 6 * Bytes.MIB),
                    upload(-1, Optional.empty())))
                    .isInstanceOf(BackendException.class)
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(s3.log().operations()).contains("AbortMultipartUpload").doesNotContain("CompleteMultipartUpload");
        assertThat(s3.blobs().open("doc/000001")).isEmpty();
        assertNoUploadInProgress();
    }

    @Test
    void anUncheckedFailureOfTheContentAbortsTheUploadAndIsRethrown() {
        byte[] bytes = Bytes.random(7 * Bytes.MIB, 11);
        IllegalStateException failure = new IllegalStateException("the caller's stream broke");

        assertThatThrownBy(() -> s3.blobs().put("doc/000001", Bytes.throwingAfter(bytes, failure),
                upload(-1, Optional.empty())))
                .isSameAs(failure);

        assertThat(s3.log().operations()).contains("AbortMultipartUpload").doesNotContain("CompleteMultipartUpload");
        assertNoUploadInProgress();
    }

    @Test
    void thePartSizeGrowsForKnownLengthsSoThatTenThousandPartsSuffice() {
        MultipartUploader uploader = new MultipartUploader(s3.client(), new ObjectLayout(s3.config()),
                new WriteSettings(S3Encryption.none()), 16L * Bytes.MIB, 4);

        assertThat(uploader.partSizeFor(-1)).isEqualTo(16L * Bytes.MIB);
        assertThat(uploader.partSizeFor(160_000L * Bytes.MIB)).isEqualTo(16L * Bytes.MIB);
        long huge = 1024L * 1024 * Bytes.MIB;
        long grown = uploader.partSizeFor(huge);
        assertThat(grown % Bytes.MIB).isZero();
        assertThat((huge + grown - 1) / grown).isLessThanOrEqualTo(MultipartUploader.MAX_PARTS);
    }

    private HeadObjectResponse head(String key) {
        return s3.client().headObject(b -> b.bucket(s3.config().bucket()).key(s3.config().prefix() + "/" + key));
    }

    private void assertNoUploadInProgress() {
        assertThat(s3.client().listMultipartUploads(b -> b.bucket(s3.config().bucket())).uploads()).isEmpty();
    }

    private static BlobUpload upload(long length, Optional<String> sha256) {
        return new BlobUpload(length, sha256, BINARY, Map.of());
    }
}
