package io.versioned.adapter.s3;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Copies an object inside the bucket only if its bytes have an expected SHA-256, and only if the target is absent.
 *
 * <p>How the source is verified, cheapest first: the {@value WriteSettings#SHA256_METADATA} user metadata the
 * adapter stores with every object whose SHA-256 it knew when writing it; else a full-object SHA-256 checksum
 * (objects written by other tools with one); else the object is read and hashed, which costs a GET of the whole
 * object (objects written by other tools, and multipart uploads of content whose SHA-256 was not known in
 * advance). Every later step is conditional on the source's ETag from that HeadObject
 * ({@code x-amz-copy-source-if-match}), so the bytes copied are the bytes verified. The target gets the
 * {@value WriteSettings#SHA256_METADATA} metadata, so copying it again costs no read.
 *
 * <p>How the target is written: where the store enforces {@code If-None-Match: *} on CopyObject (AWS S3 does;
 * s3proxy 4.1 ignores it) and the source is at most 5 GiB, one conditional CopyObject. Otherwise a multipart
 * upload of UploadPartCopy parts whose CompleteMultipartUpload is conditional, two requests more but as atomic.
 */
final class ObjectCopier {

    /** The largest object one CopyObject (or one UploadPartCopy) can copy: 5 GiB. */
    static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ObjectCopier.class);

    private final S3Client s3;
    private final ObjectLayout layout;
    private final WriteSettings settings;
    private final BooleanSupplier conditionalCopy;
    private final BooleanSupplier tagging;
    private final long copyPartSize;
    private final long singleCopyLimit;

    /**
     * @param copyPartSize    the part size of ranged multipart copies
     * @param singleCopyLimit the largest source copied in one request ({@link #MAX_SINGLE_COPY} on S3); larger
     *                        sources are copied in ranged parts
     */
    ObjectCopier(S3Client s3, ObjectLayout layout, WriteSettings settings, BooleanSupplier conditionalCopy,
                 BooleanSupplier tagging, long copyPartSize, long singleCopyLimit) {
        this.s3 = s3;
        this.layout = layout;
        this.settings = settings;
        this.conditionalCopy = conditionalCopy;
        this.tagging = tagging;
        this.copyPartSize = copyPartSize;
        this.singleCopyLimit = singleCopyLimit;
    }

    void copy(String sourceKey, String sourceSha256, String targetKey) {
        Sha256.requireHex(sourceSha256, "sourceSha256");
        Copy copy = new Copy(layout.objectKey(sourceKey), layout.objectKey(targetKey), false);
        HeadObjectResponse head = copy.head().orElseThrow(() -> new PreconditionFailedException(
                "copy source " + copy.source() + " does not exist"));
        copy.verify(head, sourceSha256);
        Map<String, String> metadata = WriteSettings.metadata(head.metadata(), Optional.of(sourceSha256));
        long size = head.contentLength();
        if (size <= singleCopyLimit && conditionalCopy.getAsBoolean()) {
            copy.copyObject(head, metadata);
        } else if (size == 0) {
            copy.putEmpty(head, metadata);
        } else {
            copy.multipartCopy(head, metadata);
        }
    }

    /**
     * Replaces the object at {@code targetKey} with a copy of {@code sourceKey} (logical keys), unconditionally: one
     * CopyObject with {@code metadata} and the content type of {@code description}, or, for a source above the
     * single-copy limit or of unknown length, a HeadObject and a multipart copy. Tags are copied from the source.
     */
    void replace(String sourceKey, String targetKey, BlobUpload description, Map<String, String> metadata) {
        Copy copy = new Copy(layout.objectKey(sourceKey), layout.objectKey(targetKey), true);
        if (description.length() >= 0 && description.length() <= singleCopyLimit) {
            copy.replaceObject(description.contentType(), metadata);
            return;
        }
        HeadObjectResponse head = copy.head().orElseThrow(() -> new PreconditionFailedException(
                "copy source " + copy.source() + " does not exist"));
        copy.multipartCopy(head, metadata);
    }

    /** One copy from {@code sourceKey} to {@code targetKey} (object keys). */
    private final class Copy {
        private final String sourceKey;
        private final String targetKey;
        private final boolean replacing;

        /** @param replacing whether the copy replaces an existing target; otherwise the target must be absent */
        Copy(String sourceKey, String targetKey, boolean replacing) {
            this.sourceKey = sourceKey;
            this.targetKey = targetKey;
            this.replacing = replacing;
        }

        String source() {
            return layout.describe(sourceKey);
        }

        private String describe() {
            return source() + " to " + layout.describe(targetKey);
        }

        Optional<HeadObjectResponse> head() {
            try {
                return Optional.of(s3.headObject(b -> b.bucket(layout.bucket()).key(sourceKey)
                        .checksumMode(ChecksumMode.ENABLED)));
            } catch (SdkException e) {
                if (S3Errors.isNotFound(e)) {
                    return Optional.empty();
                }
                throw S3Errors.translate(e, "HeadObject", source());
            }
        }

        void verify(HeadObjectResponse head, String expected) {
            String stored = head.metadata().get(WriteSettings.SHA256_METADATA);
            if (stored == null) {
                stored = fullObjectChecksum(head).orElseGet(() -> readAndHash(head.eTag()));
            }
            if (!stored.equals(expected)) {
                throw new PreconditionFailedException("copy source " + source() + " has SHA-256 " + stored
                        + ", not the expected " + expected + "; nothing was copied");
            }
        }

        private Optional<String> fullObjectChecksum(HeadObjectResponse head) {
            String checksum = head.checksumSHA256();
            if (checksum == null || checksum.contains("-") || head.checksumType() == ChecksumType.COMPOSITE) {
                return Optional.empty();
            }
            try {
                return Optional.of(Sha256.hex(Base64.getDecoder().decode(checksum)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private String readAndHash(String etag) {
            LOG.debug("copy source {} has no SHA-256 metadata; reading it to verify", source());
            MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[64 * 1024];
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(layout.bucket())
                    .key(sourceKey).ifMatch(etag))) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            } catch (SdkException e) {
                if (S3Errors.isNoSuchKey(e) || S3Errors.isPreconditionFailed(e)) {
                    throw new PreconditionFailedException("copy source " + source()
                            + " was deleted or replaced while it was verified; nothing was copied");
                }
                throw S3Errors.backendRead(e, source());
            } catch (IOException e) {
                throw new BackendException("reading copy source " + source() + " failed: "
                        + e.getMessage(), e, true);
            }
            return Sha256.hex(digest.digest());
        }

        void copyObject(HeadObjectResponse head, Map<String, String> metadata) {
            CopyObjectRequest request = settings.apply(CopyObjectRequest.builder())
                    .sourceBucket(layout.bucket())
                    .sourceKey(sourceKey)
                    .destinationBucket(layout.bucket())
                    .destinationKey(targetKey)
                    .copySourceIfMatch(head.eTag())
                    .ifNoneMatch("*")
                    .metadataDirective(MetadataDirective.REPLACE)
                    .metadata(metadata)
                    .contentType(head.contentType())
                    .build();
            try {
                s3.copyObject(request);
            } catch (SdkException e) {
                throw translateCopy(e, "CopyObject");
            }
        }

        void replaceObject(String contentType, Map<String, String> metadata) {
            CopyObjectRequest request = settings.apply(CopyObjectRequest.builder())
                    .sourceBucket(layout.bucket())
                    .sourceKey(sourceKey)
                    .destinationBucket(layout.bucket())
                    .destinationKey(targetKey)
                    .metadataDirective(MetadataDirective.REPLACE)
                    .metadata(metadata)
                    .contentType(contentType)
                    .build();
            try {
                s3.copyObject(request);
            } catch (SdkException e) {
                throw translateCopy(e, "CopyObject");
            }
        }

        void putEmpty(HeadObjectResponse head, Map<String, String> metadata) {
            PutObjectRequest request = settings.apply(PutObjectRequest.builder())
                    .bucket(layout.bucket())
                    .key(targetKey)
                    .ifNoneMatch("*")
                    .contentLength(0L)
                    .contentType(head.contentType())
                    .metadata(metadata)
                    .tagging(WriteSettings.tagging(sourceTags()))
                    .build();
            try {
                s3.putObject(request, RequestBody.empty());
            } catch (SdkException e) {
                throw translateCopy(e, "PutObject");
            }
        }

        void multipartCopy(HeadObjectResponse head, Map<String, String> metadata) {
            CreateMultipartUploadRequest create = settings.apply(CreateMultipartUploadRequest.builder())
                    .bucket(layout.bucket())
                    .key(targetKey)
                    .contentType(head.contentType())
                    .metadata(metadata)
                    .tagging(WriteSettings.tagging(sourceTags()))
                    .build();
            String uploadId;
            try {
                uploadId = s3.createMultipartUpload(create).uploadId();
            } catch (SdkException e) {
                throw translateCopy(e, "CreateMultipartUpload");
            }
            try {
                List<CompletedPart> parts = copyParts(uploadId, head);
                s3.completeMultipartUpload(b -> b.bucket(layout.bucket()).key(targetKey).uploadId(uploadId)
                        .ifNoneMatch(replacing ? null : "*")
                        .multipartUpload(m -> m.parts(parts)));
            } catch (SdkException e) {
                RuntimeException failure = translateCopy(e, "multipart copy");
                abort(uploadId, failure);
                throw failure;
            } catch (RuntimeException e) {
                abort(uploadId, e);
                throw e;
            }
        }

        private List<CompletedPart> copyParts(String uploadId, HeadObjectResponse head) {
            long size = head.contentLength();
            long partSize = Math.max(copyPartSize, (size + MultipartUploader.MAX_PARTS - 1) / MultipartUploader.MAX_PARTS);
            List<CompletedPart> parts = new ArrayList<>();
            for (long start = 0; start < size; start += partSize) {
                long end = Math.min(size, start + partSize) - 1;
                int number = parts.size() + 1;
                String range = size <= singleCopyLimit ? null : "bytes=" + start + "-" + end;
                String etag = s3.uploadPartCopy(b -> b.sourceBucket(layout.bucket()).sourceKey(sourceKey)
                        .destinationBucket(layout.bucket()).destinationKey(targetKey)
                        .uploadId(uploadId).partNumber(number)
                        .copySourceIfMatch(head.eTag())
                        .copySourceRange(range))
                        .copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                if (range == null) {
                    break;
                }
            }
            return parts;
        }

        private Map<String, String> sourceTags() {
            if (!tagging.getAsBoolean()) {
                return Map.of();
            }
            try {
                return s3.getObjectTagging(b -> b.bucket(layout.bucket()).key(sourceKey)).tagSet().stream()
                        .collect(Collectors.toMap(Tag::key, Tag::value));
            } catch (SdkException e) {
                throw translateCopy(e, "GetObjectTagging");
            }
        }

        private void abort(String uploadId, RuntimeException cause) {
            Uninterrupted.run(() -> {
                try {
                    s3.abortMultipartUpload(b -> b.bucket(layout.bucket()).key(targetKey).uploadId(uploadId));
                } catch (SdkException e) {
                    cause.addSuppressed(e);
                    LOG.warn("aborting multipart copy {} to {} failed", uploadId, layout.describe(targetKey), e);
                }
            });
        }

        private RuntimeException translateCopy(SdkException e, String action) {
            if (S3Errors.isNoSuchKey(e) || S3Errors.isPreconditionFailed(e)) {
                return new PreconditionFailedException("copy of " + describe()
                        + " refused: the target exists, or the source was deleted or replaced (" + action + ")");
            }
            return S3Errors.translate(e, action, describe());
        }
    }
}
