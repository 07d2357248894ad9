package io.versioned.adapter.s3;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * What every object write carries: the configured server-side encryption, the {@value #SHA256_METADATA} user
 * metadata, and tags where the store supports them.
 */
final class WriteSettings {

    /** User metadata holding the SHA-256 (lower-case hex) of the object's bytes. */
    static final String SHA256_METADATA = "artifact_sha256";

    private final ServerSideEncryption sse;
    private final String kmsKeyId;

    WriteSettings(S3Encryption encryption) {
        if (encryption instanceof S3Encryption.Kms kms) {
            this.sse = ServerSideEncryption.AWS_KMS;
            this.kmsKeyId = kms.keyId().orElse(null);
        } else if (encryption instanceof S3Encryption.S3Managed) {
            this.sse = ServerSideEncryption.AES256;
            this.kmsKeyId = null;
        } else {
            this.sse = null;
            this.kmsKeyId = null;
        }
    }

    PutObjectRequest.Builder apply(PutObjectRequest.Builder request) {
        return request.serverSideEncryption(sse).ssekmsKeyId(kmsKeyId);
    }

    CreateMultipartUploadRequest.Builder apply(CreateMultipartUploadRequest.Builder request) {
        return request.serverSideEncryption(sse).ssekmsKeyId(kmsKeyId);
    }

    CopyObjectRequest.Builder apply(CopyObjectRequest.Builder request) {
        return request.serverSideEncryption(sse).ssekmsKeyId(kmsKeyId);
    }

    /** {@code metadata} plus {@value #SHA256_METADATA} when the SHA-256 is known. */
    static Map<String, String> metadata(Map<String, String> metadata, Optional<String> sha256) {
        Map<String, String> result = new HashMap<>(metadata);
        sha256.ifPresent(sha -> result.put(SHA256_METADATA, sha));
        return result;
    }

    /**
     * The {@code x-amz-tagging} header value of {@code tags} (URL-encoded {@code key=value} pairs joined by
     * {@code &}), or null (no header) when there are none: some stores refuse the header even when empty.
     */
    static String tagging(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        return new TreeMap<>(tags).entrySet().stream()
                .map(t -> SdkHttpUtils.urlEncode(t.getKey()) + "=" + SdkHttpUtils.urlEncode(t.getValue()))
                .collect(Collectors.joining("&"));
    }
}
