package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.PurgeResult;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.VersionRecord;
import io.versioned.tck.soak.Invariants;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The invariants of docs/architecture.md under racing writers: {@value #THREADS} threads released together on one artifact, then the
 * invariants are checked on the stores: no two different contents share a version number, no acknowledged
 * publish is lost, every version's bytes match its SHA-256, every alias change lands whole and none is lost,
 * and no alias points at a deleted or purged version. Each racing thread has a repository object of its own on the
 * same ports, as racing processes do, so that the stores' compare-and-set decides every race (threads sharing one
 * repository object take turns per artifact instead, which one test checks). Further tests put one concurrent change
 * at an exact port call of an operation ({@link InterleavedPorts}), to check the retry paths deterministically.
 */
public abstract class ConcurrencyContract extends RepositoryContractSupport {

    /** How many threads race in each test. */
    protected static final int THREADS = 8;
    private static final String NAME = "raced";

    /** How many operations each thread performs in the longer races; adapters on slow stores may lower it. */
    protected int roundsPerThread() {
        return 4;
    }

    @Test
    void racingPutAndPublishNeverLoseOrMixVersions() {
        List<Repository> racers = racers();
        List<Race.Outcome<List<Artifact>>> outcomes = Race.run(THREADS, thread -> () -> {
            List<Artifact> published = new ArrayList<>();
            for (int round = 0; round < roundsPerThread(); round++) {
                racers.get(thread).putArtifact(NAME, content(thread, round));
                published.add(racers.get(thread).publishArtifactVersion(NAME));
            }
            return published;
        });
        assertAllSucceeded(outcomes);
        assertAcknowledgedPublishesKept(outcomes.stream().flatMap(o -> o.value().stream()).toList());
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingPublishersOfTheSameLatestAgreeOnItsBytes() {
        List<Repository> racers = racers();
        repository.putArtifact(NAME, content(99, 0));
        List<Race.Outcome<Artifact>> outcomes = Race.run(THREADS,
                thread -> () -> racers.get(thread).publishArtifactVersion(NAME));
        assertAllSucceeded(outcomes);
        List<Artifact> published = outcomes.stream().map(Race.Outcome::value).toList();
        assertAcknowledgedPublishesKept(published);
        assertThat(published).allSatisfy(artifact -> assertThat(artifact.sha256())
                .isEqualTo(Invariants.sha256(content(99, 0))));
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingPutsOfLatestLeaveOneWholeLatest() {
        List<Repository> racers = racers();
        List<Race.Outcome<Artifact>> outcomes = Race.run(THREADS, thread -> () ->
                racers.get(thread).putArtifact(NAME, content(thread, 0)));
        assertAllSucceeded(outcomes);
        Artifact latest = repository.getArtifactVersion(NAME);
        assertThat(outcomes).anySatisfy(o -> assertThat(o.value().sha256()).isEqualTo(latest.sha256()));
        assertThat(Invariants.sha256(repository.getContent(NAME, Version.LATEST))).isEqualTo(latest.sha256());
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingAliasWritersEachLandWholeAndNoneIsLost() {
        List<Repository> racers = racers();
        publishVersions(3);
        List<AliasTarget> targets = List.of(
                AliasTarget.of(Version.of(1)),
                new AliasTarget(Version.of(2), Optional.of(Version.of(3)), 10),
                new AliasTarget(Version.of(3), Optional.of(Version.of(1)), 50),
                AliasTarget.of(Version.LATEST));
        List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, thread -> () -> {
            for (int round = 0; round < roundsPerThread(); round++) {
                AliasTarget target = targets.get((thread + round) % targets.size());
                racers.get(thread).putAlias(NAME, "production", target.version(),
                        target.secondaryVersion().orElse(null), target.secondaryVersionWeight());
            }
        });
        assertAllSucceeded(outcomes);
        Alias alias = repository.getAlias(NAME, "production");
        assertThat(targets).contains(alias.target());
        assertThat(alias.revision()).as("one revision per acknowledged change").isEqualTo(
                (long) THREADS * roundsPerThread());
        List<AliasChange> history = repository.getAliasHistory(NAME, "production");
        assertThat(history).hasSize(THREADS * roundsPerThread());
        assertThat(history).extracting(AliasChange::revision).doesNotHaveDuplicates();
        assertThat(history).allSatisfy(change -> assertThat(targets).contains(change.current().orElseThrow()));
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void withAnExpectedRevisionExactlyOneRacingAliasWriterWins() {
        List<Repository> racers = racers();
        publishVersions(THREADS);
        long revision = repository.putAlias(NAME, "production", Version.of(1)).revision();
        List<Race.Outcome<Alias>> outcomes = Race.run(THREADS, thread -> () -> racers.get(thread).putAlias(NAME,
                "production", AliasTarget.of(Version.of(thread + 1)), revision));
        List<Race.Outcome<Alias>> winners = outcomes.stream().filter(Race.Outcome::succeeded).toList();
        assertThat(winners).as("%d racing putAlias calls expecting revision %d that succeeded", THREADS, revision)
                .hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(ConflictException.class));
        Alias alias = repository.getAlias(NAME, "production");
        assertThat(alias.target()).as("alias.target()").isEqualTo(winners.get(0).value().target());
        assertThat(alias.revision()).as("alias.revision()").isEqualTo(revision + 1);
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingDeletesAndAliasWritersNeverLeaveAnAliasOnADeletedVersion() {
        List<Repository> racers = racers();
        publishVersions(4);
        List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, thread -> () -> {
            for (int round = 0; round < roundsPerThread(); round++) {
                Version version = Version.of(1 + (thread + round) % 4);
                expectConflictOrNotFound(() -> {
                    if (thread % 2 == 0) {
                        racers.get(thread).deleteArtifactVersion(NAME, version);
                    } else {
                        racers.get(thread).putAlias(NAME, "alias" + (thread % 3), version);
                    }
                });
            }
        });
        assertAllSucceeded(outcomes);
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingPurgesAndAliasWritersNeverLeaveAnAliasOnAPurgedVersion() {
        List<Repository> racers = racers();
        publishVersions(6);
        clock.advance(Duration.ofDays(30));
        List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, thread -> () -> {
            for (int round = 0; round < roundsPerThread(); round++) {
                Version version = Version.of(1 + ThreadLocalRandom.current().nextInt(6));
                expectConflictOrNotFound(() -> {
                    if (thread % 2 == 0) {
                        racers.get(thread).purgeArtifactVersions(NAME, 0, Duration.ZERO);
                    } else {
                        racers.get(thread).putAlias(NAME, "alias" + (thread % 3), version);
                    }
                });
            }
        });
        assertAllSucceeded(outcomes);
        Invariants.assertHold(ports, NAME);
        for (Alias alias : repository.listAliases(NAME)) {
            assertThat(repository.getContent(NAME, alias.version())).isNotNull();
        }
    }

    /**
     * Threads sharing one repository object take turns writing one artifact, so they do not throw work away on races
     * lost to each other: the only compare-and-set that can lose is a put's first write of the LATEST record, made
     * after its upload, outside its turn (at most once per put).
     */
    @Test
    void threadsSharingOneRepositoryLoseNoRaceToEachOtherButAPutsFirstLatestWrite() {
        publishVersions(1);
        RecordingPorts recording = new RecordingPorts(ports);
        Repository shared = RepositoryFixture.compose(recording.ports(), clock);
        List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, thread -> () -> {
            for (int round = 0; round < roundsPerThread(); round++) {
                shared.putArtifact(NAME, content(thread, round));
                Artifact published = shared.publishArtifactVersion(NAME);
                shared.putAlias(NAME, "production", published.version());
                shared.putAlias(NAME, "canary", published.version(), Version.of(1), 10);
            }
        });
        assertAllSucceeded(outcomes);
        assertThat(recording.lostRaces()).as("compare-and-set writes that lost a race, of %d puts",
                THREADS * roundsPerThread())
                .allSatisfy(call -> assertThat(call).isIn("MetadataPort.createVersion LATEST",
                        "MetadataPort.updateVersion LATEST"))
                .hasSizeLessThanOrEqualTo(THREADS * roundsPerThread());
        Invariants.assertHold(ports, NAME);
    }

    // ---- interleavings at an exact port call (deterministic)

    @Test
    void aPutFromAStreamThatLosesARaceToAPinStillStoresItsBytesAndAttributes() {
        repository.putArtifact(NAME, content(1, 0));
        Repository interleaved = interleaved("MetadataPort.updateVersion",
                () -> repository.putAlias(NAME, "staging", Version.LATEST));
        PutOptions described = PutOptions.builder().metadata(Map.of("owner", "analytics")).build();

        Artifact put = interleaved.putArtifact(NAME, new ByteArrayInputStream(content(1, 0)), described);

        assertThat(put.sha256()).as("put.sha256()").isEqualTo(Invariants.sha256(content(1, 0)));
        assertThat(repository.getContent(NAME, Version.LATEST)).as("repository.getContent(NAME, Version.LATEST)")
                .isEqualTo(content(1, 0));
        assertThat(repository.getArtifactVersion(NAME).metadata()).as("repository.getArtifactVersion(NAME).metadata()")
                .isEqualTo(Map.of("owner", "analytics"));
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void aPutFromAStreamThatLosesARaceToAnotherPutStoresItsBytes() {
        repository.putArtifact(NAME, content(1, 0));
        Repository interleaved = interleaved("MetadataPort.updateVersion",
                () -> repository.putArtifact(NAME, content(2, 0)));

        Artifact put = interleaved.putArtifact(NAME, new ByteArrayInputStream(content(3, 0)), PutOptions.none());

        assertThat(put.sha256()).as("put.sha256()").isEqualTo(Invariants.sha256(content(3, 0)));
        assertThat(repository.getContent(NAME, Version.LATEST)).as("repository.getContent(NAME, Version.LATEST)")
                .isEqualTo(content(3, 0));
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void readingAVersionPurgedUnderTheReadIsArtifactNotFoundNotAnIntegrityError() {
        publishVersions(2);
        Repository interleaved = interleaved("BlobPort.open",
                () -> repository.purgeArtifactVersions(NAME, 1, Duration.ZERO));

        assertThatThrownBy(() -> interleaved.getContent(NAME, Version.of(1)),
                "%s must throw %s", "interleaved.getContent(NAME, Version.of(1))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThat(repository.listArtifactVersions(NAME)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(2));
    }

    @Test
    void anAliasRecreatedWhileItsDeleteIsBeingRecordedKeepsEveryChangeInTheHistory() {
        publishVersions(2);
        repository.putAlias(NAME, "production", Version.of(1));
        Repository interleaved = interleaved("MetadataPort.appendAliasHistory",
                () -> repository.putAlias(NAME, "production", Version.of(2)));

        interleaved.deleteAlias(NAME, "production");

        List<AliasChange> history = repository.getAliasHistory(NAME, "production");
        assertThat(history).extracting(change -> change.current().map(AliasTarget::version))
                .containsExactly(Optional.of(Version.of(2)), Optional.empty(), Optional.of(Version.of(1)));
        assertThat(history).extracting(AliasChange::revision).isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotHaveDuplicates();
        assertThat(repository.getAlias(NAME, "production").revision()).isEqualTo(history.get(0).revision());
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void aDeleteBetweenAPutAliasPinAndItsAliasWriteIsRefusedByThePin() {
        publishVersions(2);
        List<Throwable> deleteOutcome = new ArrayList<>();
        Repository interleaved = interleaved("MetadataPort.createAlias",
                () -> deleteOutcome.add(catching(() -> repository.deleteArtifactVersion(NAME, Version.of(1)))));

        interleaved.putAlias(NAME, "production", Version.of(1));

        assertThat(deleteOutcome).singleElement().isInstanceOf(ConflictException.class);
        assertThat(repository.getArtifactVersion(NAME, Version.of(1)).version()).isEqualTo(Version.of(1));
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void aDeleteWhoseVersionIsPinnedAfterItReadTheRecordRetriesAndIsRefused() {
        publishVersions(2);
        Repository interleaved = interleaved("MetadataPort.updateVersion",
                () -> repository.putAlias(NAME, "production", Version.of(1)));

        assertThatThrownBy(() -> interleaved.deleteArtifactVersion(NAME, Version.of(1)),
                "%s must throw %s", "interleaved.deleteArtifactVersion(NAME, Version.of(1))", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class).hasMessageContaining("production");
        assertThat(repository.getAlias(NAME, "production").version()).isEqualTo(Version.of(1));
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void aPurgeThatReadTheAliasesBeforeAPinnedNewAliasWasWrittenKeepsTheVersion() {
        publishVersions(2);
        clock.advance(Duration.ofDays(30));
        VersionRecord first = ports.metadata().getVersion(NAME, Version.of(1)).orElseThrow();
        ports.metadata().updateVersion(first.withAliasPins(Map.of("production", 1L)), first.revision());
        AliasTarget target = AliasTarget.of(Version.of(1));
        Repository interleaved = interleaved("MetadataPort.aliasHistory", () -> {
            ports.metadata().createAlias(new AliasRecord(NAME, "production", clock.instant(), target, 1));
            ports.metadata().appendAliasHistory(new AliasChange(NAME, "production", 1, clock.instant(),
                    Optional.empty(), Optional.of(target)));
        });

        PurgeResult result = interleaved.purgeArtifactVersions(NAME, 0, Duration.ZERO);

        assertThat(result.purged()).as("result.purged()").containsExactly(Version.of(2));
        assertThat(result.keptByAlias()).as("result.keptByAlias()").containsExactly(Version.of(1));
        assertThat(repository.resolve(NAME, "production").version()).isEqualTo(Version.of(1));
        Invariants.assertHold(ports, NAME);
    }

    /**
     * An alias written between the purge's read of the aliases and its removal of the records pins one candidate: the
     * purge keeps it, finds the change by reading the record again instead of sending a compare-and-set that must
     * fail, and still purges the others.
     */
    @Test
    void aCandidatePinnedWhileThePurgeRemovesRecordsIsReadAgainAndKept() {
        publishVersions(3);
        clock.advance(Duration.ofDays(30));
        AliasTarget target = AliasTarget.of(Version.of(1));
        InterleavedPorts pinning = new InterleavedPorts(ports, "MetadataPort.deleteVersions", () -> {
            VersionRecord first = ports.metadata().getVersion(NAME, Version.of(1)).orElseThrow();
            ports.metadata().updateVersion(first.withAliasPins(Map.of("production", 1L)), first.revision());
            ports.metadata().createAlias(new AliasRecord(NAME, "production", clock.instant(), target, 1));
            ports.metadata().appendAliasHistory(new AliasChange(NAME, "production", 1, clock.instant(),
                    Optional.empty(), Optional.of(target)));
        });
        RecordingPorts recording = new RecordingPorts(pinning.ports());

        PurgeResult result = RepositoryFixture.compose(recording.ports(), clock)
                .purgeArtifactVersions(NAME, 0, Duration.ZERO);

        assertThat(pinning.ran()).as("the alias was written during the purge").isTrue();
        assertThat(result.purged()).as("result.purged()").containsExactlyInAnyOrder(Version.of(2), Version.of(3));
        assertThat(result.keptByAlias()).as("result.keptByAlias()").containsExactly(Version.of(1));
        assertThat(recording.lostRaces()).as("compare-and-set writes of the purge that lost").isEmpty();
        assertThat(repository.resolve(NAME, "production").version()).isEqualTo(Version.of(1));
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void aPublishWhoseLatestChangesBeforeTheCopyPublishesTheNewLatest() {
        repository.putArtifact(NAME, content(1, 0));
        Repository interleaved = interleaved("BlobPort.copy", () -> repository.putArtifact(NAME, content(2, 0)));

        Artifact published = interleaved.publishArtifactVersion(NAME);

        assertThat(published.sha256()).as("published.sha256()").isEqualTo(Invariants.sha256(content(2, 0)));
        assertThat(repository.getContent(NAME, published.version())).isEqualTo(content(2, 0));
        Invariants.assertHold(ports, NAME);
    }

    private static Throwable catching(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** A repository whose first call of {@code portCall} is preceded by {@code concurrentChange} on {@link #repository}. */
    private Repository interleaved(String portCall, Runnable concurrentChange) {
        return RepositoryFixture.compose(new InterleavedPorts(ports, portCall, concurrentChange).ports(), clock);
    }

    /** One repository object per racing thread, on the same ports, as racing processes have. */
    private List<Repository> racers() {
        return IntStream.range(0, THREADS).mapToObj(thread -> RepositoryFixture.compose(ports, clock)).toList();
    }

    private void publishVersions(int count) {
        for (int i = 0; i < count; i++) {
            repository.putArtifact(NAME, content(100 + i, 0));
            repository.publishArtifactVersion(NAME);
        }
    }

    private void assertAcknowledgedPublishesKept(List<Artifact> published) {
        Map<Version, String> shaByVersion = new HashMap<>();
        for (Artifact artifact : published) {
            String previous = shaByVersion.putIfAbsent(artifact.version(), artifact.sha256());
            assertThat(previous).as("version %s was given to two different contents", artifact.version())
                    .satisfiesAnyOf(p -> assertThat(p).isNull(), p -> assertThat(p).isEqualTo(artifact.sha256()));
        }
        shaByVersion.forEach((version, sha) -> {
            assertThat(repository.getArtifactVersion(NAME, version).sha256()).isEqualTo(sha);
            assertThat(Invariants.sha256(repository.getContent(NAME, version))).isEqualTo(sha);
        });
    }

    private static void assertAllSucceeded(List<? extends Race.Outcome<?>> outcomes) {
        assertThat(outcomes.stream().map(Race.Outcome::failure).filter(Objects::nonNull)).isEmpty();
    }

    /** Runs a racing call for which a conflict or a vanished version is a legitimate answer. */
    private static void expectConflictOrNotFound(Runnable call) {
        try {
            call.run();
        } catch (ConflictException | ArtifactNotFoundException expected) {
            // the other racer won; the invariants checked afterwards decide whether that was handled safely
        }
    }

    private static byte[] content(int thread, int round) {
        return ("content of thread " + thread + " round " + round).getBytes(StandardCharsets.UTF_8);
    }
}
