package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import io.versioned.api.IntegrityException;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.VersionedCoreModule;
import io.versioned.core.port.MetadataPort;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * End to end with the Python library {@code versioned} 1.0.x on one bucket and one table, through the product's
 * wiring ({@link AwsModule}): what Python writes (objects and items made here with the raw SDK, exactly as it makes
 * them) is listed, read with verification, aliased, resolved and published by the Java API; and what the Java API
 * writes has the shape Python reads, in the table and in the bucket.
 */
class PythonInteropTest {

    /** pynamodb's {@code UTCDateTimeAttribute} format. */
    private static final Pattern PYTHON_TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+0000");
    private static final String NAME = "customer_analytics_db";
    private static final String SHA256_METADATA = "artifact_sha256";

    private final S3Client rawS3 = AwsTestStores.s3();
    private final DynamoDbClient rawDynamoDb = AwsTestStores.dynamoDb();
    private AwsRepositoryConfig config;
    private Injector injector;
    private Repository repository;

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @BeforeEach
    void createRepository() {
        config = AwsTestStores.localConfig().build();
        injector = Guice.createInjector(new VersionedCoreModule(), new AwsModule(config));
        repository = injector.getInstance(Repository.class);
        repository.bootstrap();
    }

    @AfterEach
    void closeClients() throws Exception {
        injector.getInstance(S3BlobPort.class).close();
        ((AutoCloseable) injector.getInstance(MetadataPort.class)).close();
    }

    // ---- written by Python, used through the Java API

    @Test
    void artifactsWrittenByPythonAreListedReadAliasedResolvedAndPublished() {
        byte[] one = bytes("version 1 written by python");
        byte[] latest = bytes("LATEST written by python");
        putPythonObject("000001", one);
        putPythonObject("LATEST", latest);
        putItem(pythonVersion("000001", "2024-01-02T03:04:05.123456+0000", sha256(one)));
        putItem(pythonVersion("LATEST", "2024-01-03T03:04:05.000001+0000", sha256(latest)));
        putItem(pythonAlias("prod", "000001", null, null));
        putItem(pythonAlias("canary", "000001", "LATEST", 20));

        List<Artifact> versions = repository.listArtifactVersions(NAME);

        assertThat(versions).extracting(Artifact::version).containsExactly(Version.LATEST, Version.of(1));
        assertThat(versions).extracting(Artifact::sha256).containsExactly(sha256(latest), sha256(one));
        assertThat(versions).extracting(Artifact::updateAt).containsExactly(
                Instant.parse("2024-01-03T03:04:05.000001Z"), Instant.parse("2024-01-02T03:04:05.123456Z"));
        assertThat(versions).extracting(Artifact::uri).containsExactly(uri("LATEST"), uri("000001"));
        assertThat(repository.getLatestPublishedVersionNumber(NAME)).isEqualTo(1);
        assertThat(repository.getContent(NAME, Version.of(1))).isEqualTo(one);
        assertThat(repository.getContent(NAME, Version.LATEST)).isEqualTo(latest);

        Alias prod = repository.getAlias(NAME, "prod");
        assertThat(prod.version()).isEqualTo(Version.of(1));
        assertThat(prod.secondaryVersion()).isEmpty();
        assertThat(prod.versionUri()).isEqualTo(uri("000001"));
        assertThat(prod.revision()).isZero();
        Alias canary = repository.getAlias(NAME, "canary");
        assertThat(canary.secondaryVersion()).contains(Version.LATEST);
        assertThat(canary.secondaryVersionWeight()).isEqualTo(20);
        assertThat(canary.secondaryVersionUri()).contains(uri("LATEST"));
        assertThat(repository.resolve(NAME, "prod").sha256()).isEqualTo(sha256(one));
        assertThat(repository.resolve(NAME, "canary", "user-7").version()).isIn(Version.of(1), Version.LATEST);

        assertThat(repository.putAlias(NAME, "staging", Version.of(1)).revision()).isEqualTo(1);
        assertThat(repository.putAlias(NAME, "prod", Version.LATEST).revision()).isEqualTo(1);
        assertThat(repository.resolve(NAME, "prod").sha256()).isEqualTo(sha256(latest));

        Artifact published = repository.publishArtifactVersion(NAME);

        assertThat(published.version()).isEqualTo(Version.of(2));
        assertThat(published.sha256()).isEqualTo(sha256(latest));
        assertThat(published.uri()).isEqualTo(uri("000002"));
        assertThat(repository.getContent(NAME, Version.of(2))).isEqualTo(latest);
        assertThat(head("000002").metadata()).containsEntry(SHA256_METADATA, sha256(latest));
        assertThat(repository.publishArtifactVersion(NAME).version()).as("LATEST is unchanged")
                .isEqualTo(Version.of(2));
    }

    @Test
    void pythonBytesThatDoNotMatchTheirRecordAreAnIntegrityException() {
        putPythonObject("000001", bytes("the bytes python wrote"));
        putItem(pythonVersion("000001", "2024-01-02T03:04:05.123456+0000", sha256(bytes("other bytes"))));

        assertThatThrownBy(() -> repository.getContent(NAME, Version.of(1)))
                .isExactlyInstanceOf(IntegrityException.class);
    }

    // ---- written by the Java API, read as Python reads it

    @Test
    void whatTheJavaApiWritesHasThePythonShape() {
        byte[] first = bytes("first");
        byte[] second = bytes("second");
        repository.putArtifact(NAME, first, PutOptions.builder().contentType("application/x-sqlite3").build());
        repository.publishArtifactVersion(NAME);
        repository.putArtifact(NAME, second);
        repository.publishArtifactVersion(NAME);
        repository.putAlias(NAME, "prod", Version.of(1), Version.of(2), 20);
        repository.putAlias(NAME, "stable", Version.of(2));

        assertPythonVersionRow("000001", sha256(first));
        assertPythonVersionRow("000002", sha256(second));
        assertPythonVersionRow("LATEST", sha256(second));
        Map<String, AttributeValue> prod = item("__" + NAME + "-alias", "prod");
        assertThat(prod.get("update_at").s()).matches(PYTHON_TIMESTAMP);
        assertThat(prod.get("version").s()).isEqualTo("000001");
        assertThat(prod.get("secondary_version").s()).isEqualTo("000002");
        assertThat(prod.get("secondary_version_weight").n()).isEqualTo("20");
        Map<String, AttributeValue> stable = item("__" + NAME + "-alias", "stable");
        assertThat(stable.get("version").s()).isEqualTo("000002");
        assertThat(stable).doesNotContainKeys("secondary_version", "secondary_version_weight");
        assertThat(newestTwoSortKeys()).as("what Python's publish reads").containsExactly("LATEST", "000002");

        assertThat(objectBytes("000001")).isEqualTo(first);
        assertThat(head("000001").metadata()).containsEntry(SHA256_METADATA, sha256(first));
        assertThat(head("000001").contentType()).isEqualTo("application/x-sqlite3");
        assertThat(objectBytes("000002")).isEqualTo(second);
        assertThat(head("000002").metadata()).containsEntry(SHA256_METADATA, sha256(second));

        String latestKey = item(NAME, "LATEST").get("blob_key").s();
        assertThat(latestKey).as("documented deviation: LATEST's bytes live at a fresh key per put")
                .matches(Pattern.quote(NAME) + "/LATEST\\.[0-9a-f]{32}");
        assertThat(objectKeys()).containsExactly(objectKey(NAME + "/000001"), objectKey(NAME + "/000002"),
                objectKey(latestKey));
        assertThat(rawS3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(objectKey(latestKey))).asByteArray())
                .isEqualTo(second);
    }

    private void assertPythonVersionRow(String sortKey, String sha256) {
        Map<String, AttributeValue> row = item(NAME, sortKey);
        assertThat(row.get("pk").s()).isEqualTo(NAME);
        assertThat(row.get("sk").s()).isEqualTo(sortKey);
        assertThat(row.get("update_at").s()).matches(PYTHON_TIMESTAMP);
        assertThat(row.get("is_deleted").bool()).isFalse();
        assertThat(row.get("sha256").s()).isEqualTo(sha256);
    }

    // ---- the raw store, as the Python library writes and reads it

    private void putPythonObject(String version, byte[] content) {
        rawS3.putObject(b -> b.bucket(config.bucket()).key(objectKey(NAME + "/" + version))
                .metadata(Map.of("artifact_name", NAME, SHA256_METADATA, sha256(content))),
                RequestBody.fromBytes(content));
    }

    private static Map<String, AttributeValue> pythonVersion(String sortKey, String updateAt, String sha256) {
        return Map.of("pk", AttributeValue.fromS(NAME), "sk", AttributeValue.fromS(sortKey),
                "update_at", AttributeValue.fromS(updateAt), "is_deleted", AttributeValue.fromBool(false),
                "sha256", AttributeValue.fromS(sha256));
    }

    private static Map<String, AttributeValue> pythonAlias(String alias, String version, String secondary,
                                                           Integer weight) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", AttributeValue.fromS("__" + NAME + "-alias"),
                "sk", AttributeValue.fromS(alias),
                "update_at", AttributeValue.fromS("2024-01-04T00:00:00.000000+0000"),
                "version", AttributeValue.fromS(version)));
        Optional.ofNullable(secondary).ifPresent(s -> item.put("secondary_version", AttributeValue.fromS(s)));
        Optional.ofNullable(weight)
                .ifPresent(w -> item.put("secondary_version_weight", AttributeValue.fromN(w.toString())));
        return item;
    }

    private void putItem(Map<String, AttributeValue> item) {
        rawDynamoDb.putItem(b -> b.tableName(config.table()).item(item));
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return rawDynamoDb.getItem(b -> b.tableName(config.table()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    /** The two highest sort keys of the artifact's partition: the Query Python's publish starts with. */
    private List<String> newestTwoSortKeys() {
        return rawDynamoDb.query(b -> b.tableName(config.table()).consistentRead(true).scanIndexForward(false)
                        .limit(2).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(NAME))))
                .items().stream().map(row -> row.get("sk").s()).toList();
    }

    private HeadObjectResponse head(String version) {
        return rawS3.headObject(b -> b.bucket(config.bucket()).key(objectKey(NAME + "/" + version)));
    }

    private byte[] objectBytes(String version) {
        return rawS3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(objectKey(NAME + "/" + version)))
                .asByteArray();
    }

    private List<String> objectKeys() {
        return rawS3.listObjectsV2(b -> b.bucket(config.bucket()).prefix(objectKey(NAME + "/"))).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private String objectKey(String blobKey) {
        return AwsTestStores.objectKey(config.s3BlobConfig(), blobKey);
    }

    private String uri(String version) {
        return "s3://" + config.bucket() + "/versioned-artifacts/" + NAME + "/" + version;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
