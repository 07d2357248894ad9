package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.tck.fault.FaultInjector;
import io.versioned.tck.fault.FaultPolicy;
import io.versioned.tck.fault.FaultyBlobPort;
import io.versioned.tck.fault.FaultyMetadataPort;
import io.versioned.tck.soak.Invariants;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The invariants of docs/architecture.md under store failures: a full scenario runs once per port call k and per mode, with the k-th
 * call failing before it takes effect, or after it took effect while reporting failure (the outcome-unknown
 * case). Every failed operation must fail with a {@link VersionedException}, never a raw exception; afterwards
 * the invariants hold on the stores and the repository keeps working.
 */
public abstract class FaultContract extends RepositoryContractSupport {

    private static final String NAME = "faulted";
    private static final String OTHER = "faulted-other";
    private static final String REFUSED_DELETE = "delete aliased 2";

    /** Every how many port calls a fault is injected; adapters on slow stores may raise it. */
    protected int faultStride() {
        return 1;
    }

    @TestFactory
    Stream<DynamicTest> everyPortCallFailingBeforeItsEffectLeavesTheInvariants() {
        return faultRuns(FaultInjector.Mode.BEFORE_EFFECT);
    }

    @TestFactory
    Stream<DynamicTest> everyPortCallFailingAfterItsEffectLeavesTheInvariants() {
        return faultRuns(FaultInjector.Mode.AFTER_EFFECT);
    }

    private Stream<DynamicTest> faultRuns(FaultInjector.Mode mode) {
        int calls = countScenarioCalls();
        assertThat(calls).as("port calls in the scenario").isGreaterThan(40);
        return IntStream.rangeClosed(1, calls).filter(k -> (k - 1) % faultStride() == 0)
                .mapToObj(k -> DynamicTest.dynamicTest("fault " + mode + " at port call " + k + " of " + calls,
                        () -> runWithFault(k, mode)));
    }

    private int countScenarioCalls() {
        FaultInjector counter = new FaultInjector(0, FaultInjector.Mode.BEFORE_EFFECT);
        StorePorts stores = createPorts();
        TestClock testClock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Repository clean = RepositoryFixture.repository(stores, testClock)) {
            List<String> failures = scenario(RepositoryFixture.compose(faulty(stores, counter), testClock), testClock);
            assertThat(failures).as("without faults only the refused delete of an aliased version fails")
                    .containsExactly(REFUSED_DELETE);
        }
        return counter.calls();
    }

    private void runWithFault(int k, FaultInjector.Mode mode) {
        StorePorts stores = createPorts();
        TestClock testClock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Repository clean = RepositoryFixture.repository(stores, testClock)) {
            Repository faulted = RepositoryFixture.compose(faulty(stores, new FaultInjector(k, mode)), testClock);
            scenario(faulted, testClock);
            Invariants.assertHold(stores);
            assertKeepsWorking(clean);
            Invariants.assertHold(stores);
        }
    }

    private static StorePorts faulty(StorePorts ports, FaultInjector faults) {
        return new StorePorts(new FaultyBlobPort(ports.blobs(), faults), new FaultyMetadataPort(ports.metadata(), faults));
    }

    /**
     * The scenario: every kind of operation. Returns the operations that failed; fails the test at once if one
     * threw anything but a {@link VersionedException}.
     */
    private static List<String> scenario(Repository repository, TestClock clock) {
        List<String> failures = new ArrayList<>();
        PutOptions described = PutOptions.builder().contentType("application/x-sqlite3")
                .metadata(Map.of("owner", "analytics")).build();
        step(failures, "put A", () -> repository.putArtifact(NAME, bytes("A"), described));
        step(failures, "put A again", () -> repository.putArtifact(NAME, bytes("A"), described));
        step(failures, "publish A", () -> repository.publishArtifactVersion(NAME));
        step(failures, "put B from a stream",
                () -> repository.putArtifact(NAME, new ByteArrayInputStream(bytes("B")), PutOptions.none()));
        step(failures, "publish B", () -> repository.publishArtifactVersion(NAME));
        step(failures, "alias production to 1", () -> repository.putAlias(NAME, "production", Version.of(1)));
        step(failures, "alias staging to LATEST", () -> repository.putAlias(NAME, "staging", Version.LATEST));
        step(failures, "canary production", () -> repository.putAlias(NAME, "production", Version.of(1),
                Version.of(2), 50));
        step(failures, REFUSED_DELETE, () -> repository.deleteArtifactVersion(NAME, Version.of(2)));
        step(failures, "resolve production", () -> repository.resolve(NAME, "production", "user-7"));
        step(failures, "read LATEST", () -> repository.getContent(NAME, Version.LATEST));
        step(failures, "put C with metadata", () -> repository.putArtifact(NAME, bytes("C"), described));
        step(failures, "publish C", () -> repository.publishArtifactVersion(NAME));
        step(failures, "alias production to 3", () -> repository.putAlias(NAME, "production", Version.of(3)));
        step(failures, "delete alias staging", () -> repository.deleteAlias(NAME, "staging"));
        step(failures, "delete 1", () -> repository.deleteArtifactVersion(NAME, Version.of(1)));
        step(failures, "restore 1", () -> repository.restoreArtifactVersion(NAME, Version.of(1)));
        step(failures, "delete 1 again", () -> repository.deleteArtifactVersion(NAME, Version.of(1)));
        step(failures, "delete LATEST", () -> repository.deleteArtifactVersion(NAME, Version.LATEST));
        step(failures, "revive LATEST", () -> repository.putArtifact(NAME, bytes("D")));
        clock.advance(Duration.ofDays(2));
        step(failures, "purge keeping 1", () -> repository.purgeArtifactVersions(NAME, 1, Duration.ofDays(1)));
        step(failures, "put other", () -> repository.putArtifact(OTHER, bytes("other")));
        step(failures, "publish other", () -> repository.publishArtifactVersion(OTHER));
        step(failures, "purge other", () -> repository.purgeArtifact(OTHER));
        step(failures, "list", () -> repository.listArtifactVersions(NAME));
        step(failures, "history", () -> repository.getAliasHistory(NAME, "production"));
        return failures;
    }

    /**
     * A crash between an alias write and its history entry (the process dies, or the store fails, right after the
     * alias record changed; on a store without transactions the two are separate writes) loses no change for good:
     * the next change of the alias stores the missing entry first, rebuilt from the alias record.
     */
    @Test
    void anAliasChangeWhoseHistoryEntryWasLostIsRepairedByTheNextChange() {
        StorePorts stores = createPorts();
        TestClock testClock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Repository clean = RepositoryFixture.repository(stores, testClock)) {
            clean.putArtifact(NAME, bytes("one"));
            clean.publishArtifactVersion(NAME);
            clean.putArtifact(NAME, bytes("two"));
            clean.publishArtifactVersion(NAME);
            clean.putAlias(NAME, "production", Version.of(1));
            testClock.advance(Duration.ofMinutes(1));
            Repository crashing = RepositoryFixture.compose(faulty(stores, new FaultInjector(firstHistoryAppend())),
                    testClock);
            assertThatThrownBy(() -> crashing.putAlias(NAME, "production", Version.of(2)),
                    "%s must throw %s", "crashing.putAlias(NAME, \"production\", Version.of(2))", "VersionedException")
                    .isInstanceOf(VersionedException.class);
            Alias lost = clean.getAlias(NAME, "production");
            assertThat(lost.revision()).as("lost.revision()").isEqualTo(2);
            assertThat(clean.getAliasHistory(NAME, "production")).extracting(AliasChange::revision)
                    .as("the crash left the change without its entry").containsExactly(1L);

            testClock.advance(Duration.ofMinutes(1));
            clean.putAlias(NAME, "production", Version.of(1));
            List<AliasChange> history = clean.getAliasHistory(NAME, "production");
            assertThat(history).extracting(AliasChange::revision).containsExactly(3L, 2L, 1L);
            assertThat(history.get(1)).isEqualTo(new AliasChange(NAME, "production", 2, lost.updateAt(),
                    Optional.of(AliasTarget.of(Version.of(1))), Optional.of(AliasTarget.of(Version.of(2)))));

            Invariants.assertHold(stores);
        }
    }

    /**
     * A crash between the removal of an alias and its delete entry (separate writes on a store without transactions)
     * loses no change for good: creating the alias again stores the missing delete entry first, and the new alias
     * takes the revision after it.
     */
    @Test
    void anAliasDeleteWhoseHistoryEntryWasLostIsRepairedWhenTheAliasIsCreatedAgain() {
        StorePorts stores = createPorts();
        TestClock testClock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Repository clean = RepositoryFixture.repository(stores, testClock)) {
            clean.putArtifact(NAME, bytes("one"));
            clean.publishArtifactVersion(NAME);
            clean.putAlias(NAME, "production", Version.of(1));
            Repository crashing = RepositoryFixture.compose(faulty(stores, new FaultInjector(firstHistoryAppend())),
                    testClock);
            assertThatThrownBy(() -> crashing.deleteAlias(NAME, "production"),
                    "%s must throw %s", "crashing.deleteAlias(NAME, \"production\")", "VersionedException")
                    .isInstanceOf(VersionedException.class);
            assertThatThrownBy(() -> clean.getAlias(NAME, "production"),
                    "%s must throw %s", "clean.getAlias(NAME, \"production\")", "AliasNotFoundException")
                    .as("the crash removed the alias")
                    .isInstanceOf(AliasNotFoundException.class);
            assertThat(clean.getAliasHistory(NAME, "production")).extracting(AliasChange::revision)
                    .as("the crash left the delete without its entry").containsExactly(1L);

            testClock.advance(Duration.ofMinutes(1));
            Instant repairedAfter = testClock.instant();
            assertThat(clean.putAlias(NAME, "production", Version.of(1)).revision()).isEqualTo(3);
            List<AliasChange> history = clean.getAliasHistory(NAME, "production");
            assertThat(history).extracting(AliasChange::revision).as("every revision has its entry")
                    .containsExactly(3L, 2L, 1L);
            assertThat(history.get(1)).as("the repaired delete entry").usingRecursiveComparison().ignoringFields("time")
                    .isEqualTo(new AliasChange(NAME, "production", 2, repairedAfter,
                            Optional.of(AliasTarget.of(Version.of(1))), Optional.empty()));
            assertThat(history.get(1).time()).as("time of the repaired delete entry: when it was repaired")
                    .isAfter(repairedAfter);

            Invariants.assertHold(stores);
        }
    }

    /** Fails the first history append, before it takes effect: the crash right after the alias write. */
    private static FaultPolicy firstHistoryAppend() {
        AtomicBoolean fired = new AtomicBoolean();
        return (call, description) -> description.equals("appendAliasHistory") && !fired.getAndSet(true)
                ? Optional.of(FaultInjector.Mode.BEFORE_EFFECT) : Optional.empty();
    }

    private static void step(List<String> failures, String description, Runnable operation) {
        try {
            operation.run();
        } catch (VersionedException expectedUnderFaults) {
            failures.add(description);
        } catch (RuntimeException e) {
            fail("step '" + description + "' threw " + e.getClass().getName() + " instead of a VersionedException", e);
        }
    }

    private void assertKeepsWorking(Repository repository) {
        repository.putArtifact(NAME, bytes("after the fault"));
        Artifact published = repository.publishArtifactVersion(NAME);
        repository.putAlias(NAME, "production", published.version());
        assertThat(repository.resolve(NAME, "production").sha256()).isEqualTo(published.sha256());
        assertThat(repository.getContent(NAME, published.version())).isEqualTo(bytes("after the fault"));
        repository.putAlias(NAME, "staging", Version.LATEST);
        repository.deleteAlias(NAME, "staging");
        repository.putArtifact(OTHER, bytes("other after"));
        assertThat(repository.getContent(OTHER, Version.LATEST)).as("repository.getContent(OTHER, Version.LATEST)")
                .isEqualTo(bytes("other after"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
