/**
 * {@link io.versioned.core.port.BlobPort} on Amazon S3 and S3-compatible stores, with the AWS SDK for Java v2:
 * {@link io.versioned.adapter.s3.S3BlobPort}, configured by {@link io.versioned.adapter.s3.S3BlobConfig} and bound
 * by {@link io.versioned.adapter.s3.S3BlobModule}.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Every write is conditional on the key being absent ({@code If-None-Match: *} on PutObject, on
 *       CompleteMultipartUpload, and on CopyObject where the store enforces it), so a racing writer never
 *       overwrites a blob and a failed write leaves nothing or the whole blob.</li>
 *   <li>The SHA-256 of every blob whose digest is known when its write starts is stored as the
 *       {@code artifact_sha256} user metadata, and single-request puts send it as {@code x-amz-checksum-sha256} so
 *       S3 verifies the bytes (the adapter computes it anyway for the metadata, so it costs nothing more). The parts
 *       of a multipart upload carry their CRC32C instead ({@code x-amz-checksum-crc32c}): it protects each part in
 *       transit as well, is hardware-accelerated, and spares a second SHA-256 of every byte; the SHA-256 of the
 *       whole content, when given, is checked while streaming before the upload is completed. Objects written by
 *       older releases (SHA-256 parts, composite checksum) are read and copied alike: a copy verifies the
 *       {@code artifact_sha256} metadata, never a part checksum. A multipart upload of content whose SHA-256 is not known in advance cannot carry it
 *       (S3 fixes metadata when the upload starts); the first copy of such a blob reads it once to verify it, and
 *       the copy then carries the metadata.</li>
 *   <li>Optional features differ between S3-compatible stores: object tagging and conditional CopyObject are
 *       probed once per port ({@link io.versioned.adapter.s3.FeatureSupport#AUTO}) or fixed by configuration.
 *       Without conditional CopyObject (s3proxy 4.1), copies use UploadPartCopy and a conditional
 *       CompleteMultipartUpload, which is as atomic and costs two more requests.</li>
 *   <li>Memory is bounded: at most the multipart threshold while deciding how to upload, then
 *       {@code uploadParallelism} part buffers.</li>
 *   <li>Failures are mapped in one place, {@code S3Errors}: 412 to
 *       {@link io.versioned.core.port.PreconditionFailedException}, everything else to
 *       {@link io.versioned.api.BackendException} with a retryable flag. No SDK type leaves the package.</li>
 * </ul>
 */
package io.versioned.adapter.s3;
