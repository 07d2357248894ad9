package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.FsckReport;
import io.versioned.core.GcReport;
import io.versioned.core.Maintenance;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import io.versioned.tck.StorePorts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold once the workers stopped, checked without faults: the invariants on the stores; the replayed log of
 * every own artifact equals what the repository shows (nothing acknowledged was lost); the shared artifact kept every
 * acknowledged publish and alias change; {@code fsck} finds nothing but orphans, exactly the unreferenced blobs;
 * {@code gc} removes them and a second {@code fsck} is clean; and the repository keeps working.
 */
final class SoakFinalCheck {

    private static final String AFTERWARDS = "soak-afterwards";

    private final StorePorts ports;
    private final Repository repository;
    private final ArtifactTruth truth;
    private final SoakLog log;
    private final SharedArtifact shared;
    private final Map<String, ArtifactModel> models;

    /**
     * @param ports      the stores
     * @param repository a repository on them without faults
     * @param log        the run's log
     * @param shared     the shared artifact
     * @param models     the workers' models of their artifacts at the end
     */
    SoakFinalCheck(StorePorts ports, Repository repository, SoakLog log, SharedArtifact shared,
                   Map<String, ArtifactModel> models) {
        this.ports = ports;
        this.repository = repository;
        this.truth = new ArtifactTruth(repository, ports, SoakWorker.ALIASES);
        this.log = log;
        this.shared = shared;
        this.models = Map.copyOf(models);
    }

    /**
     * Runs every check.
     *
     * @return the number of orphan blobs {@code gc} removed
     * @throws AssertionError if a check fails
     */
    int run() {
        Invariants.assertHold(ports);
        assertReplayMatches(false);
        shared.assertHeld(repository);

        Maintenance maintenance = new Maintenance(ports.blobs(), ports.metadata(), repository, Clock.systemUTC());
        FsckReport fsck = maintenance.fsck();
        assertThat(fsck.findings()).as("fsck findings other than orphans").isEmpty();
        assertThat(fsck.orphans()).as("orphans fsck reports").isEqualTo(unreferencedKeys());
        assertThat(fsck.versionsChecked()).as("live versions fsck read").isEqualTo(liveVersions());
        Set<String> known = new HashSet<>(models.keySet());
        known.add(SharedArtifact.NAME);
        assertThat(fsck.orphans()).as("orphans are blobs of the soak's artifacts")
                .allSatisfy(key -> assertThat(BlobKeys.artifactOf(key)).get().isIn(known));

        GcReport gc = maintenance.gc(false, Duration.ZERO);
        assertThat(gc.removed()).as("blobs gc removed").isEqualTo(fsck.orphans());
        FsckReport afterGc = maintenance.fsck();
        assertThat(afterGc.intact()).as("fsck after gc is intact: %s", afterGc.findings()).isTrue();
        assertThat(afterGc.orphans()).as("orphans after gc").isEmpty();
        assertThat(afterGc.versionsChecked()).isEqualTo(fsck.versionsChecked());

        Invariants.assertHold(ports);
        assertReplayMatches(true);
        assertKeepsWorking();
        Invariants.assertHold(ports);
        return gc.removed().size();
    }

    /**
     * The replayed log of each own artifact equals the worker's model and what the repository shows. Where names are
     * listed from the blob store (a store shared with the Python library), an artifact without any record is listed
     * only while bytes of it are left (a purge that failed between its records and its bytes): after {@code gc}
     * removed those, it is no longer listed.
     */
    private void assertReplayMatches(boolean afterGc) {
        boolean namesFromBlobs = ports.blobs().capabilities().contains(BlobCapability.SHARED_WITH_PYTHON);
        models.forEach((artifact, model) -> {
            ArtifactModel replayed = log.replay(artifact);
            assertThat(replayed).as("replayed log of %s against the worker's model", artifact).isEqualTo(model);
            ArtifactState expected = afterGc && namesFromBlobs && replayed.state().versions().isEmpty()
                    ? replayed.state().withRegistered(false) : replayed.state();
            ArtifactState observed = truth.read(artifact);
            assertThat(observed).as("%s against its replayed log%s", artifact, afterGc ? ", after gc" : "")
                    .isEqualTo(expected.withTimesFrom(observed));
        });
    }

    /**
     * Blob keys of the layout that no version record references, sorted; {@code {name}/LATEST}, where the Python
     * library reads LATEST, counts as referenced while the artifact has a LATEST record.
     */
    private List<String> unreferencedKeys() {
        List<String> keys = ports.blobs().list("").stream().filter(key -> BlobKeys.artifactOf(key).isPresent())
                .toList();
        Set<String> referenced = new HashSet<>();
        for (String name : allNames(keys)) {
            for (VersionRecord record : ports.metadata().listVersions(name)) {
                referenced.add(record.blobKey());
                if (record.version().isLatest()) {
                    referenced.add(BlobKeys.of(name, Version.LATEST));
                }
            }
        }
        return keys.stream().filter(key -> !referenced.contains(key)).sorted().toList();
    }

    private int liveVersions() {
        List<String> keys = ports.blobs().list("");
        return allNames(keys).stream().mapToInt(name -> (int) ports.metadata().listVersions(name).stream()
                .filter(record -> !record.deleted()).map(VersionRecord::version).count()).sum();
    }

    /** The indexed names and those that have blobs. */
    private Set<String> allNames(List<String> keys) {
        Set<String> names = new TreeSet<>(ports.metadata().listArtifactNames());
        keys.forEach(key -> BlobKeys.artifactOf(key).ifPresent(names::add));
        return names;
    }

    /** A put, publish, putAlias and resolve work, on a new artifact and on the shared one. */
    private void assertKeepsWorking() {
        for (String name : List.of(AFTERWARDS, SharedArtifact.NAME)) {
            byte[] bytes = ("after the soak: " + name).getBytes(StandardCharsets.UTF_8);
            Artifact put = repository.putArtifact(name, bytes);
            Artifact published = repository.publishArtifactVersion(name);
            assertThat(published.sha256()).isEqualTo(put.sha256());
            repository.putAlias(name, "afterwards", published.version());
            Artifact resolved = repository.resolve(name, "afterwards", "any-key");
            assertThat(resolved.version()).isEqualTo(published.version());
            assertThat(repository.getContent(name, resolved.version())).isEqualTo(bytes);
            assertThat(repository.getContent(name, Version.LATEST)).isEqualTo(bytes);
        }
    }
}
