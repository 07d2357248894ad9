package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Version;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Artifacts written by earlier releases (format 1: every version record in {@code versions.json}) are moved to
 * format 2 by the first read or write of this release that finds none of its documents, and a migration stopped
 * half-way is finished by the next one (docs/s3-only.md, "Format 2 and the migration from format 1"). The format-1
 * documents here are written as those releases wrote them, byte for byte in their shape.
 */
class FormatMigrationTest {

    private static final Instant T = Instant.parse("2025-06-01T10:15:30.123456Z");
    private static final String META = TestStores.PREFIX + "/_meta/doc/";
    private static final List<VersionRecord> RECORDS = List.of(record(Version.LATEST, false, 3), record(Version.of(1),
            true, 2), record(Version.of(2), false, 1), record(Version.of(1500), false, 4));

    private RawObjects objects;
    private S3OnlyMetadataPort port;

    @BeforeEach
    void newStore() {
        objects = RawObjects.inNewBucket();
        port = objects.port();
    }

    static Stream<Arguments> firstCalls() {
        return Stream.of(
                Arguments.of("getVersion of a record", (Consumer<MetadataPort>) port ->
                        assertThat(port.getVersion("doc", Version.of(1500))).contains(RECORDS.get(3))),
                Arguments.of("getVersion of an absent record", (Consumer<MetadataPort>) port ->
                        assertThat(port.getVersion("doc", Version.of(7))).isEmpty()),
                Arguments.of("listVersions", (Consumer<MetadataPort>) port ->
                        assertThat(port.listVersions("doc")).isEqualTo(RECORDS)),
                Arguments.of("newestVersions", (Consumer<MetadataPort>) port ->
                        assertThat(port.newestVersions("doc")).containsExactly(RECORDS.get(0), RECORDS.get(3))),
                Arguments.of("createVersion", (Consumer<MetadataPort>) port ->
                        port.createVersion(record(Version.of(1501), false, 1))),
                Arguments.of("updateVersion", (Consumer<MetadataPort>) port ->
                        port.updateVersion(record(Version.of(2), true, 2), 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstCalls")
    void theFirstCallOfThisReleaseMovesEveryRecordToFormat2(String call, Consumer<MetadataPort> firstCall) {
        putFormat1(RECORDS);

        firstCall.accept(port);

        assertThat(keys()).contains(META + "versions.json", META + "versions/999.json", META + "versions/998.json",
                META + "versions/LATEST.json").doesNotContain(META + "versions/_migration.json");
        assertThat(text(META + "versions.json")).as("the index an older release refuses as format 2")
                .contains("\"format\":2").contains("\"kind\":\"versionsIndex\"");
        assertThat(port.listVersions("doc")).containsAll(RECORDS.subList(0, 2)).contains(RECORDS.get(3));
        assertThat(port.getVersion("doc", Version.of(1))).contains(RECORDS.get(1));
    }

    @Test
    void aNewArtifactGetsItsIndexBeforeItsFirstRecordSoThatOlderReleasesRefuseIt() {
        port.createVersion(RECORDS.get(0));

        assertThat(text(META + "versions.json")).contains("\"format\":2").contains("\"kind\":\"versionsIndex\"");
    }

    @Test
    void aMigrationStoppedAfterTheIndexIsFinishedWithoutUndoingLaterWrites() {
        putFormat1(RECORDS);
        port.listVersions("doc");
        VersionRecord pinnedSince = RECORDS.get(2).withAliasPins(Map.of("production", 1L));
        port.updateVersion(pinnedSince, 1);
        String migration = META + "versions/_migration.json";
        put(migration, migrationOf(RECORDS));
        delete(META + "versions/998.json");

        assertThat(port.listVersions("doc")).as("the listing finishes the migration first")
                .containsExactly(RECORDS.get(0), RECORDS.get(1), pinnedSince, RECORDS.get(3));
        assertThat(keys()).doesNotContain(migration);
    }

    @Test
    void aMigrationCopiedBeforeAnOlderReleaseChangedTheDocumentMovesTheNewerContent() {
        putFormat1(RECORDS.subList(0, 2));
        put(META + "versions/_migration.json", migrationOf(RECORDS.subList(0, 1)));

        assertThat(port.listVersions("doc")).isEqualTo(RECORDS.subList(0, 2));
        assertThat(keys()).doesNotContain(META + "versions/_migration.json");
    }

    @RepeatedTest(5)
    void processesMigratingOneArtifactTogetherAllReadEveryRecord() throws Exception {
        putFormat1(RECORDS);
        int threads = 8;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<VersionRecord>>> reads = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                S3OnlyMetadataPort own = objects.port();
                reads.add(executor.submit((Callable<List<VersionRecord>>) () -> {
                    start.await();
                    return own.listVersions("doc");
                }));
            }
            for (Future<List<VersionRecord>> read : reads) {
                assertThat(read.get()).isEqualTo(RECORDS);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(keys()).doesNotContain(META + "versions/_migration.json");
    }

    /** A format-1 {@code versions.json}, as releases before format 2 wrote it. */
    private void putFormat1(List<VersionRecord> records) {
        put(META + "versions.json", "{\"format\":1,\"kind\":\"versions\",\"name\":\"doc\",\"versions\":["
                + records.stream().map(FormatMigrationTest::json).collect(Collectors.joining(",")) + "]}");
    }

    /** The migration document a process stopped after step 1 leaves. */
    private static String migrationOf(List<VersionRecord> records) {
        return "{\"format\":2,\"kind\":\"versionsMigration\",\"name\":\"doc\",\"versions\":["
                + records.stream().map(FormatMigrationTest::json).collect(Collectors.joining(",")) + "]}";
    }

    private static String json(VersionRecord record) {
        return "{\"version\":\"" + record.version().padded() + "\",\"updateAt\":\"2025-06-01T10:15:30.123456Z\","
                + "\"deleted\":" + record.deleted() + ",\"sha256\":\"" + record.sha256() + "\",\"size\":"
                + record.size() + ",\"contentType\":\"text/plain\",\"metadata\":{\"k\":\"v\"},\"blobKey\":\""
                + record.blobKey() + "\",\"aliasPins\":{},\"revision\":" + record.revision() + "}";
    }

    private static VersionRecord record(Version version, boolean deleted, long revision) {
        return new VersionRecord("doc", version, T, deleted, "ab".repeat(32), 10, "text/plain", Map.of("k", "v"),
                BlobKeys.of("doc", version), Map.of(), revision);
    }

    private void put(String key, String content) {
        objects.put(key, content);
    }

    private void delete(String key) {
        objects.delete(key);
    }

    private String text(String key) {
        return objects.text(key);
    }

    private List<String> keys() {
        return objects.keys(META);
    }
}
