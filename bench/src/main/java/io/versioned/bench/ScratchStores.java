package io.versioned.bench;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Removes the buckets and tables a section created on the shared local servers, so that a long run does not keep
 * what it no longer needs in the servers' memory.
 */
public final class ScratchStores {

    private static final int DELETE_BATCH = 1000;

    private ScratchStores() {
    }

    /**
     * Deletes every object of {@code bucket}, then the bucket; a missing bucket is fine.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException if the server refuses or fails
     */
    public static void deleteBucket(S3Client s3, String bucket) {
        try {
            List<ObjectIdentifier> keys = s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                    .map(S3Object::key).map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
                List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH));
                s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            }
            s3.deleteBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            // already gone
        }
    }

    /**
     * Deletes {@code table}; a missing table is fine.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException if the server refuses or fails
     */
    public static void deleteTable(DynamoDbClient dynamoDb, String table) {
        try {
            dynamoDb.deleteTable(r -> r.tableName(table));
        } catch (ResourceNotFoundException e) {
            // already gone
        }
    }
}
