package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §4 under racing writers: {@value #THREADS} threads released together on one artifact, then the
 * invariants are checked on the stores: no two different contents share a version number, no acknowledged
 * publish is lost, every version's bytes match its SHA-256, every alias change lands whole and none is lost,
 * and no alias points at a deleted or purged version.
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
        List<Race.Outcome<List<Artifact>>> outcomes = Race.run(THREADS, thread -> () -> {
            List<Artifact> published = new ArrayList<>();
            for (int round = 0; round < roundsPerThread(); round++) {
                repository.putArtifact(NAME, content(thread, round));
                published.add(repository.publishArtifactVersion(NAME));
            }
            return published;
        });
        assertAllSucceeded(outcomes);
        assertAcknowledgedPublishesKept(outcomes.stream().flatMap(o -> o.value().stream()).toList());
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingPublishersOfTheSameLatestAgreeOnItsBytes() {
        repository.putArtifact(NAME, content(99, 0));
        List<Race.Outcome<Artifact>> outcomes = Race.run(THREADS, thread -> () -> repository.publishArtifactVersion(NAME));
        assertAllSucceeded(outcomes);
        List<Artifact> published = outcomes.stream().map(Race.Outcome::value).toList();
        assertAcknowledgedPublishesKept(published);
        assertThat(published).allSatisfy(artifact -> assertThat(artifact.sha256())
                .isEqualTo(Invariants.sha256(content(99, 0))));
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingPutsOfLatestLeaveOneWholeLatest() {
        List<Race.Outcome<Artifact>> outcomes = Race.run(THREADS, thread -> () ->
                repository.putArtifact(NAME, content(thread, 0)));
        assertAllSucceeded(outcomes);
        Artifact latest = repository.getArtifactVersion(NAME);
        assertThat(outcomes).anySatisfy(o -> assertThat(o.value().sha256()).isEqualTo(latest.sha256()));
        assertThat(Invariants.sha256(repository.getContent(NAME, Version.LATEST))).isEqualTo(latest.sha256());
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingAliasWritersEachLandWholeAndNoneIsLost() {
        publishVersions(3);
        List<AliasTarget> targets = List.of(
                AliasTarget.of(Version.of(1)),
                new AliasTarget(Version.of(2), Optional.of(Version.of(3)), 10),
                new AliasTarget(Version.of(3), Optional.of(Version.of(1)), 50),
                AliasTarget.of(Version.LATEST));
        List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, thread -> () -> {
            for (int round = 0; round < roundsPerThread(); round++) {
                AliasTarget target = targets.get((thread + round) % targets.size());
                repository.putAlias(NAME, "production", target.version(), target.secondaryVersion().orElse(null),
                        target.secondaryVersionWeight());
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
        publishVersions(THREADS);
        long revision = repository.putAlias(NAME, "production", Version.of(1)).revision();
        List<Race.Outcome<Alias>> outcomes = Race.run(THREADS, thread -> () -> repository.putAlias(NAME,
                "production", AliasTarget.of(Version.of(thread + 1)), revision));
        List<Race.Outcome<Alias>> winners = outcomes.stream().filter(Race.Outcome::succeeded).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(ConflictException.class));
        Alias alias = repository.getAlias(NAME, "production");
        assertThat(alias.target()).isEqualTo(winners.get(0).value().target());
        assertThat(alias.revision()).isEqualTo(revision + 1);
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingDeletesAndAliasWritersNeverLeaveAnAliasOnADeletedVersion() {
        publishVersions(4);
        List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, thread -> () -> {
            for (int round = 0; round < roundsPerThread(); round++) {
                Version version = Version.of(1 + (thread + round) % 4);
                expectConflictOrNotFound(() -> {
                    if (thread % 2 == 0) {
                        repository.deleteArtifactVersion(NAME, version);
                    } else {
                        repository.putAlias(NAME, "alias" + (thread % 3), version);
                    }
                });
            }
        });
        assertAllSucceeded(outcomes);
        Invariants.assertHold(ports, NAME);
    }

    @Test
    void racingPurgesAndAliasWritersNeverLeaveAnAliasOnAPurgedVersion() {
        publishVersions(6);
        clock.advance(Duration.ofDays(30));
        List<Race.Outcome<Void>> outcomes = Race.runAll(THREADS, thread -> () -> {
            for (int round = 0; round < roundsPerThread(); round++) {
                Version version = Version.of(1 + ThreadLocalRandom.current().nextInt(6));
                expectConflictOrNotFound(() -> {
                    if (thread % 2 == 0) {
                        repository.purgeArtifactVersions(NAME, 0, Duration.ZERO);
                    } else {
                        repository.putAlias(NAME, "alias" + (thread % 3), version);
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
