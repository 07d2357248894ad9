package io.versioned.adapter.s3only;

import io.versioned.adapter.s3only.S3Failures.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * The S3 requests of the metadata store, one S3 call per method (listing and bulk delete: one call per page of
 * 1000 keys). Conditional writes report whether they won; every other failure is a
 * {@link io.versioned.api.BackendException} (see {@link S3Failures}). Thread-safe, as the client is.
 */
final class MetadataObjects {

    /** The outcome of a conditional write. */
    enum Write {
        /** The object was written. */
        WRITTEN,
        /** The condition did not hold (412): the key exists, or its ETag changed. */
        PRECONDITION_FAILED,
        /** A racing write or delete of the same key interfered (409, or 404 for If-Match); read again. */
        LOST_RACE,
        /**
         * No answer came (the connection failed while the request was sent): the write may or may not have
         * happened; read again. S3-compatible servers that refuse a condition before reading the body (s3proxy
         * answers 412 and closes the connection) make a large body end like this instead of with the 412.
         */
        UNANSWERED
    }

    /** An object's bytes and the ETag that identifies exactly those bytes for {@code If-Match}. */
    record Stored(byte[] bytes, String eTag) {
    }

    /** A key found by a listing, with the ETag of the object's bytes at that moment. */
    record Listed(String key, String eTag) {
    }

    private static final int PAGE = 1000;
    private static final String JSON = "application/json";

    private final S3Client s3;
    private final String bucket;

    MetadataObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The bucket, for messages. */
    String bucket() {
        return bucket;
    }

    /**
     * Creates the bucket unless it exists (HeadBucket, then CreateBucket when missing), in the client's region.
     */
    void createBucketIfMissing() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
            return;
        } catch (SdkException e) {
            Kind kind = S3Failures.classify(e);
            if (kind != Kind.NOT_FOUND && kind != Kind.NO_SUCH_BUCKET) {
                throw S3Failures.backend("check bucket " + bucket, e);
            }
        }
        Region region = s3.serviceClientConfiguration().region();
        try {
            if (region == null || Region.US_EAST_1.equals(region)) {
                s3.createBucket(request -> request.bucket(bucket));
            } else {
                s3.createBucket(request -> request.bucket(bucket)
                        .createBucketConfiguration(configuration -> configuration.locationConstraint(region.id())));
            }
        } catch (SdkException e) {
            if (!isOwnedAlready(e)) {
                throw S3Failures.backend("create bucket " + bucket, e);
            }
        }
    }

    /** The object at {@code key}, or empty if there is none (one GetObject). */
    Optional<Stored> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> response = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key));
            return Optional.of(new Stored(response.asByteArray(), quoted(response.response().eTag())));
        } catch (SdkException e) {
            if (S3Failures.classify(e) == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw S3Failures.backend("read " + location(key), e);
        }
    }

    /** Writes {@code body} at {@code key} with {@code If-None-Match: *} (one PutObject). */
    Write putIfAbsent(String key, byte[] body) {
        return put(key, body, PutObjectRequest.builder().ifNoneMatch("*"), false);
    }

    /** Replaces the object at {@code key} with {@code If-Match: eTag} (one PutObject). */
    Write putIfMatch(String key, byte[] body, String eTag) {
        return put(key, body, PutObjectRequest.builder().ifMatch(eTag), true);
    }

    /** Every key starting with {@code prefix}, in S3 order (one ListObjectsV2 per 1000 keys). */
    List<String> list(String prefix) {
        return listWithETags(prefix).stream().map(Listed::key).toList();
    }

    /**
     * Every key starting with {@code prefix} with its object's ETag, in S3 order (one ListObjectsV2 per 1000 keys).
     * The ETags are those {@link #get} returns (the same quoting), so equal ETags mean equal bytes.
     */
    List<Listed> listWithETags(String prefix) {
        List<Listed> listed = new ArrayList<>();
        String token = null;
        try {
            do {
                String continuation = token;
                ListObjectsV2Response page = s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix)
                        .maxKeys(PAGE).continuationToken(continuation));
                page.contents().forEach(object -> listed.add(new Listed(object.key(), quoted(object.eTag()))));
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw S3Failures.backend("list " + location(prefix), e);
        }
        return listed;
    }

    /** Deletes every key of {@code keys}, unconditionally (one DeleteObjects per 1000 keys). */
    void deleteAll(List<String> keys) {
        for (int from = 0; from < keys.size(); from += PAGE) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + PAGE)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            DeleteObjectsResponse response;
            try {
                response = s3.deleteObjects(request -> request.bucket(bucket)
                        .delete(delete -> delete.objects(batch).quiet(true)));
            } catch (SdkException e) {
                throw S3Failures.backend("delete " + batch.size() + " objects under " + location(""), e);
            }
            if (response.hasErrors() && !response.errors().isEmpty()) {
                S3Error first = response.errors().get(0);
                throw S3Failures.backend("delete " + response.errors().size() + " objects, the first "
                        + location(first.key()), first.code(), first.message());
            }
        }
    }

    /** Deletes {@code key}, unconditionally; an absent key is a no-op (one DeleteObject). */
    void delete(String key) {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            if (S3Failures.classify(e) != Kind.NOT_FOUND) {
                throw S3Failures.backend("delete " + location(key), e);
            }
        }
    }

    /** {@code s3://bucket/key}, for messages. */
    String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    private Write put(String key, byte[] body, PutObjectRequest.Builder conditional, boolean ifMatch) {
        PutObjectRequest request = conditional.bucket(bucket).key(key).contentType(JSON)
                .contentLength((long) body.length).build();
        try {
            s3.putObject(request, RequestBody.fromBytes(body));
            return Write.WRITTEN;
        } catch (SdkException e) {
            return switch (S3Failures.classify(e)) {
                case PRECONDITION_FAILED -> Write.PRECONDITION_FAILED;
                case LOST_RACE -> Write.LOST_RACE;
                case NOT_FOUND -> {
                    if (ifMatch) {
                        yield Write.LOST_RACE;
                    }
                    throw S3Failures.backend("write " + location(key), e);
                }
                case NO_SUCH_BUCKET -> throw S3Failures.backend("write " + location(key), e);
                case FAILURE -> {
                    if (S3Failures.unanswered(e)) {
                        yield Write.UNANSWERED;
                    }
                    throw S3Failures.backend("write " + location(key), e);
                }
            };
        }
    }

    /** {@code eTag} in double quotes, as S3 sends it; some S3-compatible stores leave the quotes out of listings. */
    private static String quoted(String eTag) {
        return eTag == null || eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
    }

    private static boolean isOwnedAlready(SdkException e) {
        return e instanceof BucketAlreadyOwnedByYouException;
    }
}
