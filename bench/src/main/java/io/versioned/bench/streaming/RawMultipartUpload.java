package io.versioned.bench.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The raw SDK upload of a file in parts, the baseline of the library's put on S3: CreateMultipartUpload, then
 * UploadPart of each slice of the file (read in place, no buffer of our own) with {@code parallelism} parts in
 * flight, then CompleteMultipartUpload. No SHA-256, no condition, no record: the minimal calls that store the
 * bytes. Any failure aborts the upload.
 */
final class RawMultipartUpload {

    private final S3Client s3;
    private final long partSize;
    private final int parallelism;

    RawMultipartUpload(S3Client s3, long partSize, int parallelism) {
        if (partSize < 1 || parallelism < 1) {
            throw new IllegalArgumentException("partSize, parallelism: must be >= 1, got " + partSize + ", "
                    + parallelism);
        }
        this.s3 = s3;
        this.partSize = partSize;
        this.parallelism = parallelism;
    }

    /**
     * Uploads {@code file} to {@code key} in {@code bucket}.
     *
     * @throws IOException if the file's size cannot be read
     * @throws Exception   whatever a request throws (the upload is then aborted)
     */
    void upload(String bucket, String key, Path file) throws Exception {
        long size = Files.size(file);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<CompletedPart>> parts = new ArrayList<>();
            long count = Math.max(1, (size + partSize - 1) / partSize);
            for (int number = 1; number <= count; number++) {
                long offset = (number - 1) * partSize;
                long length = Math.min(partSize, size - offset);
                int part = number;
                parts.add(pool.submit(() -> uploadPart(bucket, key, uploadId, part, file, offset, length)));
            }
            List<CompletedPart> completed = new ArrayList<>();
            for (Future<CompletedPart> part : parts) {
                completed.add(part.get());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed)));
        } catch (ExecutionException | RuntimeException | InterruptedException e) {
            pool.shutdownNow();
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletedPart uploadPart(String bucket, String key, String uploadId, int number, Path file, long offset,
                                     long length) {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                        .contentLength(length),
                RequestBody.fromContentProvider(() -> open(file, offset, length), length,
                        "application/octet-stream"))
                .eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private static FileSlice open(Path file, long offset, long length) {
        try {
            return FileSlice.open(file, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
