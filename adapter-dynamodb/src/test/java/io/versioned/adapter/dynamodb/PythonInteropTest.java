package io.versioned.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table is shared with the Python library {@code versioned} 1.0.x: items written exactly as it writes them
 * (pynamodb models {@code Artifact} and {@code Alias}) are read through the port, and items written through the
 * port carry every Python attribute with the name, type and format the Python library reads.
 */
class PythonInteropTest {

    /** pynamodb's {@code UTCDateTimeAttribute} format. */
    private static final Pattern PYTHON_TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+0000");
    private static final String NAME = "my-app";
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final String SHA_C = "c".repeat(64);
    private static final Instant T1 = Instant.parse("2024-01-02T03:04:05.123456Z");
    private static final Instant T2 = Instant.parse("2025-06-30T23:59:59.000001Z");

    private final DynamoDbClient raw = Dynalite.client();
    private String table;
    private DynamoMetadataPort port;

    @BeforeEach
    void setUp() {
        table = Dynalite.freshTableName();
        port = new DynamoMetadataPort(raw, table);
        port.bootstrap();
    }

    // ---- rows written by Python, read through the port

    @Test
    void versionRowsWrittenByPythonReadWithDefaults() {
        putRaw(pythonVersion(NAME, "LATEST", "2024-01-02T03:04:05.123456+0000", false, SHA_A));
        putRaw(pythonVersion(NAME, "000001", "2024-01-02T03:04:05.123456+0000", false, SHA_B));
        putRaw(pythonVersion(NAME, "000002", "2025-06-30T23:59:59.000001+0000", true, SHA_C));

        VersionRecord latest = new VersionRecord(NAME, Version.LATEST, T1, false, SHA_A, -1,
                "application/octet-stream", Map.of(), "my-app/LATEST", Map.of(), 0);
        VersionRecord one = new VersionRecord(NAME, Version.of(1), T1, false, SHA_B, -1,
                "application/octet-stream", Map.of(), "my-app/000001", Map.of(), 0);
        VersionRecord two = new VersionRecord(NAME, Version.of(2), T2, true, SHA_C, -1,
                "application/octet-stream", Map.of(), "my-app/000002", Map.of(), 0);
        assertThat(port.getVersion(NAME, Version.LATEST)).contains(latest);
        assertThat(port.getVersion(NAME, Version.of(2))).contains(two);
        assertThat(port.listVersions(NAME)).containsExactly(latest, one, two);
    }

    @Test
    void aliasRowsWrittenByPythonReadAtRevisionZero() {
        putRaw(pythonAlias(NAME, "prod", "000001", null, null));
        putRaw(pythonAlias(NAME, "canary", "000001", "000002", 20));
        putRaw(pythonAlias(NAME, "edge", "LATEST", null, null));

        AliasRecord prod = new AliasRecord(NAME, "prod", T1, AliasTarget.of(Version.of(1)), 0);
        AliasRecord canary = new AliasRecord(NAME, "canary", T1,
                new AliasTarget(Version.of(1), Optional.of(Version.of(2)), 20), 0);
        AliasRecord edge = new AliasRecord(NAME, "edge", T1, AliasTarget.of(Version.LATEST), 0);
        assertThat(port.getAlias(NAME, "canary")).contains(canary);
        assertThat(port.listAliases(NAME)).containsExactly(canary, edge, prod);
    }

    @Test
    void compareAndSetExpectingRevisionZeroWorksOnPythonRows() {
        putRaw(pythonVersion(NAME, "000001", "2024-01-02T03:04:05.123456+0000", false, SHA_A));
        putRaw(pythonVersion(NAME, "000002", "2024-01-02T03:04:05.123456+0000", false, SHA_B));
        putRaw(pythonAlias(NAME, "prod", "000001", null, null));
        putRaw(pythonAlias(NAME, "old", "000002", null, null));
        VersionRecord pinned = port.getVersion(NAME, Version.of(1)).orElseThrow().withAliasPins(Map.of("prod", 1L));

        assertThatThrownBy(() -> port.updateVersion(pinned, 1)).isInstanceOf(PreconditionFailedException.class);
        port.updateVersion(pinned, 0);

        assertThat(port.getVersion(NAME, Version.of(1))).contains(pinned);
        assertThat(getRaw(NAME, "000001").get("revision").n()).isEqualTo("1");
        assertThatThrownBy(() -> port.updateVersion(pinned, 0)).isInstanceOf(PreconditionFailedException.class);

        AliasRecord moved = new AliasRecord(NAME, "prod", T2, AliasTarget.of(Version.of(2)), 1);
        port.updateAlias(moved, 0);
        assertThat(port.getAlias(NAME, "prod")).contains(moved);

        port.deleteAlias(NAME, "old", 0);
        port.deleteVersion(NAME, Version.of(2), 0);
        assertThat(port.listAliases(NAME)).containsExactly(moved);
        assertThat(port.listVersions(NAME)).containsExactly(pinned);
    }

    @Test
    void rowLeftByPythonSoftDeleteOfAMissingVersionCountsAsAbsent() {
        // pynamodb's Model.update() without a condition creates the item: only the keys and is_deleted
        raw.updateItem(r -> r.tableName(table).key(ItemKeys.key(NAME, "000007"))
                .updateExpression("SET is_deleted = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));

        assertThat(port.getVersion(NAME, Version.of(7))).isEmpty();
        assertThat(port.listVersions(NAME)).isEmpty();
        assertThatThrownBy(() -> port.updateVersion(record(Version.of(7), 1), 0))
                .isInstanceOf(PreconditionFailedException.class);

        VersionRecord seven = record(Version.of(7), 0);
        port.createVersion(seven);
        assertThat(port.getVersion(NAME, Version.of(7))).contains(seven);
    }

    // ---- rows written through the port, read as Python reads them

    @Test
    void versionRowsCarryThePythonAttributes() {
        VersionRecord latest = new VersionRecord(NAME, Version.LATEST, T1, false, SHA_A, 12, "text/csv",
                Map.of("k", "v"), "my-app/LATEST.u1", Map.of("prod", 3L), 4);
        port.createVersion(latest);
        port.createVersion(record(Version.of(3), 1).withDeleted(true, T2));

        Map<String, AttributeValue> latestItem = getRaw(NAME, "LATEST");
        assertThat(latestItem.get("update_at").s()).matches(PYTHON_TIMESTAMP)
                .isEqualTo("2024-01-02T03:04:05.123456+0000");
        assertThat(latestItem.get("is_deleted").bool()).isFalse();
        assertThat(latestItem.get("sha256").s()).isEqualTo(SHA_A);
        assertThat(latestItem.get("size").n()).isEqualTo("12");
        assertThat(latestItem.get("content_type").s()).isEqualTo("text/csv");
        assertThat(latestItem.get("metadata").m()).isEqualTo(Map.of("k", AttributeValue.fromS("v")));
        assertThat(latestItem.get("blob_key").s()).isEqualTo("my-app/LATEST.u1");
        assertThat(latestItem.get("alias_pins").m()).isEqualTo(Map.of("prod", AttributeValue.fromN("3")));
        assertThat(latestItem.get("revision").n()).isEqualTo("4");

        Map<String, AttributeValue> threeItem = getRaw(NAME, "000003");
        assertThat(threeItem.get("update_at").s()).isEqualTo("2025-06-30T23:59:59.000001+0000");
        assertThat(threeItem.get("is_deleted").bool()).isTrue();
        assertThat(threeItem).doesNotContainKeys("metadata", "alias_pins");
    }

    @Test
    void aliasRowsCarryThePythonAttributesAndOmitAnAbsentSecondary() {
        port.createAlias(new AliasRecord(NAME, "prod", T1, AliasTarget.of(Version.of(3)), 1));
        port.createAlias(new AliasRecord(NAME, "canary", T2,
                new AliasTarget(Version.of(3), Optional.of(Version.LATEST), 10), 2));

        Map<String, AttributeValue> prod = getRaw("__my-app-alias", "prod");
        assertThat(prod.get("update_at").s()).matches(PYTHON_TIMESTAMP);
        assertThat(prod.get("version").s()).isEqualTo("000003");
        assertThat(prod).doesNotContainKeys("secondary_version", "secondary_version_weight");
        assertThat(prod.get("revision").n()).isEqualTo("1");
        Map<String, AttributeValue> canary = getRaw("__my-app-alias", "canary");
        assertThat(canary.get("version").s()).isEqualTo("000003");
        assertThat(canary.get("secondary_version").s()).isEqualTo("LATEST");
        assertThat(canary.get("secondary_version_weight").n()).isEqualTo("10");
    }

    @Test
    void thePythonPartitionsHoldOnlyVersionAndAliasRows() {
        port.createVersion(record(Version.LATEST, 1));
        port.createVersion(record(Version.of(1), 1));
        port.createVersion(record(Version.of(3), 1));
        port.allocateVersionNumber(NAME, 4);
        port.registerArtifactName(NAME);
        port.createAlias(new AliasRecord(NAME, "prod", T1, AliasTarget.of(Version.of(3)), 1));
        port.appendAliasHistory(new AliasChange(NAME, "prod", 1, T1, Optional.empty(),
                Optional.of(AliasTarget.of(Version.of(3)))));

        // the Python library's publish reads the two highest sort keys: LATEST, then the highest number
        List<String> newestFirst = raw.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk").scanIndexForward(false)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(NAME))))
                .items().stream().map(item -> item.get("sk").s()).toList();
        assertThat(newestFirst).containsExactly("LATEST", "000003", "000001");
        List<String> aliases = raw.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("__my-app-alias"))))
                .items().stream().map(item -> item.get("sk").s()).toList();
        assertThat(aliases).containsExactly("prod");
    }

    /**
     * Issue 10, item 4: the highest number, purged, stays as the row the Python library's own soft delete of a missing
     * version leaves, which its publish counts (it numbers after the second row of a descending Query).
     */
    @Test
    void aVersionDeletedKeepingItsNumberLeavesTheRowPythonCounts() {
        port.createVersion(record(Version.LATEST, 1));
        port.createVersion(record(Version.of(1), 1));
        port.createVersion(record(Version.of(2), 4));

        port.deleteVersionKeepingNumber(NAME, Version.of(2), 4);

        assertThat(getRaw(NAME, "000002")).isEqualTo(Map.of("pk", AttributeValue.fromS(NAME),
                "sk", AttributeValue.fromS("000002"), "is_deleted", AttributeValue.fromBool(true)));
        List<String> pythonPublishReads = raw.query(r -> r.tableName(table).scanIndexForward(false).limit(2)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(NAME))))
                .items().stream().map(item -> item.get("sk").s()).toList();
        assertThat(pythonPublishReads).containsExactly("LATEST", "000002");
        assertThat(port.getVersion(NAME, Version.of(2))).isEmpty();
        assertThat(port.listVersions(NAME)).extracting(VersionRecord::version)
                .containsExactly(Version.LATEST, Version.of(1));
    }

    private VersionRecord record(Version version, long revision) {
        return new VersionRecord(NAME, version, T1, false, SHA_A, 1, "application/octet-stream", Map.of(),
                version.isLatest() ? "my-app/LATEST.u" + revision : "my-app/" + version.padded(), Map.of(), revision);
    }

    private static Map<String, AttributeValue> pythonVersion(String name, String sortKey, String updateAt,
                                                             boolean deleted, String sha256) {
        return Map.of("pk", AttributeValue.fromS(name), "sk", AttributeValue.fromS(sortKey),
                "update_at", AttributeValue.fromS(updateAt), "is_deleted", AttributeValue.fromBool(deleted),
                "sha256", AttributeValue.fromS(sha256));
    }

    private static Map<String, AttributeValue> pythonAlias(String name, String alias, String version,
                                                           String secondary, Integer weight) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", AttributeValue.fromS("__" + name + "-alias"),
                "sk", AttributeValue.fromS(alias), "update_at", AttributeValue.fromS("2024-01-02T03:04:05.123456+0000"),
                "version", AttributeValue.fromS(version)));
        if (secondary != null) {
            item.put("secondary_version", AttributeValue.fromS(secondary));
            item.put("secondary_version_weight", AttributeValue.fromN(weight.toString()));
        }
        return item;
    }

    private void putRaw(Map<String, AttributeValue> item) {
        raw.putItem(r -> r.tableName(table).item(item));
    }

    private Map<String, AttributeValue> getRaw(String pk, String sk) {
        return raw.getItem(r -> r.tableName(table).consistentRead(true).key(ItemKeys.key(pk, sk))).item();
    }
}
