package io.versioned.adapter.s3;

import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes a blob if its key is absent ({@code If-None-Match: *}). Content of at most {@code multipartThreshold}
 * bytes goes in one PutObject whose SHA-256 S3 verifies; larger content, or content declared larger, goes through
 * {@link MultipartUploader}.
 */
final class ObjectWriter {

    private final S3Client s3;
    private final ObjectLayout layout;
    private final WriteSettings settings;
    private final MultipartUploader multipart;
    private final long threshold;
    private final BooleanSupplier tagging;

    ObjectWriter(S3Client s3, ObjectLayout layout, WriteSettings settings, MultipartUploader multipart,
                 long threshold, BooleanSupplier tagging) {
        this.s3 = s3;
        this.layout = layout;
        this.settings = settings;
        this.multipart = multipart;
        this.threshold = threshold;
        this.tagging = tagging;
    }

    void put(String key, InputStream content, BlobUpload upload) {
        String objectKey = layout.objectKey(key);
        upload.sha256().ifPresent(sha -> Sha256.requireHex(sha, "upload.sha256"));
        Map<String, String> tags = tagging.getAsBoolean() ? upload.tags() : Map.of();
        if (upload.length() > threshold) {
            multipart.upload(objectKey, content, upload, tags);
            return;
        }
        byte[] head = readHead(content, objectKey);
        int next = head.length < threshold ? -1 : readByte(content, objectKey);
        if (next < 0) {
            putSingle(objectKey, head, upload, tags);
            return;
        }
        InputStream whole = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new ByteArrayInputStream(new byte[] {(byte) next}), content)));
        multipart.upload(objectKey, whole, upload, tags);
    }

    private void putSingle(String objectKey, byte[] bytes, BlobUpload upload, Map<String, String> tags) {
        byte[] digest = Sha256.digest(bytes, bytes.length);
        String sha256 = Sha256.hex(digest);
        if (upload.sha256().isPresent() && !upload.sha256().get().equals(sha256)) {
            throw new PreconditionFailedException("the content for " + layout.describe(objectKey)
                    + " has SHA-256 " + sha256 + ", not the expected " + upload.sha256().get() + "; nothing was stored");
        }
        PutObjectRequest request = settings.apply(PutObjectRequest.builder())
                .bucket(layout.bucket())
                .key(objectKey)
                .ifNoneMatch("*")
                .contentLength((long) bytes.length)
                .contentType(upload.contentType())
                .checksumSHA256(Sha256.base64(digest))
                .metadata(WriteSettings.metadata(Map.of(), Optional.of(sha256)))
                .tagging(WriteSettings.tagging(tags))
                .build();
        try {
            s3.putObject(request, RequestBody.fromContentProvider(
                    () -> new ByteArrayInputStream(bytes), bytes.length, upload.contentType()));
        } catch (SdkException | UncheckedIOException e) {
            throw S3Errors.translate(e, "PutObject", layout.describe(objectKey));
        }
    }

    private byte[] readHead(InputStream content, String objectKey) {
        try {
            return content.readNBytes((int) threshold);
        } catch (IOException e) {
            throw S3Errors.contentFailure(e, layout.describe(objectKey));
        }
    }

    private int readByte(InputStream content, String objectKey) {
        try {
            return content.read();
        } catch (IOException e) {
            throw S3Errors.contentFailure(e, layout.describe(objectKey));
        }
    }
}
