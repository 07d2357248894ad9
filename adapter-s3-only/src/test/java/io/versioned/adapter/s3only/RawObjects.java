package io.versioned.adapter.s3only;

import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects of a new bucket on the shared test server, read and written directly (not through the port), as another
 * tool, an earlier release or damage would leave them.
 *
 * @param s3     the shared client
 * @param bucket a new, empty bucket
 */
record RawObjects(S3Client s3, String bucket) {

    /** The objects of a new, empty bucket. */
    static RawObjects inNewBucket() {
        return new RawObjects(TestStores.client(), TestStores.newBucket());
    }

    /** A port on this bucket, under {@link TestStores#PREFIX}. */
    S3OnlyMetadataPort port() {
        return new S3OnlyMetadataPort(s3, bucket, TestStores.PREFIX);
    }

    void put(String key, String content) {
        s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    String text(String key) {
        return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asUtf8String();
    }

    void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    /** The keys under {@code prefix}, in S3 order (at most 1000). */
    List<String> keys(String prefix) {
        return s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }
}
