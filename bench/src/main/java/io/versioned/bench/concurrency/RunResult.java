package io.versioned.bench.concurrency;

import io.versioned.bench.Samples;
import java.util.Arrays;

/**
 * What one concurrency run (one backend, one workload, one thread count, one fresh repository) measured.
 *
 * @param threads            the number of threads
 * @param cyclesPerSecond    the throughput of each timed window, in cycles (put + publish + putAlias + resolve) per
 *                           second
 * @param cycleLatency       the duration of every cycle of the timed windows
 * @param conflicts          calls that failed with {@code ConflictException} and were retried by the harness
 * @param retryableFailures  calls that failed with a retryable {@code BackendException} and were retried
 * @param portConflicts      port calls whose precondition failed (lost races, retried inside the library)
 * @param portStoreFailures  port calls that failed in the store
 * @param verification       the zero-loss check at the end of the run
 */
record RunResult(int threads, double[] cyclesPerSecond, Samples cycleLatency, long conflicts, long retryableFailures,
                 long portConflicts, long portStoreFailures, LossCheck.Verification verification) {

    RunResult {
        cyclesPerSecond = cyclesPerSecond.clone();
    }

    /** The median throughput of the timed windows, in cycles per second. */
    double medianCyclesPerSecond() {
        double[] sorted = cyclesPerSecond.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
