package io.versioned.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.VersionRecord;
import io.versioned.testsupport.DynaliteServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Several ports sharing one table, and the requests each method sends (recorded by an interceptor on a real
 * client talking to dynalite).
 */
class SharedTableAndRequestsTest {

    private static final Instant T1 = Instant.parse("2024-01-02T03:04:05.123456Z");
    private static final Set<String> ALPHA_PARTITIONS =
            Set.of("alpha", "__alpha-alias", "__alpha-alias-history", "__alpha-counter");

    private final OperationRecorder recorder = new OperationRecorder();
    private DynamoDbClient recordingClient;
    private String table;

    @BeforeEach
    void setUp() {
        recordingClient = DynaliteServer.shared().clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
        table = Dynalite.freshTableName();
        new DynamoMetadataPort(Dynalite.client(), table).bootstrap();
    }

    @AfterEach
    void tearDown() {
        recordingClient.close();
    }

    @Test
    void purgeOfOneArtifactLeavesTheItemsOfAnotherPortsArtifacts() {
        DynamoMetadataPort alphaPort = new DynamoMetadataPort(Dynalite.client(), table);
        DynamoMetadataPort othersPort = new DynamoMetadataPort(Dynalite.client(), table);
        populate(alphaPort, "alpha", 60);
        for (String other : List.of("alpha-alias", "alpha-counter", "alpha.1", "alphabet", "Alpha")) {
            populate(othersPort, other, 3);
        }
        List<Map<String, AttributeValue>> othersBefore = allItems().stream().filter(item -> !isAlpha(item)).toList();
        assertThat(allItems()).hasSize(othersBefore.size() + 60 + 1 + 2 + 2 + 1 + 1);

        alphaPort.purgeArtifact("alpha");

        assertThat(allItems()).containsExactlyInAnyOrderElementsOf(othersBefore);
        assertThat(othersPort.listArtifactNames())
                .containsExactly("Alpha", "alpha-alias", "alpha-counter", "alpha.1", "alphabet");
        assertThat(queryPartition("__alpha-alias-alias")).hasSize(2);
        assertThat(queryPartition("__alpha-counter-counter")).hasSize(1);
        assertThat(othersPort.allocateVersionNumber("alpha-counter", 0)).isEqualTo(4);
    }

    @Test
    void purgeSendsQueriesBatchesOfTwentyFiveAndOneDeleteForTheName() {
        DynamoMetadataPort port = new DynamoMetadataPort(recordingClient, table);
        populate(port, "alpha", 60);
        recorder.clear();

        port.purgeArtifact("alpha");

        // 61 version rows, 2 aliases, 2 history entries and the counter: 66 deletions in 3 batches, sent as the
        // partitions are read; the name goes last
        assertThat(recorder.operations()).containsExactly("Query", "BatchWriteItem", "BatchWriteItem", "Query",
                "Query", "BatchWriteItem", "DeleteItem");
    }

    @Test
    void listArtifactNamesSendsOneQueryAndNeverScans() {
        DynamoMetadataPort port = new DynamoMetadataPort(recordingClient, table);
        for (String name : List.of("b", "a", "c-1")) {
            port.registerArtifactName(name);
            port.createVersion(version(name, Version.LATEST));
        }
        recorder.clear();

        assertThat(port.listArtifactNames()).containsExactly("a", "b", "c-1");

        assertThat(recorder.operations()).containsExactly("Query");
    }

    @Test
    void allocateVersionNumberSendsOneUpdateAndTwoWhenTheCounterMustBeRaised() {
        DynamoMetadataPort port = new DynamoMetadataPort(recordingClient, table);

        assertThat(port.allocateVersionNumber("doc", 1)).isEqualTo(1);
        assertThat(recorder.operations()).containsExactly("UpdateItem");
        recorder.clear();

        assertThat(port.allocateVersionNumber("doc", 10)).isEqualTo(10);
        assertThat(recorder.operations()).containsExactly("UpdateItem", "UpdateItem");
        recorder.clear();

        assertThat(port.allocateVersionNumber("doc", 0)).isEqualTo(11);
        assertThat(recorder.operations()).containsExactly("UpdateItem");
    }

    @Test
    void singleRecordMethodsSendOneRequestEach() {
        DynamoMetadataPort port = new DynamoMetadataPort(recordingClient, table);
        VersionRecord latest = version("doc", Version.LATEST);
        AliasRecord alias = new AliasRecord("doc", "prod", T1, AliasTarget.of(Version.LATEST), 1);
        List<Runnable> calls = List.of(
                () -> port.createVersion(latest),
                () -> port.getVersion("doc", Version.LATEST),
                () -> port.updateVersion(latest.withDeleted(true, T1), 1),
                () -> port.listVersions("doc"),
                () -> port.deleteVersion("doc", Version.LATEST, 2),
                () -> port.createAlias(alias),
                () -> port.getAlias("doc", "prod"),
                () -> port.updateAlias(new AliasRecord("doc", "prod", T1, AliasTarget.of(Version.of(1)), 2), 1),
                () -> port.listAliases("doc"),
                () -> port.deleteAlias("doc", "prod", 2),
                () -> port.appendAliasHistory(new AliasChange("doc", "prod", 1, T1, Optional.empty(),
                        Optional.of(AliasTarget.of(Version.LATEST)))),
                () -> port.aliasHistory("doc", "prod", 10),
                () -> port.registerArtifactName("doc"),
                port::bootstrap);
        List<Integer> requests = new ArrayList<>();

        for (Runnable call : calls) {
            recorder.clear();
            call.run();
            requests.add(recorder.operations().size());
        }

        assertThat(requests).containsOnly(1);
    }

    private static void populate(DynamoMetadataPort port, String name, int versions) {
        port.registerArtifactName(name);
        port.createVersion(version(name, Version.LATEST));
        for (int v = 1; v <= versions; v++) {
            port.createVersion(version(name, Version.of(v)));
        }
        port.allocateVersionNumber(name, versions);
        port.createAlias(new AliasRecord(name, "prod", T1, AliasTarget.of(Version.of(1)), 1));
        port.createAlias(new AliasRecord(name, "canary", T1,
                new AliasTarget(Version.of(1), Optional.of(Version.LATEST), 5), 1));
        port.appendAliasHistory(new AliasChange(name, "prod", 1, T1, Optional.empty(),
                Optional.of(AliasTarget.of(Version.of(1)))));
        port.appendAliasHistory(new AliasChange(name, "canary", 1, T1, Optional.empty(),
                Optional.of(AliasTarget.of(Version.of(1)))));
    }

    private static VersionRecord version(String name, Version version) {
        return new VersionRecord(name, version, T1, false, "d".repeat(64), 3, "text/plain", Map.of(),
                name + "/" + version.padded(), Map.of(), 1);
    }

    private static boolean isAlpha(Map<String, AttributeValue> item) {
        String pk = item.get("pk").s();
        return ALPHA_PARTITIONS.contains(pk) || ("__names".equals(pk) && "alpha".equals(item.get("sk").s()));
    }

    /** Every item of the table; a test may Scan, the port never does. */
    private List<Map<String, AttributeValue>> allItems() {
        return Dynalite.client().scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
                .toList();
    }

    private List<Map<String, AttributeValue>> queryPartition(String partition) {
        return Dynalite.client().query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).items();
    }
}
