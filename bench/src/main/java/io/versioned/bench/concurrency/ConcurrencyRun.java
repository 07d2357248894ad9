package io.versioned.bench.concurrency;

import io.versioned.api.Repository;
import io.versioned.bench.Samples;
import io.versioned.bench.backend.BenchBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * One concurrency run: {@code threads} threads doing cycles on one fresh repository, in windows released together,
 * the warm-up windows first; then the zero-loss check ({@link LossCheck}).
 */
final class ConcurrencyRun {

    private final BenchBackend backend;
    private final Workload workload;
    private final int threads;
    private final RunPlan plan;

    ConcurrencyRun(BenchBackend backend, Workload workload, int threads, RunPlan plan) {
        this.backend = backend;
        this.workload = workload;
        this.threads = threads;
        this.plan = plan;
    }

    /**
     * Runs the windows and the check.
     *
     * @throws Exception whatever a cycle threw that the harness does not retry
     */
    RunResult run() throws Exception {
        Ledger ledger = new Ledger();
        Retrier retrier = new Retrier();
        AtomicLong runCycles = new AtomicLong();
        List<CycleWorker> workers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            Repository repository = workload.clientPerThread() ? backend.anotherClient() : backend.repository();
            workers.add(new CycleWorker(thread, repository, workload, plan.cyclesPerArtifact(), runCycles, ledger,
                    retrier));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[] throughputs = new double[plan.windows()];
        LongStream.Builder latencies = LongStream.builder();
        try {
            for (int i = 0; i < plan.warmupWindows(); i++) {
                window(pool, workers, plan.warmupMillis(), new ArrayList<>());
            }
            for (int i = 0; i < plan.windows(); i++) {
                List<CycleWorker.Window> windows = new ArrayList<>();
                long start = window(pool, workers, plan.windowMillis(), windows);
                long end = windows.stream().mapToLong(CycleWorker.Window::endNanos).max().orElse(start);
                int cycles = windows.stream().mapToInt(CycleWorker.Window::cycles).sum();
                throughputs[i] = cycles / ((end - start) / 1e9);
                windows.forEach(w -> LongStream.of(w.cycleNanos()).forEach(latencies::add));
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        long[] nanos = latencies.build().toArray();
        long portConflicts = backend.failures().preconditionsFailed();
        long portStoreFailures = backend.failures().storeFailures();
        LossCheck.Verification verification = LossCheck.verify(backend, workload, ledger);
        return new RunResult(threads, throughputs, new Samples(nanos.length > 0 ? nanos : new long[] {0}),
                retrier.conflicts(), retrier.retryableFailures(), portConflicts, portStoreFailures, verification);
    }

    /** Releases every worker at once for one window, collects their results and returns the start time. */
    private static long window(ExecutorService pool, List<CycleWorker> workers, long millis,
                               List<CycleWorker.Window> results) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<CycleWorker.Window>> futures = new ArrayList<>();
        for (CycleWorker worker : workers) {
            futures.add(pool.submit(() -> {
                gate.await();
                return worker.runUntil(deadline[0]);
            }));
        }
        long start = System.nanoTime();
        deadline[0] = start + TimeUnit.MILLISECONDS.toNanos(millis);
        gate.countDown();
        for (Future<CycleWorker.Window> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return start;
    }
}
