package io.versioned.adapter.s3;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Streams content of any length into one object with a multipart upload. Parts are read one after another from
 * the content into at most {@code parallelism} reusable buffers and sent by as many threads, so memory stays at
 * {@code parallelism x partSize} whatever the content's size. Each part carries its CRC32C
 * ({@code x-amz-checksum-crc32c}, hardware-accelerated) for S3 to verify, which protects it in transit as a SHA-256
 * would, at a fraction of the cost; when the SHA-256 of the whole content is given ({@link BlobUpload#sha256()}),
 * it is computed on the way and the upload is aborted unless it matches. The completion is conditional
 * ({@code If-None-Match: *}), so the object appears whole or not at all, and only if the key was absent. Any
 * failure, an interruption included, aborts the upload; the thread keeps its interrupt status.
 */
final class MultipartUploader {

    /** The most parts in one upload (an S3 limit). */
    static final int MAX_PARTS = 10_000;
    /** The largest object S3 stores: 5 TiB. */
    static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);
    private static final long MIB = 1024L * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final S3Client s3;
    private final ObjectLayout layout;
    private final WriteSettings settings;
    private final long partSize;
    private final int parallelism;

    MultipartUploader(S3Client s3, ObjectLayout layout, WriteSettings settings, long partSize, int parallelism) {
        this.s3 = s3;
        this.layout = layout;
        this.settings = settings;
        this.partSize = partSize;
        this.parallelism = parallelism;
    }

    /**
     * The part size for content of {@code length} bytes (-1 when unknown): the configured size, grown to a whole
     * number of MiB so that the content fits in {@value #MAX_PARTS} parts.
     */
    long partSizeFor(long length) {
        if (length <= (long) MAX_PARTS * partSize) {
            return partSize;
        }
        long needed = (length + MAX_PARTS - 1) / MAX_PARTS;
        return (needed + MIB - 1) / MIB * MIB;
    }

    /** Uploads {@code content} (read to its end, not closed) to {@code objectKey} if absent. */
    void upload(String objectKey, InputStream content, BlobUpload upload, Map<String, String> tags) {
        String target = layout.describe(objectKey);
        if (upload.length() > MAX_OBJECT_SIZE) {
            throw new BackendException("the content for " + target + " is " + upload.length()
                    + " bytes, more than S3's largest object (5 TiB)", null, false);
        }
        String uploadId = create(objectKey, upload, tags, target);
        Upload running = new Upload(objectKey, uploadId, target, (int) partSizeFor(upload.length()));
        try {
            running.run(content, upload);
        } catch (RuntimeException | Error e) {
            Uninterrupted.run(() -> {
                running.stopParts();
                abort(objectKey, uploadId, e);
            });
            throw e;
        } finally {
            running.stopParts();
        }
    }

    private String create(String objectKey, BlobUpload upload, Map<String, String> tags, String target) {
        CreateMultipartUploadRequest request = settings.apply(CreateMultipartUploadRequest.builder())
                .bucket(layout.bucket())
                .key(objectKey)
                .contentType(upload.contentType())
                .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
                .metadata(WriteSettings.metadata(Map.of(), upload.sha256()))
                .tagging(WriteSettings.tagging(tags))
                .build();
        try {
            return s3.createMultipartUpload(request).uploadId();
        } catch (SdkException e) {
            throw S3Errors.translate(e, "CreateMultipartUpload", target);
        }
    }

    private void abort(String objectKey, String uploadId, Throwable cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(layout.bucket()).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
            LOG.warn("aborting multipart upload {} of {} failed; the bucket's lifecycle rule must remove it",
                    uploadId, layout.describe(objectKey), e);
        }
    }

    /** One running upload: the reading loop on the caller's thread, the part uploads on a bounded pool. */
    private final class Upload {
        private final String objectKey;
        private final String uploadId;
        private final String target;
        private final int size;
        private final BlockingQueue<byte[]> freeBuffers = new ArrayBlockingQueue<>(parallelism);
        private final List<Future<CompletedPart>> parts = new ArrayList<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final ExecutorService pool;
        private int buffersMade;

        Upload(String objectKey, String uploadId, String target, int size) {
            this.objectKey = objectKey;
            this.uploadId = uploadId;
            this.target = target;
            this.size = size;
            this.pool = Executors.newFixedThreadPool(parallelism, daemonThreads());
        }

        void run(InputStream content, BlobUpload upload) {
            Optional<MessageDigest> whole = upload.sha256().map(expected -> Sha256.newDigest());
            int partNumber = 0;
            boolean more = true;
            while (more) {
                byte[] buffer = takeBuffer();
                int length = readPart(content, buffer);
                more = length == size;
                if (length == 0 && partNumber > 0) {
                    freeBuffers.add(buffer);
                    break;
                }
                partNumber++;
                if (partNumber > MAX_PARTS) {
                    throw new BackendException("the content for " + target + " is longer than " + MAX_PARTS
                            + " parts of " + size + " bytes; configure a larger part size", null, false);
                }
                whole.ifPresent(digest -> digest.update(buffer, 0, length));
                int number = partNumber;
                parts.add(pool.submit(() -> uploadPart(number, buffer, length)));
            }
            List<CompletedPart> completed = awaitParts();
            if (whole.isPresent()) {
                String sha256 = Sha256.hex(whole.get().digest());
                if (!upload.sha256().get().equals(sha256)) {
                    throw new PreconditionFailedException("the content for " + target + " has SHA-256 " + sha256
                            + ", not the expected " + upload.sha256().get() + "; the upload was aborted");
                }
            }
            complete(completed);
        }

        private byte[] takeBuffer() {
            throwIfFailed();
            byte[] buffer = freeBuffers.poll();
            if (buffer != null) {
                return buffer;
            }
            if (buffersMade < parallelism) {
                buffersMade++;
                return new byte[size];
            }
            try {
                buffer = freeBuffers.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("the upload of " + target + " was interrupted", e, false);
            }
            throwIfFailed();
            return buffer;
        }

        private int readPart(InputStream content, byte[] buffer) {
            try {
                return content.readNBytes(buffer, 0, size);
            } catch (IOException e) {
                throw S3Errors.contentFailure(e, target);
            }
        }

        private CompletedPart uploadPart(int number, byte[] buffer, int length) {
            try {
                String crc32c = crc32c(buffer, length);
                UploadPartRequest request = UploadPartRequest.builder()
                        .bucket(layout.bucket())
                        .key(objectKey)
                        .uploadId(uploadId)
                        .partNumber(number)
                        .contentLength((long) length)
                        .checksumCRC32C(crc32c)
                        .build();
                String etag = s3.uploadPart(request, RequestBody.fromContentProvider(
                        () -> new ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream"))
                        .eTag();
                return CompletedPart.builder().partNumber(number).eTag(etag).checksumCRC32C(crc32c)
                        .build();
            } catch (SdkException | UncheckedIOException e) {
                throw fail(S3Errors.translate(e, "UploadPart " + number, target));
            } finally {
                freeBuffers.add(buffer);
            }
        }

        private RuntimeException fail(RuntimeException e) {
            failure.compareAndSet(null, e);
            return e;
        }

        private void throwIfFailed() {
            RuntimeException e = failure.get();
            if (e != null) {
                throw e;
            }
        }

        private List<CompletedPart> awaitParts() {
            List<CompletedPart> completed = new ArrayList<>(parts.size());
            for (Future<CompletedPart> part : parts) {
                try {
                    completed.add(part.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BackendException("the upload of " + target + " was interrupted", e, false);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new BackendException("a part upload of " + target + " failed", e.getCause(), false);
                }
            }
            return completed;
        }

        private void complete(List<CompletedPart> completed) {
            try {
                s3.completeMultipartUpload(b -> b.bucket(layout.bucket()).key(objectKey).uploadId(uploadId)
                        .ifNoneMatch("*")
                        .multipartUpload(m -> m.parts(completed)));
            } catch (SdkException e) {
                throw S3Errors.translate(e, "CompleteMultipartUpload", target);
            }
        }

        /** Stops the part uploads still running, waiting briefly so that none completes after an abort. */
        void stopParts() {
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("part uploads of {} still running after 30 s", target);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The CRC32C of the first {@code length} bytes, as S3 spells it: base64 of the 4 big-endian bytes. */
    static String crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        long value = crc.getValue();
        return Base64.getEncoder().encodeToString(new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "versioned-s3-upload-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
