package io.versioned.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Artifact;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaintenanceTest {

    private InMemoryBlobPort blobs;
    private InMemoryMetadataPort metadata;
    private Repository repository;
    private Maintenance maintenance;

    @BeforeEach
    void setUp() {
        blobs = new InMemoryBlobPort("maintenance-test");
        metadata = new InMemoryMetadataPort();
        repository = new DefaultRepository(blobs, metadata, Clock.systemUTC());
        maintenance = new Maintenance(blobs, metadata, repository);
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
        putBlob("db/LATEST.deadbeef");
        putBlob("ghost/000001");

        FsckReport report = maintenance.fsck();

        assertThat(report.orphans()).containsExactly("db/LATEST.deadbeef", "ghost/000001");
        assertThat(report.intact()).isTrue();
        assertThat(latest.uri()).doesNotContain("deadbeef");
    }

    @Test
    void blobsOfAnArtifactMissingFromTheNameIndexAreCheckedAndKeptWhenReferenced() {
        putBlob("python_made/000001");
        metadata.createVersion(new VersionRecord("python_made", Version.of(1), Instant.parse("2026-01-01T00:00:00Z"),
                false, sha256(bytes("orphan")), -1, "application/octet-stream", Map.of(),
                BlobKeys.of("python_made", Version.of(1)), Map.of(), 0));
        putBlob("python_made/LATEST.leftover");

        FsckReport report = maintenance.fsck();
        GcReport gc = maintenance.gc(false);

        assertThat(metadata.listArtifactNames()).doesNotContain("python_made");
        assertThat(report.versionsChecked()).isEqualTo(1);
        assertThat(report.intact()).isTrue();
        assertThat(gc.removed()).containsExactly("python_made/LATEST.leftover");
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
        putBlob("db/LATEST.deadbeef");

        GcReport report = maintenance.gc(true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.orphans()).containsExactly("db/LATEST.deadbeef");
        assertThat(report.removed()).isEmpty();
        assertThat(blobs.list("db/")).contains("db/LATEST.deadbeef");
    }

    @Test
    void gcRemovesOrphansAndKeepsEveryReferencedBlob() {
        repository.putArtifact("db", bytes("one"), PutOptions.none());
        repository.publishArtifactVersion("db");
        repository.deleteArtifactVersion("db", Version.of(1));
        repository.putArtifact("db", bytes("two"));
        putBlob("db/LATEST.deadbeef");
        putBlob("ghost/000001");

        GcReport report = maintenance.gc(false);

        assertThat(report.removed()).containsExactly("db/LATEST.deadbeef", "ghost/000001");
        assertThat(blobs.list("")).hasSize(2);
        assertThat(maintenance.fsck().orphans()).isEmpty();
        assertThat(repository.getContent("db", Version.LATEST)).isEqualTo(bytes("two"));
        repository.restoreArtifactVersion("db", Version.of(1));
        assertThat(repository.getContent("db", Version.of(1))).isEqualTo(bytes("one"));
    }

    @Test
    void gcWithAGracePeriodSparesKeysThatGotReferencedInTheMeantime() {
        repository.putArtifact("db", bytes("one"));
        putBlob("db/LATEST.deadbeef");

        GcReport report = maintenance.gc(false, Duration.ofMillis(1));

        assertThat(report.removed()).containsExactly("db/LATEST.deadbeef");
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
