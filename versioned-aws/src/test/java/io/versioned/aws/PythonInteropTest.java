package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.versioned.aws.PythonLibrary.bytes;
import static io.versioned.aws.PythonLibrary.sha256;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.Artifact;
import io.versioned.api.IntegrityException;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.VersionedCoreModule;
import io.versioned.core.port.MetadataPort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
    private PythonLibrary python;

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
        python = new PythonLibrary(rawS3, rawDynamoDb, config);
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
        assertThat(latestKey).as("LATEST's bytes live at a fresh key per put")
                .matches(Pattern.quote(NAME) + "/LATEST\\.[0-9a-f]{32}");
        assertThat(objectKeys()).containsExactly(objectKey(NAME + "/000001"), objectKey(NAME + "/000002"),
                objectKey(NAME + "/LATEST"), objectKey(latestKey));
        assertThat(rawS3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(objectKey(latestKey))).asByteArray())
                .isEqualTo(second);
        assertThat(objectBytes("LATEST")).as("the copy the Python library reads").isEqualTo(second);
        assertThat(head("LATEST").metadata()).containsEntry(SHA256_METADATA, sha256(second))
                .containsEntry("artifact_name", NAME);
    }

    // ---- both libraries writing one artifact, one after the other

    /** Issue 10, item 2: Python put X, Java put Y, Python put X, Python publish gave version 1 = sha256(Y) over X. */
    @Test
    void mixedPutsAndPublishesKeepEveryVersionTruthful() {
        byte[] x = bytes("x from python");
        byte[] y = bytes("y from java");
        byte[] z = bytes("z from java");

        python.put(NAME, x);
        repository.putArtifact(NAME, y);
        assertPythonViewTruthful();
        python.put(NAME, x);
        assertThat(python.publish(NAME)).isEqualTo("000001");
        assertPythonViewTruthful();
        assertThat(repository.getContent(NAME, Version.of(1))).isEqualTo(x);
        assertThat(repository.getArtifactVersion(NAME, Version.of(1)).sha256()).isEqualTo(sha256(x));

        repository.putArtifact(NAME, y);
        assertThat(python.publish(NAME)).isEqualTo("000002");
        assertThat(repository.getContent(NAME, Version.of(2))).isEqualTo(y);
        repository.putArtifact(NAME, z);
        assertThat(repository.publishArtifactVersion(NAME).version()).isEqualTo(Version.of(3));
        assertPythonViewTruthful();
        python.put(NAME, z);
        python.put(NAME, x);
        assertThat(repository.getContent(NAME, Version.LATEST)).isEqualTo(x);
        assertThat(repository.publishArtifactVersion(NAME).version()).isEqualTo(Version.of(4));
        repository.deleteArtifactVersion(NAME, Version.LATEST);
        repository.putArtifact(NAME, z);
        python.delete(NAME, "000004");
        repository.purgeArtifactVersions(NAME, 1, Duration.ZERO);
        assertThat(python.publish(NAME)).isEqualTo("000005");
        assertPythonViewTruthful();
        assertThat(repository.getContent(NAME, Version.of(5))).isEqualTo(z);
        repository.putArtifact(NAME, y);
        repository.putArtifact(NAME, x);
        assertThat(python.content(NAME, "LATEST")).isEqualTo(x);
        assertPythonViewTruthful();
    }

    /**
     * Issue 10, item 3 (a): a pin Java left on the version an alias pointed at before Python rewrote the alias row no
     * longer blocks deleting that version.
     */
    @Test
    void aPinLeftBeforePythonMovedTheAliasDoesNotBlockDeletingTheVersion() {
        publishTwoVersions();
        repository.putAlias(NAME, "prod", Version.of(1));
        python.putAlias(NAME, "prod", "000002");

        repository.deleteArtifactVersion(NAME, Version.of(1));

        assertThat(repository.listArtifactVersions(NAME)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(2));
        assertThatThrownBy(() -> repository.deleteArtifactVersion(NAME, Version.of(2)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("prod");
    }

    /**
     * Issue 10, item 3 (b): after Python rewrote the alias row (without a revision), Java's next change gets a revision
     * above every revision in the history, and every Java change is in the history.
     */
    @Test
    void javaChangesAfterPythonRewroteTheAliasAreAllInTheHistory() {
        publishTwoVersions();
        repository.putAlias(NAME, "prod", Version.of(1));
        repository.putAlias(NAME, "prod", Version.of(2));
        python.putAlias(NAME, "prod", "000001");

        Alias moved = repository.putAlias(NAME, "prod", Version.of(2));
        python.putAlias(NAME, "prod", "000001");
        repository.deleteAlias(NAME, "prod");
        Alias recreated = repository.putAlias(NAME, "prod", Version.LATEST);

        assertThat(moved.revision()).isEqualTo(3);
        assertThat(recreated.revision()).isEqualTo(5);
        assertThat(repository.getAliasHistory(NAME, "prod")).extracting(AliasChange::revision)
                .containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(repository.getAliasHistory(NAME, "prod").get(2).previous())
                .as("the change Java made after Python's starts from Python's target")
                .contains(AliasTarget.of(Version.of(1)));
        assertThat(repository.getAliasHistory(NAME, "prod").get(1).isDelete()).isTrue();
    }

    /**
     * Issue 15: Java's alias rows carry the facts of their targets for a one-read resolve; Python rewrites whole rows,
     * so after Python moved the alias its row has none and resolve reads the version row Python named.
     */
    @Test
    void resolveAfterPythonRewroteTheAliasReturnsTheVersionPythonNamed() {
        publishTwoVersions();
        repository.putAlias(NAME, "prod", Version.of(2));
        assertThat(repository.resolve(NAME, "prod")).isEqualTo(repository.getArtifactVersion(NAME, Version.of(2)));

        python.putAlias(NAME, "prod", "000001");

        assertThat(repository.resolve(NAME, "prod")).isEqualTo(repository.getArtifactVersion(NAME, Version.of(1)));
        assertThat(repository.resolve(NAME, "prod", "user-42"))
                .isEqualTo(repository.getArtifactVersion(NAME, Version.of(1)));
    }

    /** Issue 10, item 3: a pin left on an alias Python deleted does not block deleting the version either. */
    @Test
    void aPinLeftOnAnAliasPythonDeletedDoesNotBlockDeletingTheVersion() {
        publishTwoVersions();
        repository.putAlias(NAME, "prod", Version.of(1));
        python.deleteAlias(NAME, "prod");

        repository.deleteArtifactVersion(NAME, Version.of(1));

        assertThat(repository.listArtifactVersions(NAME)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(2));
    }

    /** Issue 10, item 4: Python put a, Java publish 1, Java purge, Python put b, Python publish gave 1 again. */
    @Test
    void aVersionNumberIsNotReusedByPythonAfterAJavaPurge() {
        python.put(NAME, bytes("a"));
        assertThat(repository.publishArtifactVersion(NAME).version()).isEqualTo(Version.of(1));
        assertThat(repository.purgeArtifactVersions(NAME, 0, Duration.ZERO).purged()).containsExactly(Version.of(1));
        python.put(NAME, bytes("b"));

        assertThat(python.publish(NAME)).isEqualTo("000002");

        assertThat(repository.listArtifactVersions(NAME)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(2));
        assertThat(repository.getContent(NAME, Version.of(2))).isEqualTo(bytes("b"));
        assertThatThrownBy(() -> repository.getArtifactVersion(NAME, Version.of(1)))
                .isInstanceOf(ArtifactNotFoundException.class);
        assertThat(repository.publishArtifactVersion(NAME).version()).as("LATEST is version 2").isEqualTo(Version.of(2));
        repository.putArtifact(NAME, bytes("c"));
        assertThat(repository.publishArtifactVersion(NAME).version()).isEqualTo(Version.of(3));
        assertPythonViewTruthful();
    }

    /** Issue 10, item 5: names lists what either library created and drops what either purged. */
    @Test
    void namesListWhatEitherLibraryCreatedAndDropWhatEitherPurged() {
        python.put("made_by_python", bytes("p"));
        repository.putArtifact("made_by_java", bytes("j"));
        repository.putArtifact("purged_by_python", bytes("q"));
        python.put("purged_by_java", bytes("r"));

        assertThat(repository.listArtifactNames())
                .containsExactly("made_by_java", "made_by_python", "purged_by_java", "purged_by_python");
        python.purgeArtifact("purged_by_python");
        repository.purgeArtifact("purged_by_java");

        assertThat(repository.listArtifactNames()).containsExactly("made_by_java", "made_by_python");
        assertThat(python.listArtifactNames()).containsExactly("made_by_java", "made_by_python");
    }

    /** Issue 10, also: the content type and metadata Python keeps on the S3 object, not in the row. */
    @Test
    void contentTypeAndMetadataPythonKeepsOnTheObjectAreRead() {
        python.put(NAME, bytes("rows"), Optional.of("text/csv"), Map.of("team", "data"));
        Artifact published = repository.publishArtifactVersion(NAME);

        Artifact latest = repository.getArtifactVersion(NAME);
        assertThat(latest.contentType()).isEqualTo("text/csv");
        assertThat(latest.metadata()).isEqualTo(Map.of("team", "data"));
        assertThat(published.contentType()).isEqualTo("text/csv");
        assertThat(published.metadata()).isEqualTo(Map.of("team", "data"));
        assertThat(repository.listArtifactVersions(NAME)).extracting(Artifact::contentType)
                .containsExactly("text/csv", "text/csv");
        assertThat(repository.getArtifactVersion(NAME, Version.of(1)).metadata()).isEqualTo(Map.of("team", "data"));
    }

    private void publishTwoVersions() {
        repository.putArtifact(NAME, bytes("one"));
        repository.publishArtifactVersion(NAME);
        repository.putArtifact(NAME, bytes("two"));
        repository.publishArtifactVersion(NAME);
    }

    /**
     * What either library reads is what the rows say: every row with a SHA-256 has bytes with that SHA-256 at the
     * Python key of its version (LATEST included), and the {@code artifact_sha256} Python's put compares with is the
     * LATEST row's.
     */
    private void assertPythonViewTruthful() {
        for (Map<String, AttributeValue> row : python.versionRows(NAME)) {
            if (!row.containsKey("sha256")) {
                continue;
            }
            String sortKey = row.get("sk").s();
            assertThat(sha256(python.content(NAME, sortKey))).as("bytes of " + sortKey + " as Python reads them")
                    .isEqualTo(row.get("sha256").s());
            if (sortKey.equals("LATEST")) {
                assertThat(python.head(NAME, "LATEST").orElseThrow().metadata())
                        .containsEntry(SHA256_METADATA, row.get("sha256").s());
            }
        }
        for (Artifact artifact : repository.listArtifactVersions(NAME)) {
            assertThat(sha256(repository.getContent(NAME, artifact.version()))).isEqualTo(artifact.sha256());
        }
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
}
