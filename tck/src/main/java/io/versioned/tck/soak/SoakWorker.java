package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.Repository;
import io.versioned.api.VersionedException;
import io.versioned.tck.RepositoryFixture;
import io.versioned.tck.StorePorts;
import io.versioned.tck.TestClock;
import io.versioned.tck.fault.FaultInjector;
import io.versioned.tck.fault.FaultyBlobPort;
import io.versioned.tck.fault.FaultyMetadataPort;
import io.versioned.tck.fault.SeededFaults;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

/**
 * One soak thread. It owns two artifacts, whose history is therefore sequential and modelled exactly, and writes
 * the shared artifact with the other workers. Every operation goes through a repository on ports that fail a
 * fraction of the calls ({@link SeededFaults}, seeded per worker). It first performs every kind of step once, in a
 * seeded order, then random steps until the deadline.
 *
 * <p>A write on an own artifact that is acknowledged must return what the model predicts, and is logged; one the
 * semantics refuse must be refused with the documented exception; one that fails with an injected fault has an
 * unknown outcome: the artifact is read without faults and must be in one of the states the write may leave
 * (before, after, or between two of its port calls), and the model continues from what was read. Every read is
 * checked against the model. Anything but a {@link VersionedException}, or a {@link BackendException} without an
 * injected fault, fails the run.
 */
final class SoakWorker implements Callable<Void> {

    /** The aliases of the own artifacts. */
    static final List<String> ALIASES = List.of("canary", "prod", "stage");
    private static final int CONTENTS = 48;
    private static final int TRAIL = 30;

    private final int index;
    private final long seed;
    private final Random random;
    private final FaultInjector faults;
    private final Repository faulty;
    private final StorePorts ports;
    private final ArtifactTruth truth;
    private final SoakLog log;
    private final SoakStats stats;
    private final SharedArtifact shared;
    private final Path scratch;
    private final long deadlineNanos;
    private final AtomicBoolean stop;
    private final Map<String, ArtifactModel> models = new LinkedHashMap<>();
    private final WriteChooser writes;
    private final ModelReads reads;
    private final Deque<String> trail = new ArrayDeque<>();

    /**
     * @param index         the worker's number, from 0
     * @param settings      the run's settings (the seeds derive from them)
     * @param ports         the stores, without faults
     * @param clean         a repository on {@code ports} without faults, to read the truth
     * @param clock         the clock of the run
     * @param log           the run's log
     * @param stats         the run's counters
     * @param shared        the shared artifact
     * @param scratch       a directory of this worker's own
     * @param deadlineNanos when ({@link System#nanoTime()}) to stop picking random steps
     * @param stop          set by a failing worker to stop the others
     */
    SoakWorker(int index, SoakSettings settings, StorePorts ports, Repository clean, TestClock clock, SoakLog log,
               SoakStats stats, SharedArtifact shared, Path scratch, long deadlineNanos, AtomicBoolean stop) {
        this.index = index;
        this.seed = settings.derivedSeed(2 * index);
        this.random = new Random(seed);
        this.faults = new FaultInjector(new SeededFaults(settings.derivedSeed(2 * index + 1), settings.faultRate()));
        this.faulty = RepositoryFixture.compose(new StorePorts(new FaultyBlobPort(ports.blobs(), faults),
                new FaultyMetadataPort(ports.metadata(), faults)), clock);
        this.ports = ports;
        this.truth = new ArtifactTruth(clean, ports, ALIASES);
        this.log = log;
        this.stats = stats;
        this.shared = shared;
        this.scratch = scratch;
        this.deadlineNanos = deadlineNanos;
        this.stop = stop;
        artifactsOf(index).forEach(name -> models.put(name, ArtifactModel.EMPTY));
        List<SoakContent> contents = LongStream.range(0, CONTENTS)
                .mapToObj(id -> SoakContent.of(1_000_000L * (index + 1) + id)).toList();
        this.writes = new WriteChooser(random, contents, ALIASES);
        this.reads = new ModelReads(faulty, random, scratch, ALIASES);
    }

    /** The artifacts worker {@code index} owns. */
    static List<String> artifactsOf(int index) {
        return List.of("soak-w" + index + "-a", "soak-w" + index + "-b");
    }

    /** Runs the worker; throws an {@link AssertionError} naming the worker, its seed and its last steps on failure. */
    @Override
    public Void call() {
        List<SoakStep> firstPass = new ArrayList<>(List.of(SoakStep.values()));
        Collections.shuffle(firstPass, random);
        List<String> artifacts = List.copyOf(models.keySet());
        try {
            for (int n = 0; !stop.get() && (n < firstPass.size() || System.nanoTime() - deadlineNanos < 0); n++) {
                SoakStep step = n < firstPass.size() ? firstPass.get(n) : SoakStep.pick(random);
                step(step, artifacts.get(random.nextInt(artifacts.size())));
            }
            return null;
        } catch (Throwable t) {
            stop.set(true);
            throw new AssertionError("soak worker " + index + " (worker seed " + seed + ") failed: " + t
                    + "\nits last steps, newest last:\n  " + String.join("\n  ", trail), t);
        }
    }

    /** The models of the worker's artifacts now. */
    Map<String, ArtifactModel> models() {
        return Map.copyOf(models);
    }

    /** The faults injected into this worker's port calls so far, in {@code mode}. */
    int faultsInjected(FaultInjector.Mode mode) {
        return faults.injected(mode);
    }

    private void step(SoakStep step, String artifact) {
        switch (step) {
            case PUT, PUBLISH, DELETE, RESTORE, PUT_ALIAS, DELETE_ALIAS, PURGE_VERSIONS, PURGE_ARTIFACT ->
                    write(writes.choose(step, artifact, models.get(artifact).state()));
            case VERIFY -> verify(artifact);
            case SHARED_PUT -> shared("shared.put", () -> {
                shared.put(faulty, random);
                return true;
            });
            case SHARED_PUBLISH -> shared("shared.publish", () -> shared.publish(faulty));
            case SHARED_PUT_ALIAS -> shared("shared.putAlias", () -> shared.putAlias(faulty, random));
            case SHARED_RESOLVE -> shared("shared.resolve", () -> {
                shared.resolve(faulty, random);
                return true;
            });
            default -> read(step, artifact);
        }
    }

    private void write(SoakWrite write) {
        remember(write.toString());
        ArtifactModel before = models.get(write.artifact());
        Optional<SoakWrite.Refusal> refusal = write.refusal(before);
        int injectedBefore = faults.injected();
        Object result;
        try {
            result = write.perform(faulty, scratch);
        } catch (VersionedException e) {
            failed(write, before, refusal, e, injectedBefore);
            return;
        }
        assertThat(refusal).as("the refusal the semantics demand of %s, which succeeded", write).isEmpty();
        models.put(write.artifact(), write.apply(before, result));
        log.append(write.artifact(), new SoakLog.Acknowledged(write, result));
        stats.count(SoakStats.Outcome.OK, write.kind());
    }

    private void failed(SoakWrite write, ArtifactModel before, Optional<SoakWrite.Refusal> refusal,
                        VersionedException e, int injectedBefore) {
        if (refusal.isPresent() && refusal.get().matches(e)) {
            log.append(write.artifact(), new SoakLog.Refused(write));
            stats.count(SoakStats.Outcome.REFUSED, write instanceof SoakWrite.DeleteVersion delete
                    && before.state().aliasesPointingAt(delete.version()).isEmpty()
                    ? "delete(by the pin of a failed putAlias)" : write.kind());
            return;
        }
        requireInjected(e, injectedBefore);
        stats.count(SoakStats.Outcome.FAILED, write.kind());
        ArtifactState observed = truth.read(write.artifact());
        List<ArtifactModel> outcomes = write.outcomesOnFailure(before);
        ArtifactModel match = outcomes.stream()
                .filter(outcome -> outcome.state().withTimesFrom(observed).equals(observed)).findFirst()
                .orElseThrow(() -> new AssertionError("after the failed " + write + " (" + e.getMessage() + ") "
                        + write.artifact() + " is\n  " + observed + "\nwhich is none of the states it may leave:\n  "
                        + String.join("\n  ", outcomes.stream().map(o -> o.state().toString()).toList())));
        countEffect(write, before.state().withTimesFrom(observed), observed);
        ArtifactModel continued = new ArtifactModel(observed, match.numbering());
        models.put(write.artifact(), continued);
        log.append(write.artifact(), new SoakLog.Observed(continued));
        Invariants.assertHold(ports, write.artifact());
    }

    /** Counts a failed write that changed the artifact anyway; an alias changed without its history entry apart. */
    private void countEffect(SoakWrite write, ArtifactState unchanged, ArtifactState observed) {
        if (observed.equals(unchanged)) {
            return;
        }
        boolean aliasWrite = write instanceof SoakWrite.PutAlias || write instanceof SoakWrite.DeleteAlias;
        boolean historyMissing = aliasWrite && !observed.aliases().equals(unchanged.aliases())
                && observed.histories().equals(unchanged.histories());
        stats.count(SoakStats.Outcome.FAILED_WITH_EFFECT,
                historyMissing ? write.kind() + "(history entry missing)" : write.kind());
    }

    private void read(SoakStep step, String artifact) {
        remember(step + " " + artifact);
        int injectedBefore = faults.injected();
        try {
            reads.read(step, artifact, models);
            stats.count(SoakStats.Outcome.OK, "read");
        } catch (VersionedException e) {
            requireInjected(e, injectedBefore);
            stats.count(SoakStats.Outcome.FAILED, "read");
        }
    }

    private void verify(String artifact) {
        remember("verify " + artifact);
        ArtifactState observed = truth.read(artifact);
        assertThat(observed).as("%s compared with the model", artifact)
                .isEqualTo(models.get(artifact).state().withTimesFrom(observed));
        stats.count(SoakStats.Outcome.OK, "verify");
    }

    /**
     * Runs an operation on the shared artifact, which may also lose to the other workers too often
     * ({@link ConflictException}: a write kept losing its compare-and-set, or LATEST kept changing under a read); a
     * step that had nothing to do is not counted.
     */
    private void shared(String kind, BooleanSupplier operation) {
        remember(kind);
        int injectedBefore = faults.injected();
        try {
            if (operation.getAsBoolean()) {
                stats.count(SoakStats.Outcome.OK, kind);
            }
        } catch (ConflictException e) {
            stats.count(SoakStats.Outcome.CONFLICT, kind);
        } catch (VersionedException e) {
            requireInjected(e, injectedBefore);
            stats.count(SoakStats.Outcome.FAILED, kind);
        }
    }

    /** Rethrows {@code e} unless it is a {@link BackendException} and a fault was injected since {@code before}. */
    private void requireInjected(VersionedException e, int before) {
        if (!(e instanceof BackendException) || faults.injected() == before) {
            throw new AssertionError("a " + e.getClass().getSimpleName() + " that no injected fault explains: "
                    + e.getMessage(), e);
        }
    }

    private void remember(String step) {
        if (trail.size() == TRAIL) {
            trail.removeFirst();
        }
        trail.addLast(step);
    }
}
