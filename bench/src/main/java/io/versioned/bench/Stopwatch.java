package io.versioned.bench;

/** Times repeated runs of an action after a warm-up, for the harness sections (JMH does its own timing). */
public final class Stopwatch {

    /** An action to time; it may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private Stopwatch() {
    }

    /**
     * Runs {@code action} {@code warmups} times untimed, then {@code iterations} times timed one by one.
     *
     * @throws IllegalArgumentException if {@code warmups} is negative or {@code iterations} is not positive
     * @throws Exception                whatever the action throws
     */
    public static Samples time(int warmups, int iterations, Action action) throws Exception {
        if (warmups < 0 || iterations < 1) {
            throw new IllegalArgumentException("warmups, iterations: must be >= 0 and >= 1, got " + warmups + ", "
                    + iterations);
        }
        for (int i = 0; i < warmups; i++) {
            action.run();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - start;
        }
        return new Samples(nanos);
    }

    /**
     * Like {@link #time(int, int, Action)}, but runs {@code prepare} untimed before every run of {@code action},
     * warm-ups included (for instance to give every timed publish a new LATEST to copy).
     *
     * @throws IllegalArgumentException if {@code warmups} is negative or {@code iterations} is not positive
     * @throws Exception                whatever {@code prepare} or the action throws
     */
    public static Samples time(int warmups, int iterations, Action prepare, Action action) throws Exception {
        if (warmups < 0 || iterations < 1) {
            throw new IllegalArgumentException("warmups, iterations: must be >= 0 and >= 1, got " + warmups + ", "
                    + iterations);
        }
        for (int i = 0; i < warmups; i++) {
            prepare.run();
            action.run();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            prepare.run();
            long start = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - start;
        }
        return new Samples(nanos);
    }
}
