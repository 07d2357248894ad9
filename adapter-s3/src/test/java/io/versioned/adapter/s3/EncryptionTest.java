package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobUpload;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The configured server-side encryption is requested on every write: puts (the probes' too), multipart uploads and
 * copies. s3proxy accepts the headers without encrypting; the test checks the requests really sent.
 */
class EncryptionTest {

    private static final String SSE = "x-amz-server-side-encryption";
    private static final String KMS_KEY = "x-amz-server-side-encryption-aws-kms-key-id";
    private static final List<String> WRITES = List.of("PutObject", "CreateMultipartUpload", "CopyObject");

    @RegisterExtension
    final RecordingClient s3 = new RecordingClient();

    @Test
    void sseS3IsRequestedOnEveryWrite() {
        writeEverything(S3Encryption.s3Managed());

        assertThat(writes()).extracting(RequestLog.Sent::operation)
                .contains("PutObject", "CreateMultipartUpload", "CopyObject");
        assertThat(writes()).allSatisfy(write -> {
            assertThat(write.header(SSE)).as(write.operation()).isEqualTo("AES256");
            assertThat(write.header(KMS_KEY)).as(write.operation()).isNull();
        });
        assertThat(s3.log().of("UploadPart")).allSatisfy(part -> assertThat(part.header(SSE)).isNull());
    }

    @Test
    void sseKmsWithAKeyIsRequestedOnEveryWrite() {
        String key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        writeEverything(S3Encryption.kms(key));

        assertThat(writes()).isNotEmpty().allSatisfy(write -> {
            assertThat(write.header(SSE)).as(write.operation()).isEqualTo("aws:kms");
            assertThat(write.header(KMS_KEY)).as(write.operation()).isEqualTo(key);
        });
    }

    @Test
    void sseKmsWithTheDefaultKeySendsNoKeyId() {
        S3BlobPort blobs = new S3BlobPort(s3.client(), S3Fixture.config().encryption(S3Encryption.kmsWithDefaultKey())
                .taggingSupport(FeatureSupport.DISABLED).conditionalCopySupport(FeatureSupport.DISABLED).build());
        blobs.bootstrap();

        // s3proxy insists on a key id (AWS S3 would use the aws/s3 key): the header is what is checked here
        assertThatThrownBy(() -> put(blobs, "doc/000001", new byte[] {1}))
                .isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());

        RequestLog.Sent put = s3.log().of("PutObject").get(0);
        assertThat(put.header(SSE)).isEqualTo("aws:kms");
        assertThat(put.header(KMS_KEY)).isNull();
    }

    @Test
    void noEncryptionSendsNoHeader() {
        writeEverything(S3Encryption.none());

        assertThat(writes()).isNotEmpty().allSatisfy(write -> assertThat(write.header(SSE)).isNull());
    }

    /** A small put, a multipart put, a native copy and an emulated (multipart) copy. */
    private void writeEverything(S3Encryption encryption) {
        S3BlobConfig config = S3Fixture.config().encryption(encryption)
                .multipartThreshold(S3BlobConfig.MIN_PART_SIZE).partSize(S3BlobConfig.MIN_PART_SIZE).build();
        S3BlobPort blobs = new S3BlobPort(s3.client(), config);
        blobs.bootstrap();
        byte[] small = Bytes.random(100, 1);
        byte[] large = Bytes.random(6 * Bytes.MIB, 2);
        put(blobs, "doc/LATEST.a", small);
        put(blobs, "doc/LATEST.b", large);
        blobs.copy("doc/LATEST.a", Bytes.sha256(small), "doc/000001");
        new S3BlobPort(s3.client(), config.toBuilder().conditionalCopySupport(FeatureSupport.ENABLED).build())
                .copy("doc/LATEST.b", Bytes.sha256(large), "doc/000002");
        assertThat(Bytes.readAll(blobs.open("doc/000002").orElseThrow())).isEqualTo(large);
    }

    private List<RequestLog.Sent> writes() {
        return s3.log().requests().stream().filter(sent -> WRITES.contains(sent.operation())).toList();
    }

    private static void put(S3BlobPort blobs, String key, byte[] bytes) {
        blobs.put(key, new ByteArrayInputStream(bytes),
                new BlobUpload(bytes.length, Optional.empty(), "application/octet-stream", Map.of()));
    }
}
