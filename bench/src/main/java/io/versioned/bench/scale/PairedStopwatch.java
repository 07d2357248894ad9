package io.versioned.bench.scale;

import io.versioned.bench.Samples;
import io.versioned.bench.Stopwatch;

/**
 * Times two actions against each other: the warm-ups of both first, then their timed runs interleaved (first,
 * second, first, second, ...), so that drift on a shared machine (JIT, garbage collection, other processes) weighs
 * on both alike and their ratio stays fair.
 */
final class PairedStopwatch {

    /** The samples of the two actions. */
    record Pair(Samples first, Samples second) {
    }

    private PairedStopwatch() {
    }

    /**
     * @throws IllegalArgumentException if {@code warmups} is negative or {@code iterations} is not positive
     * @throws Exception                whatever an action throws
     */
    static Pair time(int warmups, int iterations, Stopwatch.Action first, Stopwatch.Action second) throws Exception {
        return time(warmups, iterations, () -> { }, first, () -> { }, second);
    }

    /**
     * As {@link #time(int, int, Stopwatch.Action, Stopwatch.Action)}, with an untimed setup run just before each
     * run of its action (warm-ups included).
     *
     * @throws IllegalArgumentException if {@code warmups} is negative or {@code iterations} is not positive
     * @throws Exception                whatever an action or a setup throws
     */
    static Pair time(int warmups, int iterations, Stopwatch.Action firstSetup, Stopwatch.Action first,
                     Stopwatch.Action secondSetup, Stopwatch.Action second) throws Exception {
        if (warmups < 0 || iterations < 1) {
            throw new IllegalArgumentException("warmups, iterations: must be >= 0 and >= 1, got " + warmups + ", "
                    + iterations);
        }
        for (int i = 0; i < warmups; i++) {
            firstSetup.run();
            first.run();
            secondSetup.run();
            second.run();
        }
        long[] firstNanos = new long[iterations];
        long[] secondNanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            firstSetup.run();
            firstNanos[i] = timed(first);
            secondSetup.run();
            secondNanos[i] = timed(second);
        }
        return new Pair(new Samples(firstNanos), new Samples(secondNanos));
    }

    private static long timed(Stopwatch.Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }
}
