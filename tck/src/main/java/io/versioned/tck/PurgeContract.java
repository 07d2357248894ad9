package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Artifact;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.PurgeResult;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.FsckReport;
import io.versioned.core.GcReport;
import io.versioned.core.Maintenance;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.VersionRecord;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of retention in {@link Repository} (docs/semantics.md §7): which versions
 * {@code purgeArtifactVersions} removes and keeps, with metadata and bytes; dry runs; {@code purgeArtifact} and
 * {@code purgeAll} removing exactly what is theirs; maintenance ({@code fsck}, {@code gc}) and every purge leaving
 * alone the keys this library did not write, {@code gc} removing only what is older than its grace period, and both
 * refusing to run on a metadata store that lost its records. Time is moved with the suite's {@link TestClock}. An adapter's
 * test class extends this class and implements {@link #createPorts()}.
 */
public abstract class PurgeContract extends RepositoryContractSupport {

    private static final String APP = "app";
    private static final String PROD = "prod";
    private static final String CANARY = "canary";
    private static final Duration WEEK = Duration.ofDays(7);

    private final Map<String, Integer> published = new HashMap<>();

    // ---- purgeArtifactVersions

    @Test
    void oldVersionsBeyondTheNewestKeepLastNArePurgedWithTheirBytes() {
        publish(APP, 4);
        repository.putAlias(APP, PROD, Version.of(2));
        clock.advance(Duration.ofDays(10));
        publish(APP, 1);
        Instant before = clock.instant();

        PurgeResult result = repository.purgeArtifactVersions(APP, 2, WEEK);

        Instant after = clock.instant();
        assertThat(result.purged()).as("result.purged()").containsExactly(Version.of(3), Version.of(1));
        assertThat(result.keptByAlias()).as("result.keptByAlias()").containsExactly(Version.of(2));
        assertThat(result.dryRun()).as("result.dryRun()").isFalse();
        assertThat(result.purgeTime()).as("result.purgeTime()").isBetween(before.minus(WEEK), after.minus(WEEK));
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(5), Version.of(4), Version.of(2));
        assertThat(ports.metadata().listVersions(APP)).extracting(VersionRecord::version)
                .containsExactly(Version.LATEST, Version.of(2), Version.of(4), Version.of(5));
        assertThat(ports.blobs().list(APP + "/")).doesNotContain(APP + "/000001", APP + "/000003")
                .contains(APP + "/000002", APP + "/000004", APP + "/000005");
        for (Version purged : result.purged()) {
            assertThatThrownBy(() -> repository.getArtifactVersion(APP, purged),
                    "%s must throw %s", "repository.getArtifactVersion(APP, purged)", "ArtifactNotFoundException")
                    .isExactlyInstanceOf(ArtifactNotFoundException.class);
            assertThatThrownBy(() -> repository.restoreArtifactVersion(APP, purged),
                    "%s must throw %s", "repository.restoreArtifactVersion(APP, purged)", "ArtifactNotFoundException")
                    .isExactlyInstanceOf(ArtifactNotFoundException.class);
        }
        assertThat(repository.getContent(APP, Version.of(2))).as("repository.getContent(APP, Version.of(2))")
                .isEqualTo(Content.utf8("app 2"));
        assertThat(repository.getContent(APP, Version.of(5))).as("repository.getContent(APP, Version.of(5))")
                .isEqualTo(Content.utf8("app 5"));
    }

    @Test
    void youngVersionsAreKept() {
        publish(APP, 3);
        clock.advance(Duration.ofDays(6));
        StoreSnapshot before = snapshot();

        PurgeResult result = repository.purgeArtifactVersions(APP, 0, WEEK);

        assertThat(result.purged()).as("result.purged()").isEmpty();
        assertThat(result.keptByAlias()).as("result.keptByAlias()").isEmpty();
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void theNewestKeepLastNLiveVersionsAreKeptHoweverOld() {
        publish(APP, 3);
        clock.advance(Duration.ofDays(30));

        PurgeResult result = repository.purgeArtifactVersions(APP, 3, WEEK);

        assertThat(result.purged()).as("result.purged()").isEmpty();
        assertThat(repository.listArtifactVersions(APP)).as("repository.listArtifactVersions(APP)").hasSize(4);
    }

    @Test
    void latestIsNeverPurged() {
        publish(APP, 2);
        repository.putArtifact(APP, Content.utf8("old latest"));
        clock.advance(Duration.ofDays(30));

        PurgeResult result = repository.purgeArtifactVersions(APP, 0, Duration.ZERO);

        assertThat(result.purged()).as("result.purged()").containsExactly(Version.of(2), Version.of(1));
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version).containsExactly(Version.LATEST);
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(Content.utf8("old latest"));

        repository.deleteArtifactVersion(APP, Version.LATEST);
        clock.advance(Duration.ofDays(30));
        repository.purgeArtifactVersions(APP, 0, Duration.ZERO);

        assertThat(repository.restoreArtifactVersion(APP, Version.LATEST).sha256())
                .isEqualTo(Content.sha256(Content.utf8("old latest")));
    }

    @Test
    void softDeletedVersionsOlderThanTheCutOffArePurgedAndDoNotCountAsKept() {
        publish(APP, 4);
        repository.deleteArtifactVersion(APP, Version.of(1));
        repository.deleteArtifactVersion(APP, Version.of(4));
        clock.advance(Duration.ofDays(10));
        repository.deleteArtifactVersion(APP, Version.of(2));
        String deletedBlob = blobKey(Version.of(1));

        PurgeResult result = repository.purgeArtifactVersions(APP, 1, WEEK);

        assertThat(result.purged()).as("result.purged()").containsExactly(Version.of(4), Version.of(1));
        assertThat(ports.metadata().listVersions(APP)).extracting(VersionRecord::version)
                .containsExactly(Version.LATEST, Version.of(2), Version.of(3));
        assertThat(ports.blobs().list("")).doesNotContain(deletedBlob, APP + "/000004");
        assertThat(repository.restoreArtifactVersion(APP, Version.of(2)).version()).isEqualTo(Version.of(2));
        assertThatThrownBy(() -> repository.restoreArtifactVersion(APP, Version.of(1)),
                "%s must throw %s",
                "repository.restoreArtifactVersion(APP, Version.of(1))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void versionsAnAliasPointsAtAreKeptAndReported() {
        publish(APP, 5);
        repository.putAlias(APP, PROD, Version.of(1));
        repository.putAlias(APP, CANARY, Version.of(5), Version.of(3), 10);
        repository.putAlias(APP, "dev", Version.LATEST);
        clock.advance(Duration.ofDays(10));

        PurgeResult result = repository.purgeArtifactVersions(APP, 0, WEEK);

        assertThat(result.purged()).as("result.purged()").containsExactly(Version.of(4), Version.of(2));
        assertThat(result.keptByAlias()).as("result.keptByAlias()")
                .containsExactly(Version.of(5), Version.of(3), Version.of(1));
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(5), Version.of(3), Version.of(1));
        assertThat(repository.resolve(APP, PROD).version()).as("repository.resolve(APP, PROD).version()")
                .isEqualTo(Version.of(1));
    }

    @Test
    void aVersionAnAliasMovedAwayFromCanBePurged() {
        publish(APP, 3);
        repository.putAlias(APP, PROD, Version.of(1));
        repository.putAlias(APP, PROD, Version.of(3));
        repository.putAlias(APP, CANARY, Version.of(2));
        repository.deleteAlias(APP, CANARY);
        clock.advance(Duration.ofDays(10));

        PurgeResult result = repository.purgeArtifactVersions(APP, 0, WEEK);

        assertThat(result.purged()).as("result.purged()").containsExactly(Version.of(2), Version.of(1));
        assertThat(result.keptByAlias()).as("result.keptByAlias()").containsExactly(Version.of(3));
    }

    @Test
    void aDryRunReportsWhatAPurgeWouldDoAndRemovesNothing() {
        publish(APP, 5);
        repository.putAlias(APP, PROD, Version.of(2));
        repository.deleteArtifactVersion(APP, Version.of(3));
        clock.advance(Duration.ofDays(10));
        publish(APP, 1);
        StoreSnapshot before = snapshot();

        PurgeResult dryRun = repository.purgeArtifactVersions(APP, 2, WEEK, true);

        assertThat(dryRun.dryRun()).as("dryRun.dryRun()").isTrue();
        assertThat(dryRun.purged()).as("dryRun.purged()").containsExactly(Version.of(4), Version.of(3), Version.of(1));
        assertThat(dryRun.keptByAlias()).as("dryRun.keptByAlias()").containsExactly(Version.of(2));
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);

        PurgeResult purge = repository.purgeArtifactVersions(APP, 2, WEEK, false);

        assertThat(purge.dryRun()).as("purge.dryRun()").isFalse();
        assertThat(purge.purged()).as("purge.purged()").isEqualTo(dryRun.purged());
        assertThat(purge.keptByAlias()).as("purge.keptByAlias()").isEqualTo(dryRun.keptByAlias());
        assertThat(snapshot()).isNotEqualTo(before);
    }

    @Test
    void purgeTimeIsNowMinusTheAge() {
        clock.advance(Duration.ofDays(400));
        Instant before = clock.instant();

        PurgeResult result = repository.purgeArtifactVersions(APP, 1, Duration.ofHours(5), true);

        assertThat(result.purgeTime()).isBetween(before.minus(Duration.ofHours(5)),
                clock.instant().minus(Duration.ofHours(5)));
    }

    @Test
    void anAgeReachingBeforeTheEarliestInstantPurgesNothingAndCutsOffThere() {
        publish(APP, 2);
        clock.advance(Duration.ofDays(10));
        StoreSnapshot before = snapshot();

        for (Duration age : List.of(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                Duration.ofDays(366L * 1_000_000_000))) {
            PurgeResult result = repository.purgeArtifactVersions(APP, 0, age);
            PurgeResult dryRun = repository.purgeArtifactVersions(APP, 0, age, true);

            assertThat(result.purged()).as("purged with age %s", age).isEmpty();
            assertThat(result.purgeTime()).as("result.purgeTime()").isEqualTo(Instant.MIN);
            assertThat(dryRun.purged()).as("dryRun.purged()").isEmpty();
        }
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void purgingAnArtifactWithoutVersionsFindsNothingAndWritesNothing() {
        repository.putArtifact(APP, Content.utf8("only latest"));
        clock.advance(Duration.ofDays(10));
        StoreSnapshot before = snapshot();

        PurgeResult ghost = repository.purgeArtifactVersions("ghost", 0, Duration.ZERO);
        PurgeResult latestOnly = repository.purgeArtifactVersions(APP, 0, Duration.ZERO);

        assertThat(ghost.purged()).as("ghost.purged()").isEmpty();
        assertThat(ghost.keptByAlias()).as("ghost.keptByAlias()").isEmpty();
        assertThat(latestOnly.purged()).as("latestOnly.purged()").isEmpty();
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void numbersAreNotReusedAfterAPurge() {
        publish(APP, 3);
        clock.advance(Duration.ofDays(10));
        repository.purgeArtifactVersions(APP, 1, WEEK);

        publish(APP, 1);

        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(4), Version.of(3));
    }

    // ---- purgeArtifact and purgeAll

    @Test
    void purgeArtifactRemovesEverythingOfThatArtifactOnly() {
        for (String name : List.of("db", "db2", "db.x", "d")) {
            publish(name, 2);
            repository.putAlias(name, PROD, Version.of(1));
            repository.putAlias(name, PROD, Version.of(2), Version.of(1), 10);
            repository.putAlias(name, CANARY, Version.LATEST);
            repository.deleteAlias(name, CANARY);
        }
        List<String> others = List.of("db2", "db.x", "d");
        StoreSnapshot othersBefore = StoreSnapshot.ofArtifacts(ports, others, List.of(PROD, CANARY));

        repository.purgeArtifact("db");

        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()")
                .containsExactly("d", "db.x", "db2");
        assertThat(ports.metadata().listVersions("db")).as("ports.metadata().listVersions(\"db\")").isEmpty();
        assertThat(ports.metadata().listAliases("db")).as("ports.metadata().listAliases(\"db\")").isEmpty();
        assertThat(ports.metadata().aliasHistory("db", PROD, Integer.MAX_VALUE)).isEmpty();
        assertThat(ports.metadata().aliasHistory("db", CANARY, Integer.MAX_VALUE)).isEmpty();
        assertThat(ports.blobs().list("db/")).as("ports.blobs().list(\"db/\")").isEmpty();
        assertThatThrownBy(() -> repository.getArtifactVersion("db"),
                "%s must throw %s", "repository.getArtifactVersion(\"db\")", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.getAlias("db", PROD),
                "%s must throw %s", "repository.getAlias(\"db\", PROD)", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
        assertThat(repository.getAliasHistory("db", PROD)).as("repository.getAliasHistory(\"db\", PROD)").isEmpty();
        assertThat(StoreSnapshot.ofArtifacts(ports, others, List.of(PROD, CANARY))).isEqualTo(othersBefore);
        assertThat(repository.getContent("db2", Version.of(1))).as("repository.getContent(\"db2\", Version.of(1))")
                .isEqualTo(Content.utf8("db2 1"));
    }

    @Test
    void aPurgedArtifactNameCanBeReusedAsANewArtifact() {
        publish(APP, 3);
        repository.putAlias(APP, PROD, Version.of(3));
        repository.purgeArtifact(APP);

        repository.putArtifact(APP, Content.utf8("reborn"));
        Artifact first = repository.publishArtifactVersion(APP);

        assertThat(first.version()).as("first.version()").isEqualTo(Version.of(1));
        assertThat(repository.getContent(APP, Version.of(1))).as("repository.getContent(APP, Version.of(1))")
                .isEqualTo(Content.utf8("reborn"));
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(1));
        assertThat(repository.listAliases(APP)).as("repository.listAliases(APP)").isEmpty();
        repository.putAlias(APP, PROD, Version.of(1));
        assertThat(repository.getAliasHistory(APP, PROD)).as("repository.getAliasHistory(APP, PROD)").hasSize(1);
    }

    @Test
    void purgingAMissingArtifactIsANoOp() {
        publish(APP, 1);
        StoreSnapshot before = snapshot();

        assertThatCode(() -> repository.purgeArtifact("ghost")).doesNotThrowAnyException();

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void purgeAllRemovesEverythingOfThisRepositoryAndNothingOfAnother() {
        StorePorts otherPorts = createPorts();
        try (Repository other = RepositoryFixture.repository(otherPorts, clock)) {
            purgeAllLeavesTheOther(other, otherPorts);
        }
    }

    private void purgeAllLeavesTheOther(Repository other, StorePorts otherPorts) {
        for (Repository each : List.of(repository, other)) {
            for (String name : List.of(APP, "shared", "db")) {
                each.putArtifact(name, Content.utf8(name + " 1"));
                each.publishArtifactVersion(name);
                each.putArtifact(name, Content.utf8(name + " latest"));
                each.putAlias(name, PROD, Version.of(1));
            }
        }
        StoreSnapshot otherBefore = StoreSnapshot.of(otherPorts, List.of(APP, "shared", "db"), List.of(PROD));

        repository.purgeAll();

        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()").isEmpty();
        assertThat(ports.metadata().listArtifactNames()).as("ports.metadata().listArtifactNames()").isEmpty();
        assertThat(ports.blobs().list("")).as("ports.blobs().list(\"\")").isEmpty();
        for (String name : List.of(APP, "shared", "db")) {
            assertThat(ports.metadata().listVersions(name)).as(name).isEmpty();
            assertThat(ports.metadata().listAliases(name)).as(name).isEmpty();
            assertThat(ports.metadata().aliasHistory(name, PROD, Integer.MAX_VALUE)).as(name).isEmpty();
        }
        assertThat(StoreSnapshot.of(otherPorts, List.of(APP, "shared", "db"), List.of(PROD))).isEqualTo(otherBefore);
        assertThat(other.listArtifactNames()).as("other.listArtifactNames()").containsExactly(APP, "db", "shared");
        assertThat(other.getContent("shared", other.resolve("shared", PROD).version()))
                .isEqualTo(Content.utf8("shared 1"));

        repository.putArtifact(APP, Content.utf8("after"));
        assertThat(repository.publishArtifactVersion(APP).version()).isEqualTo(Version.of(1));
    }

    @Test
    void purgeAllAlsoPurgesAnArtifactMissingFromTheNameIndexRecordsWithItsBytes() {
        byte[] bytes = Content.utf8("written by another tool");
        String key = BlobKeys.of("legacy", Version.of(1));
        ports.blobs().put(key, new ByteArrayInputStream(bytes),
                new BlobUpload(bytes.length, Optional.empty(), "application/octet-stream", Map.of()));
        ports.metadata().createVersion(new VersionRecord("legacy", Version.of(1), Instant.parse("2026-01-01T00:00:00Z"),
                false, Content.sha256(bytes), -1, "application/octet-stream", Map.of(), key, Map.of(), 0));

        repository.purgeAll();

        assertThat(ports.metadata().listVersions("legacy")).as("ports.metadata().listVersions(\"legacy\")").isEmpty();
        assertThat(ports.blobs().list("legacy/")).as("ports.blobs().list(\"legacy/\")").isEmpty();
    }

    @Test
    void purgeAllOfAnEmptyRepositoryIsANoOp() {
        assertThatCode(() -> repository.purgeAll()).doesNotThrowAnyException();

        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()").isEmpty();
        assertThat(ports.blobs().list("")).as("ports.blobs().list(\"\")").isEmpty();
    }

    // ---- maintenance: only what this library wrote, only when old enough, never on lost metadata

    @Test
    void gcAndFsckReportForeignKeysAndLeaveThemByteForByte() {
        publish(APP, 2);
        Map<String, byte[]> foreign = plantForeign();
        String orphan = BlobKeys.latestUpload(APP, "0123456789abcdef0123456789abcdef");
        plant(orphan, Content.utf8("an upload whose record was never written"));
        Maintenance maintenance = maintenanceAt(newestBlobTime().plus(Duration.ofDays(2)));

        FsckReport fsck = maintenance.fsck();
        GcReport gc = maintenance.gc(false);

        assertThat(fsck.intact()).as("fsck.intact()").isTrue();
        assertThat(fsck.orphans()).as("fsck.orphans()").containsExactly(orphan);
        assertThat(fsck.foreign()).containsExactlyElementsOf(new TreeSet<>(foreign.keySet()));
        assertThat(gc.removed()).as("gc.removed()").containsExactly(orphan);
        assertThat(gc.foreign()).as("gc.foreign()").isEqualTo(fsck.foreign());
        assertForeignIntact(foreign);
        assertThat(repository.getContent(APP, Version.of(2))).as("repository.getContent(APP, Version.of(2))")
                .isEqualTo(Content.utf8("app 2"));
    }

    @Test
    void purgesLeaveForeignKeysByteForByte() {
        publish(APP, 3);
        repository.putAlias(APP, PROD, Version.of(3));
        Map<String, byte[]> foreign = plantForeign();
        clock.advance(Duration.ofDays(10));

        PurgeResult purged = repository.purgeArtifactVersions(APP, 0, WEEK);
        assertThat(purged.purged()).as("purged.purged()").containsExactly(Version.of(2), Version.of(1));
        assertForeignIntact(foreign);

        repository.purgeArtifact(APP);
        assertThat(ports.blobs().list(APP + "/")).containsExactlyElementsOf(
                foreign.keySet().stream().filter(key -> key.startsWith(APP + "/")).sorted().toList());
        assertForeignIntact(foreign);

        publish("db", 1);
        repository.purgeAll();
        assertThat(ports.blobs().list("")).filteredOn(key -> BlobKeys.artifactOf(key).isPresent())
                .containsExactlyElementsOf(new TreeSet<>(foreign.keySet()));
        assertForeignIntact(foreign);
    }

    @Test
    void gcRemovesOnlyOrphansOlderThanTheGracePeriod() {
        repository.putArtifact(APP, Content.utf8("latest"));
        String orphan = BlobKeys.latestUpload(APP, "00000000000000000000000000000001");
        plant(orphan, Content.utf8("orphan"));
        Instant written = newestBlobTime();

        GcReport young = maintenanceAt(written.plus(Duration.ofHours(23))).gc(false, Duration.ofDays(1));
        assertThat(young.orphans()).as("young.orphans()").isEmpty();
        assertThat(young.recent()).as("young.recent()").containsExactly(orphan);
        assertThat(young.removed()).as("young.removed()").isEmpty();
        assertThat(ports.blobs().list(APP + "/")).as("ports.blobs().list(APP + \"/\")").contains(orphan);

        GcReport listed = maintenanceAt(written.plus(Duration.ofDays(2))).gc(true, Duration.ofDays(1));
        assertThat(listed.orphans()).as("listed.orphans()").containsExactly(orphan);
        assertThat(listed.removed()).as("listed.removed()").isEmpty();
        assertThat(ports.blobs().list(APP + "/")).as("ports.blobs().list(APP + \"/\")").contains(orphan);

        GcReport old = maintenanceAt(written.plus(Duration.ofDays(2))).gc(false, Duration.ofDays(1));
        assertThat(old.removed()).as("old.removed()").containsExactly(orphan);
        assertThat(ports.blobs().list(APP + "/")).doesNotContain(orphan);
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(Content.utf8("latest"));
    }

    @Test
    void thePythonLatestKeyIsKeptWhileItsArtifactHasALatestRecord() {
        repository.putArtifact(APP, Content.utf8("latest"));
        if (!ports.blobs().list(APP + "/").contains(BlobKeys.sharedLatest(APP))) {
            // a store shared with the Python library keeps it already: the copy of LATEST for the Python library
            plant(BlobKeys.sharedLatest(APP), Content.utf8("python's latest"));
        }
        plant(BlobKeys.sharedLatest("ghost"), Content.utf8("no record names me"));

        GcReport gc = maintenanceAt(newestBlobTime().plus(Duration.ofDays(2))).gc(false);

        assertThat(gc.removed()).as("gc.removed()").containsExactly(BlobKeys.sharedLatest("ghost"));
        assertThat(ports.blobs().list(APP + "/")).as("ports.blobs().list(APP + \"/\")")
                .contains(BlobKeys.sharedLatest(APP));
    }

    @Test
    void fsckAndGcRefuseWhenTheMetadataHoldsNoRecordButVersionBytesExist() {
        publish(APP, 2);
        StorePorts fresh = createPorts();
        fresh.metadata().bootstrap();
        StorePorts lost = new StorePorts(ports.blobs(), fresh.metadata());
        Maintenance maintenance = new Maintenance(lost.blobs(), lost.metadata(),
                RepositoryFixture.compose(lost, clock), Clock.fixed(newestBlobTime().plus(Duration.ofDays(2)),
                        ZoneOffset.UTC));
        List<String> before = ports.blobs().list("");

        assertThatThrownBy(maintenance::fsck,
                "%s must throw %s", "maintenance::fsck", "BackendException")
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("holds no records").hasMessageContaining(APP + "/00000");
        assertThatThrownBy(() -> maintenance.gc(false, Duration.ZERO),
                "%s must throw %s", "maintenance.gc(false, Duration.ZERO)", "BackendException")
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("restore it from a backup");
        assertThat(ports.blobs().list("")).as("ports.blobs().list(\"\")").isEqualTo(before);
        assertThat(repository.getContent(APP, Version.of(1))).as("repository.getContent(APP, Version.of(1))")
                .isEqualTo(Content.utf8("app 1"));
    }

    /**
     * Plants keys this library does not write, under an artifact of this repository and under a name only another
     * tool uses: the Python S3-only backend's layout and near misses of this library's shapes.
     */
    private Map<String, byte[]> plantForeign() {
        Map<String, byte[]> foreign = new TreeMap<>();
        for (String key : List.of(APP + "/versions/999999_000001", APP + "/aliases/prod.json", APP + "/LATEST.deadbeef",
                APP + "/LATEST.json", APP + "/0000001", APP + "/000000", APP + "/00001", APP + "/notes/000001",
                "python_only/versions/999998_000002", "python_only/aliases/prod.json")) {
            byte[] bytes = Content.utf8("foreign bytes of " + key);
            plant(key, bytes);
            foreign.put(key, bytes);
        }
        return foreign;
    }

    private void plant(String key, byte[] bytes) {
        ports.blobs().put(key, new ByteArrayInputStream(bytes),
                new BlobUpload(bytes.length, Optional.empty(), "application/octet-stream", Map.of()));
    }

    private void assertForeignIntact(Map<String, byte[]> foreign) {
        foreign.forEach((key, bytes) -> assertThat(ports.blobs().open(key)).as(key)
                .hasValueSatisfying(in -> assertThat(Content.readAndClose(in)).as(key).isEqualTo(bytes)));
    }

    /** The latest last-modified time of the blob store, by the store's clock. */
    private Instant newestBlobTime() {
        return ports.blobs().listEntries("").stream().map(BlobEntry::lastModified).max(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** Maintenance of this repository whose clock reads {@code now}. */
    private Maintenance maintenanceAt(Instant now) {
        return new Maintenance(ports.blobs(), ports.metadata(), repository, Clock.fixed(now, ZoneOffset.UTC));
    }

    /**
     * Puts and publishes {@code count} new versions of {@code name}; the n-th content published for a name in a test
     * is {@code "name n"}.
     */
    private void publish(String name, int count) {
        for (int i = 0; i < count; i++) {
            int n = published.merge(name, 1, Integer::sum);
            repository.putArtifact(name, Content.utf8(name + " " + n));
            repository.publishArtifactVersion(name);
        }
    }

    private String blobKey(Version version) {
        return ports.metadata().getVersion(APP, version).orElseThrow().blobKey();
    }

    private StoreSnapshot snapshot() {
        return StoreSnapshot.of(ports, List.of(APP, "ghost"), List.of(PROD, CANARY));
    }
}
