package io.versioned.adapter.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * The server-side encryption requested for every object the adapter writes (puts, multipart uploads and copies).
 * Reads need no setting: S3 decrypts SSE-S3 and SSE-KMS objects transparently for callers allowed to use the key.
 */
public sealed interface S3Encryption {

    /** No encryption header is sent; the bucket's default encryption applies. */
    static S3Encryption none() {
        return None.INSTANCE;
    }

    /** SSE-S3: keys managed by S3 ({@code x-amz-server-side-encryption: AES256}). */
    static S3Encryption s3Managed() {
        return S3Managed.INSTANCE;
    }

    /**
     * SSE-KMS with the given key ({@code x-amz-server-side-encryption: aws:kms} and
     * {@code x-amz-server-side-encryption-aws-kms-key-id}).
     *
     * @param keyId a KMS key id, key ARN, alias name or alias ARN
     * @throws IllegalArgumentException if {@code keyId} is null or blank
     */
    static S3Encryption kms(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("keyId: must be a non-blank KMS key id, ARN or alias");
        }
        return new Kms(Optional.of(keyId));
    }

    /** SSE-KMS with the account's AWS managed key for S3 ({@code aws/s3}); no key id header is sent. */
    static S3Encryption kmsWithDefaultKey() {
        return new Kms(Optional.empty());
    }

    /** No server-side encryption header. */
    enum None implements S3Encryption {
        INSTANCE
    }

    /** SSE-S3. */
    enum S3Managed implements S3Encryption {
        INSTANCE
    }

    /**
     * SSE-KMS.
     *
     * @param keyId the KMS key, or empty for the AWS managed key
     */
    record Kms(Optional<String> keyId) implements S3Encryption {
        public Kms {
            Objects.requireNonNull(keyId, "keyId");
            if (keyId.isPresent() && keyId.get().isBlank()) {
                throw new IllegalArgumentException("keyId: must not be blank when present");
            }
        }
    }
}
