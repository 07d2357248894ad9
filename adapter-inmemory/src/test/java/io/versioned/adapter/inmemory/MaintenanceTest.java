package io.versioned.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Artifact;
import io.versioned.api.BackendException;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.DefaultRepository;
import io.versioned.core.FsckReport;
import io.versioned.core.GcReport;
import io.versioned.core.Maintenance;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.VersionRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaintenanceTest {

    /** An orphan of the shape a put writes: {@code {name}/LATEST.{32 hex}}. */
    private static final String ORPHAN = "db/LATEST.0123456789abcdef0123456789abcdef";
    /** Keys of other shapes under artifacts' prefixes: the Python S3-only backend's, and near misses. */
    private static final List<String> FOREIGN = List.of("db/versions/999999_000001", "db/aliases/prod.json",
            "db/LATEST.deadbeef", "db/0000001", "db/000000", "db/LATEST.json", "db/LATEST.gz",
            "db/LATEST.0123456789ABCDEF0123456789ABCDEF", "db/latest", "other/notes.txt");

    /** Two days on: every blob is older than the default grace period of one day. */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));

    private InMemoryBlobPort blobs;
    private InMemoryMetadataPort metadata;
    private Repository repository;
    private Maintenance maintenance;

    @BeforeEach
    void setUp() {
        blobs = new InMemoryBlobPort("maintenance-test");
        metadata = new InMemoryMetadataPort();
        repository = new DefaultRepository(blobs, metadata, Clock.systemUTC());
        maintenance = new Maintenance(blobs, metadata, repository, LATER);
    }

    @Test
    void fsckOfAHealthyRepositoryHasNoFindingsAndNoOrphans() {
        repository.putArtifact("db", bytes("one"));
        repository.publishArtifactVersion("db");
        repository.putArtifact("db", bytes("two!"));
        repository.putArtifact("model", bytes("m"));

        FsckReport report = maintenance.fsck();

        assertThat(report.intact()).isTrue();
        assertThat(report.orphans()).isEmpty();
        assertThat(report.artifacts()).isEqualTo(2);
        assertThat(report.versionsChecked()).isEqualTo(3);
        assertThat(report.bytesChecked()).isEqualTo(3 + 4 + 1);
    }

    @Test
    void fsckReportsAVersionWhoseBytesWereAltered() {
        repository.putArtifact("db", bytes("original"));
        repository.publishArtifactVersion("db");
        blobs.corrupt(BlobKeys.of("db", Version.of(1)), bytes("tampered"));

        FsckReport report = maintenance.fsck();

        assertThat(report.intact()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.name()).isEqualTo("db");
            assertThat(finding.version()).isEqualTo(Version.of(1));
            assertThat(finding.problem()).isNotBlank();
        });
        assertThat(report.versionsChecked()).isEqualTo(2);
    }

    @Test
    void fsckReportsAPublishedVersionWhoseBytesAreMissing() {
        repository.putArtifact("db", bytes("original"));
        repository.publishArtifactVersion("db");
        blobs.delete(BlobKeys.of("db", Version.of(1)));

        FsckReport report = maintenance.fsck();

        assertThat(report.findings()).extracting(FsckReport.Finding::version).containsExactly(Version.of(1));
    }

    @Test
    void fsckSkipsSoftDeletedVersionsAndDoesNotCallTheirBytesOrphans() {
        repository.putArtifact("db", bytes("one"));
        repository.publishArtifactVersion("db");
        repository.deleteArtifactVersion("db", Version.of(1));
        blobs.corrupt(BlobKeys.of("db", Version.of(1)), bytes("xx"));

        FsckReport report = maintenance.fsck();

        assertThat(report.intact()).isTrue();
        assertThat(report.versionsChecked()).isEqualTo(1);
        assertThat(report.orphans()).isEmpty();
    }

    @Test
    void orphansAreUnreferencedKeysOfKnownArtifactsAndKeysOfUnknownArtifacts() {
        Artifact latest = repository.putArtifact("db", bytes("one"));
        putBlob(ORPHAN);
        putBlob("ghost/000001");

        FsckReport report = maintenance.fsck();

        assertThat(report.orphans()).containsExactly(ORPHAN, "ghost/000001");
        assertThat(report.intact()).isTrue();
        assertThat(latest.uri()).doesNotContain(ORPHAN);
    }

    @Test
    void blobsOfAnArtifactMissingFromTheNameIndexAreCheckedAndKeptWhenReferenced() {
        putBlob("python_made/000001");
        metadata.createVersion(new VersionRecord("python_made", Version.of(1), Instant.parse("2026-01-01T00:00:00Z"),
                false, sha256(bytes("orphan")), -1, "application/octet-stream", Map.of(),
                BlobKeys.of("python_made", Version.of(1)), Map.of(), 0));
        putBlob("python_made/LATEST.00000000000000000000000000000001");

        FsckReport report = maintenance.fsck();
        GcReport gc = maintenance.gc(false);

        assertThat(metadata.listArtifactNames()).doesNotContain("python_made");
        assertThat(report.versionsChecked()).isEqualTo(1);
        assertThat(report.intact()).isTrue();
        assertThat(gc.removed()).containsExactly("python_made/LATEST.00000000000000000000000000000001");
        assertThat(blobs.list("python_made/")).containsExactly("python_made/000001");
    }

    @Test
    void keysOutsideTheBlobLayoutAreNeverOrphans() {
        repository.putArtifact("db", bytes("one"));
        putBlob("_meta/versions/db.json");
        putBlob("stray-top-level-object");

        assertThat(maintenance.fsck().orphans()).isEmpty();
        assertThat(maintenance.gc(false).removed()).isEmpty();
        assertThat(blobs.list("")).contains("_meta/versions/db.json", "stray-top-level-object");
    }

    @Test
    void gcDryRunListsOrphansAndDeletesNothing() {
        repository.putArtifact("db", bytes("one"));
        putBlob(ORPHAN);

        GcReport report = maintenance.gc(true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.orphans()).containsExactly(ORPHAN);
        assertThat(report.removed()).isEmpty();
        assertThat(blobs.list("db/")).contains(ORPHAN);
    }

    @Test
    void gcRemovesOrphansAndKeepsEveryReferencedBlob() {
        repository.putArtifact("db", bytes("one"), PutOptions.none());
        repository.publishArtifactVersion("db");
        repository.deleteArtifactVersion("db", Version.of(1));
        repository.putArtifact("db", bytes("two"));
        putBlob(ORPHAN);
        putBlob("ghost/000001");

        GcReport report = maintenance.gc(false);

        assertThat(report.removed()).containsExactly(ORPHAN, "ghost/000001");
        assertThat(blobs.list("")).hasSize(2);
        assertThat(maintenance.fsck().orphans()).isEmpty();
        assertThat(repository.getContent("db", Version.LATEST)).isEqualTo(bytes("two"));
        repository.restoreArtifactVersion("db", Version.of(1));
        assertThat(repository.getContent("db", Version.of(1))).isEqualTo(bytes("one"));
    }

    @Test
    void gcKeepsOrphansYoungerThanTheGracePeriod() {
        repository.putArtifact("db", bytes("one"));
        putBlob(ORPHAN);
        Maintenance now = new Maintenance(blobs, metadata, repository, Clock.systemUTC());

        GcReport report = now.gc(false);

        assertThat(report.orphans()).isEmpty();
        assertThat(report.recent()).containsExactly(ORPHAN);
        assertThat(report.removed()).isEmpty();
        assertThat(blobs.list("db/")).contains(ORPHAN);
        assertThat(now.gc(false, Duration.ZERO).removed()).containsExactly(ORPHAN);
    }

    @Test
    void keysOfOtherShapesUnderAnArtifactAreForeignAndNeverRemoved() {
        repository.putArtifact("db", bytes("one"));
        repository.publishArtifactVersion("db");
        for (String key : FOREIGN) {
            putBlob(key);
        }

        FsckReport fsck = maintenance.fsck();
        GcReport gc = maintenance.gc(false, Duration.ZERO);
        repository.purgeArtifact("db");

        assertThat(fsck.foreign()).containsExactlyElementsOf(FOREIGN.stream().sorted().toList());
        assertThat(fsck.orphans()).isEmpty();
        assertThat(gc.foreign()).isEqualTo(fsck.foreign());
        assertThat(gc.removed()).isEmpty();
        assertThat(blobs.list("")).containsExactlyInAnyOrderElementsOf(FOREIGN);
    }

    @Test
    void theKeyOfAPutWhoseRecordWasNeverWrittenIsAnOrphan() {
        repository.putArtifact("db", bytes("one"));
        String crashed = BlobKeys.newLatestUpload("db");
        putBlob(crashed);

        assertThat(maintenance.fsck().orphans()).containsExactly(crashed);
        assertThat(maintenance.gc(false).removed()).containsExactly(crashed);
    }

    @Test
    void thePythonLatestKeyIsReferencedWhileALatestRecordExists() {
        repository.putArtifact("db", bytes("one"));
        putBlob(BlobKeys.sharedLatest("db"));
        putBlob(BlobKeys.sharedLatest("gone"));

        GcReport report = maintenance.gc(false, Duration.ZERO);

        assertThat(report.removed()).containsExactly("gone/LATEST");
        assertThat(blobs.list("db/")).contains("db/LATEST");
    }

    @Test
    void fsckAndGcRefuseWhenTheMetadataHoldsNoRecordButVersionBytesExist() {
        repository.putArtifact("db", bytes("one"));
        repository.publishArtifactVersion("db");
        InMemoryMetadataPort empty = new InMemoryMetadataPort();
        Maintenance lost = new Maintenance(blobs, empty, new DefaultRepository(blobs, empty, Clock.systemUTC()), LATER);
        List<String> before = blobs.list("");

        assertThatThrownBy(lost::fsck).isInstanceOf(BackendException.class)
                .hasMessageContaining("the metadata store holds no records").hasMessageContaining("db/000001");
        assertThatThrownBy(() -> lost.gc(false, Duration.ZERO)).isInstanceOf(BackendException.class)
                .hasMessageContaining("restore it from a backup");
        assertThat(blobs.list("")).isEqualTo(before);
    }

    @Test
    void gcRefusesANegativeGracePeriod() {
        assertThatThrownBy(() -> maintenance.gc(false, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace");
    }

    private void putBlob(String key) {
        blobs.put(key, new ByteArrayInputStream(bytes("orphan")),
                new BlobUpload(-1, Optional.empty(), "application/octet-stream", Map.of()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
