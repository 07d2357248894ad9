package io.versioned.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The Python library {@code versioned} 1.0.x on the S3 + DynamoDB layout, operation by operation, with the raw SDK:
 * the same requests, in the same order, with the same keys, attributes and S3 metadata as its
 * {@code s3_and_dynamodb_backend.Repository} (pynamodb models {@code Artifact} and {@code Alias}, s3pathlib). Only what
 * the interop tests replay: put, publish, soft delete, put alias, delete alias, purge of an artifact, list of names and
 * the read of a version's bytes.
 */
final class PythonLibrary {

    private static final DateTimeFormatter PYNAMODB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS+0000", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String bucket;
    private final String prefix;
    private final String suffix;
    private final String table;

    PythonLibrary(S3Client s3, DynamoDbClient dynamoDb, AwsRepositoryConfig config) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.bucket = config.bucket();
        this.prefix = config.prefix();
        this.suffix = config.keySuffix();
        this.table = config.table();
    }

    /** {@code put_artifact(name, content)}. */
    void put(String name, byte[] content) {
        put(name, content, Optional.empty(), Map.of());
    }

    /**
     * {@code put_artifact(name, content, content_type, metadata)}: HeadObject of {@code {name}/LATEST}; nothing more
     * when its {@code artifact_sha256} is the content's; else PutObject there and an unconditional PutItem of the
     * LATEST row.
     */
    void put(String name, byte[] content, Optional<String> contentType, Map<String, String> metadata) {
        String sha256 = sha256(content);
        String key = objectKey(name, "LATEST");
        Optional<HeadObjectResponse> head = head(key);
        if (head.isPresent() && sha256.equals(head.get().metadata().get("artifact_sha256"))) {
            return;
        }
        Map<String, String> objectMetadata = new HashMap<>(Map.of("artifact_name", name, "artifact_sha256", sha256));
        objectMetadata.putAll(metadata);
        s3.putObject(b -> b.bucket(bucket).key(key).metadata(objectMetadata).contentType(contentType.orElse(null)),
                RequestBody.fromBytes(content));
        Instant written = head(key).orElseThrow().lastModified();
        dynamoDb.putItem(b -> b.tableName(table).item(versionRow(name, "LATEST", written, sha256)));
    }

    /**
     * {@code publish_artifact_version(name)}: Query of the partition, descending, Limit 2, no filter; the number after
     * the second row's (1 with one row); CopyObject of {@code {name}/LATEST}; PutItem of the version row with the
     * first row's SHA-256. Returns the six-digit number.
     */
    String publish(String name) {
        List<Map<String, AttributeValue>> rows = dynamoDb.query(b -> b.tableName(table).scanIndexForward(false)
                .limit(2).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(name)))).items();
        if (rows.isEmpty()) {
            throw new IllegalStateException("ArtifactNotFoundError: " + name);
        }
        String number = String.format(Locale.ROOT, "%06d",
                rows.size() == 1 ? 1 : Integer.parseInt(rows.get(1).get("sk").s()) + 1);
        String target = objectKey(name, number);
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(objectKey(name, "LATEST"))
                .destinationBucket(bucket).destinationKey(target));
        Instant written = head(target).orElseThrow().lastModified();
        String sha256 = rows.get(0).get("sha256").s();
        dynamoDb.putItem(b -> b.tableName(table).item(versionRow(name, number, written, sha256)));
        return number;
    }

    /** {@code delete_artifact_version(name, version)}: an unconditional UpdateItem setting {@code is_deleted}. */
    void delete(String name, String sortKey) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(name, sortKey))
                .updateExpression("SET is_deleted = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
    }

    /** {@code put_alias(name, alias, version)}: an unconditional PutItem of the whole alias row. */
    void putAlias(String name, String alias, String version) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("__" + name + "-alias"), "sk", AttributeValue.fromS(alias),
                "update_at", AttributeValue.fromS(PYNAMODB_TIME.format(Instant.now())),
                "version", AttributeValue.fromS(version))));
    }

    /** {@code delete_alias(name, alias)}: an unconditional DeleteItem. */
    void deleteAlias(String name, String alias) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key("__" + name + "-alias", alias)));
    }

    /**
     * {@code purge_artifact(name)}: deletes every object under {@code {name}/}, then every row of the artifact's
     * version and alias partitions.
     */
    void purgeArtifact(String name) {
        s3.listObjectsV2(b -> b.bucket(bucket).prefix(root() + name + "/")).contents().stream().map(S3Object::key)
                .forEach(key -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
        for (String partition : List.of(name, "__" + name + "-alias")) {
            dynamoDb.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).items()
                    .forEach(row -> dynamoDb.deleteItem(b -> b.tableName(table)
                            .key(key(row.get("pk").s(), row.get("sk").s()))));
        }
    }

    /** {@code list_artifact_names()}: the folders under the prefix. */
    List<String> listArtifactNames() {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(root()).delimiter("/")).commonPrefixes().stream()
                .map(CommonPrefix::prefix).map(p -> p.substring(root().length(), p.length() - 1)).sorted().toList();
    }

    /** What {@code get_artifact_version(name, version).get_content()} reads: the object at the version's key. */
    byte[] content(String name, String sortKey) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey(name, sortKey))).asByteArray();
    }

    /** The S3 metadata of the object at the version's key, empty if there is none. */
    Optional<HeadObjectResponse> head(String name, String sortKey) {
        return head(objectKey(name, sortKey));
    }

    /** Every row of the artifact's version partition, as the Python library's Query returns them. */
    List<Map<String, AttributeValue>> versionRows(String name) {
        return dynamoDb.query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(name)))).items();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> versionRow(String name, String sortKey, Instant updateAt,
                                                          String sha256) {
        return Map.of("pk", AttributeValue.fromS(name), "sk", AttributeValue.fromS(sortKey),
                "update_at", AttributeValue.fromS(PYNAMODB_TIME.format(updateAt)),
                "is_deleted", AttributeValue.fromBool(false), "sha256", AttributeValue.fromS(sha256));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private String root() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    private String objectKey(String name, String sortKey) {
        return root() + name + "/" + sortKey + suffix;
    }
}
