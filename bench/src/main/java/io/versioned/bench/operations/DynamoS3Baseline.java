package io.versioned.bench.operations;

import io.versioned.bench.ScratchStores;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The baseline of the S3 + DynamoDB backend: raw SDK calls on a bucket and a table of its own, one item per version
 * or alias (hash key the artifact, range key {@code v#000001}, {@code v#LATEST} or {@code a#prod}) and the bytes at
 * {@code {name}/000001} and {@code {name}/LATEST}. Resolve + read is GetItem + GetObject; put is PutObject + PutItem;
 * publish is GetItem + CopyObject + PutItem; putAlias is PutItem; list is one Query. Reads are strongly consistent,
 * as the library's.
 */
final class DynamoS3Baseline implements Workload {

    private static final String NAME = "name";
    private static final String ENTRY = "entry";
    private static final String LATEST = "LATEST";

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String bucket;
    private final String table;
    private final Fixture.FreshContent fresh = new Fixture.FreshContent();
    private final PublishRotation rotation = new PublishRotation();
    private int aliasTarget = 1;

    /**
     * Creates the bucket, the table and the artifacts of {@link Fixture}; {@link #close()} deletes the bucket and the
     * table (the clients stay the caller's).
     */
    DynamoS3Baseline(S3Client s3, DynamoDbClient dynamoDb, String bucket, String table) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.bucket = bucket;
        this.table = table;
        s3.createBucket(r -> r.bucket(bucket));
        dynamoDb.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(NAME).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(ENTRY).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(NAME).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(ENTRY).keyType(KeyType.RANGE).build()));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
        versionWithAlias(Fixture.SMALL, Fixture.content(Fixture.SMALL_SIZE));
        versionWithAlias(Fixture.LARGE, Fixture.content(Fixture.LARGE_SIZE));
        for (int i = 1; i <= Fixture.LISTED_VERSIONS; i++) {
            storeVersion(Fixture.LIST, i, fresh.next());
        }
        writeLatest(Fixture.LIST, fresh.next());
        writeLatest(Fixture.PUT, fresh.next());
        storeVersion(Fixture.SWITCH, 1, fresh.next());
        storeVersion(Fixture.SWITCH, 2, fresh.next());
        putAliasItem(Fixture.SWITCH, 1);
    }

    private void versionWithAlias(String name, byte[] content) {
        storeVersion(name, 1, content);
        putAliasItem(name, 1);
    }

    private void storeVersion(String name, int version, byte[] content) {
        s3.putObject(r -> r.bucket(bucket).key(key(name, version)), RequestBody.fromBytes(content));
        putVersionItem(name, version, Sha256.hex(content), content.length);
    }

    private void putVersionItem(String name, int version, String sha256, long size) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                NAME, AttributeValue.fromS(name),
                ENTRY, AttributeValue.fromS("v#" + padded(version)),
                "version", AttributeValue.fromN(Integer.toString(version)),
                "sha256", AttributeValue.fromS(sha256),
                "size", AttributeValue.fromN(Long.toString(size)),
                "update_at", AttributeValue.fromS(Instant.now().toString()))));
    }

    private Object putAliasItem(String name, int version) {
        return dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                NAME, AttributeValue.fromS(name),
                ENTRY, AttributeValue.fromS("a#" + Fixture.ALIAS),
                "version", AttributeValue.fromN(Integer.toString(version)),
                "update_at", AttributeValue.fromS(Instant.now().toString()))));
    }

    private Map<String, AttributeValue> getItem(String name, String entry) {
        return dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(NAME, AttributeValue.fromS(name), ENTRY, AttributeValue.fromS(entry)))).item();
    }

    @Override
    public byte[] resolveAndRead(String artifact) {
        int version = Integer.parseInt(getItem(artifact, "a#" + Fixture.ALIAS).get("version").n());
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(artifact, version))).asByteArray();
    }

    @Override
    public Object put() {
        return writeLatest(Fixture.PUT, fresh.next());
    }

    private Object writeLatest(String name, byte[] content) {
        String sha256 = Sha256.hex(content);
        s3.putObject(r -> r.bucket(bucket).key(key(name, 0)), RequestBody.fromBytes(content));
        putVersionItem(name, 0, sha256, content.length);
        return sha256;
    }

    /** Moves to a fresh artifact every {@link Fixture#PUBLISHES_PER_ARTIFACT} publishes; the bucket goes at close. */
    @Override
    public void prepareLatest() {
        rotation.advance();
        writeLatest(rotation.artifact(), fresh.next());
    }

    @Override
    public Object publish() {
        String name = rotation.artifact();
        Map<String, AttributeValue> latest = getItem(name, "v#" + LATEST);
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(key(name, 0))
                .destinationBucket(bucket).destinationKey(key(name, rotation.number())));
        putVersionItem(name, rotation.number(), latest.get("sha256").s(), Long.parseLong(latest.get("size").n()));
        return latest;
    }

    @Override
    public Object switchAlias() {
        aliasTarget = aliasTarget == 1 ? 2 : 1;
        return putAliasItem(Fixture.SWITCH, aliasTarget);
    }

    @Override
    public List<Map<String, AttributeValue>> listVersions() {
        return dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("#name = :name AND begins_with(#entry, :versions)")
                .expressionAttributeNames(Map.of("#name", NAME, "#entry", ENTRY))
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(Fixture.LIST),
                        ":versions", AttributeValue.fromS("v#")))).items();
    }

    @Override
    public void close() {
        try {
            ScratchStores.deleteTable(dynamoDb, table);
        } finally {
            ScratchStores.deleteBucket(s3, bucket);
        }
    }

    private static String key(String name, int version) {
        return name + "/" + padded(version);
    }

    private static String padded(int version) {
        return version == 0 ? LATEST : String.format(Locale.ROOT, "%06d", version);
    }
}
