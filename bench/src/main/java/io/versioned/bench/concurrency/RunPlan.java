package io.versioned.bench.concurrency;

import java.util.List;

/**
 * How a concurrency run is sized.
 *
 * @param threadCounts      the thread counts, the first being the baseline (1)
 * @param warmupWindows     untimed windows before the timed ones (same repository, same threads)
 * @param warmupMillis      how long each warm-up window lets the threads start new cycles
 * @param windows           timed windows; a row reports the median of their throughputs
 * @param windowMillis      how long each timed window lets the threads start new cycles
 * @param cyclesPerArtifact cycles on one artifact before the threads move to a fresh one
 * @param backendWarmupMillis how long an untimed run of {@value #BACKEND_WARMUP_THREADS} threads warms up the JVM on
 *                          each backend before its first measured run (0: none)
 */
record RunPlan(List<Integer> threadCounts, int warmupWindows, long warmupMillis, int windows, long windowMillis,
               int cyclesPerArtifact, long backendWarmupMillis) {

    /** The number of threads of the warm-up run of each backend. */
    static final int BACKEND_WARMUP_THREADS = 2;

    RunPlan {
        threadCounts = List.copyOf(threadCounts);
        if (threadCounts.isEmpty() || threadCounts.get(0) != 1) {
            throw new IllegalArgumentException("threadCounts: must start with 1 (the baseline), got " + threadCounts);
        }
        if (warmupWindows < 0 || warmupMillis < 1 || windows < 1 || windowMillis < 1 || cyclesPerArtifact < 1
                || backendWarmupMillis < 0) {
            throw new IllegalArgumentException("warmupWindows, warmupMillis, windows, windowMillis, cyclesPerArtifact, "
                    + "backendWarmupMillis: must be >= 0, >= 1, >= 1, >= 1, >= 1, >= 0");
        }
    }

    /** The plan of a backend's warm-up run: one window of {@link #backendWarmupMillis()}. */
    RunPlan backendWarmup() {
        return new RunPlan(List.of(1), 0, 1, 1, backendWarmupMillis, cyclesPerArtifact, 0);
    }
}
