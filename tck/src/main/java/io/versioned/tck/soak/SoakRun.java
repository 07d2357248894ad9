package io.versioned.tck.soak;

import io.versioned.api.Repository;
import io.versioned.tck.StorePorts;
import io.versioned.tck.TestClock;
import io.versioned.tck.fault.FaultInjector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One soak run of {@link io.versioned.tck.SoakContract}: starts the workers, waits for them, runs the final checks,
 * and describes what happened in one line.
 */
public final class SoakRun {

    /** How long past its duration a run may take before it counts as hung (a deadlock, not slowness). */
    private static final Duration HANG = Duration.ofMinutes(15);

    private final SoakSettings settings;
    private final StorePorts ports;
    private final Repository repository;
    private final TestClock clock;
    private final Path scratch;
    private final SoakLog log = new SoakLog();
    private final SoakStats stats = new SoakStats();
    private final SharedArtifact shared = new SharedArtifact(log);
    private final List<SoakWorker> workers = new ArrayList<>();
    private long startNanos;
    private long endNanos;
    private int orphansCollected = -1;

    /**
     * @param settings   duration, threads, fault rate, seed
     * @param ports      fresh, bootstrapped stores
     * @param repository a repository on them without faults
     * @param clock      its clock
     * @param scratch    a directory for the workers' files
     */
    public SoakRun(SoakSettings settings, StorePorts ports, Repository repository, TestClock clock, Path scratch) {
        this.settings = settings;
        this.ports = ports;
        this.repository = repository;
        this.clock = clock;
        this.scratch = scratch;
    }

    /**
     * Runs the workers, then the final checks.
     *
     * @throws AssertionError if a worker or a check fails; the first worker failure, the others suppressed
     */
    public void execute() {
        startNanos = System.nanoTime();
        try {
            runWorkers();
        } finally {
            endNanos = System.nanoTime();
        }
        Map<String, ArtifactModel> models = new HashMap<>();
        workers.forEach(worker -> models.putAll(worker.models()));
        orphansCollected = new SoakFinalCheck(ports, repository, log, shared, models).run();
    }

    /**
     * One line: the settings, the operations by kind and outcome, the faults, the orphans, {@code outcome}.
     *
     * @param suite   the name of the suite that ran
     * @param outcome how the run ended
     * @return the line
     */
    public String summary(String suite, String outcome) {
        int before = workers.stream().mapToInt(w -> w.faultsInjected(FaultInjector.Mode.BEFORE_EFFECT)).sum();
        int after = workers.stream().mapToInt(w -> w.faultsInjected(FaultInjector.Mode.AFTER_EFFECT)).sum();
        Duration ran = Duration.ofNanos(endNanos - startNanos).withNanos(0);
        return "soak " + suite + ": " + outcome
                + " | duration " + settings.duration() + " (ran " + ran + "), threads " + settings.threads()
                + ", fault rate " + settings.faultRate() + ", seed " + settings.seed()
                + " | acknowledged " + stats.describe(SoakStats.Outcome.OK)
                + " | refused as specified " + stats.describe(SoakStats.Outcome.REFUSED)
                + " | failed by a fault " + stats.describe(SoakStats.Outcome.FAILED)
                + ", of which left a change " + stats.describe(SoakStats.Outcome.FAILED_WITH_EFFECT)
                + " | lost to contention " + stats.describe(SoakStats.Outcome.CONFLICT)
                + " | faults injected " + (before + after) + " (" + before + " before, " + after + " after the effect)"
                + " | log entries " + log.size() + ", shared versions " + log.sharedPublishes().size()
                + " | orphans collected by gc " + (orphansCollected < 0 ? "not reached" : orphansCollected);
    }

    private void runWorkers() {
        long deadline = System.nanoTime() + settings.duration().toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < settings.threads(); i++) {
            workers.add(new SoakWorker(i, settings, ports, repository, clock, log, stats, shared, directory(i),
                    deadline, stop));
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<Void>> futures = workers.stream().map(pool::submit).toList();
            AssertionError failure = null;
            for (Future<Void> future : futures) {
                Throwable thrown = outcome(future, deadline);
                if (thrown != null && failure == null) {
                    failure = thrown instanceof AssertionError assertion ? assertion : new AssertionError(thrown);
                } else if (thrown != null) {
                    failure.addSuppressed(thrown);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Throwable outcome(Future<Void> future, long deadline) {
        try {
            long wait = deadline - System.nanoTime() + HANG.toNanos();
            future.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new AssertionError("a soak worker still runs " + HANG + " after the deadline: hung", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AssertionError("interrupted while waiting for the soak workers", e);
        }
    }

    private Path directory(int worker) {
        try {
            return Files.createDirectories(scratch.resolve("worker-" + worker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
