package io.versioned.core.port;

import io.versioned.api.BackendException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The one retry policy of the library for a compare-and-set (or put-if-absent) that lost a race to another writer:
 * the core's operations and every adapter's internal loops use {@link #LOST_RACES}. After attempt {@code n}
 * (0-based) lost, the caller pauses for a random time between zero and {@code min(maxPause, firstPause × 2^n)}
 * ("full jitter": racing writers spread out instead of colliding again in step) and tries again, at most
 * {@link #maxAttempts()} attempts in all. Correctness never depends on the pauses; they only make progress likelier.
 * An interrupted thread stops retrying at once. Immutable and thread-safe.
 */
public final class RetryPolicy {

    /** The policy of the library: 64 attempts, pauses from up to 8 ms doubling to at most 200 ms. */
    public static final RetryPolicy LOST_RACES = new RetryPolicy(64, 8_000_000L, 200_000_000L, LockSupport::parkNanos);

    private final int maxAttempts;
    private final long firstPauseNanos;
    private final long maxPauseNanos;
    private final LongConsumer pause;

    /**
     * Creates a policy.
     *
     * @param maxAttempts     attempts in all, at least 1
     * @param firstPauseNanos the longest pause after the first lost attempt, at least 1
     * @param maxPauseNanos   the longest pause after any attempt, at least {@code firstPauseNanos}
     * @param pause           parks the calling thread for the given nanoseconds (may return early when interrupted)
     * @throws IllegalArgumentException naming the argument that breaks its rule
     */
    public RetryPolicy(int maxAttempts, long firstPauseNanos, long maxPauseNanos, LongConsumer pause) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (firstPauseNanos < 1) {
            throw new IllegalArgumentException("firstPauseNanos must be at least 1, was " + firstPauseNanos);
        }
        if (maxPauseNanos < firstPauseNanos) {
            throw new IllegalArgumentException("maxPauseNanos must be at least firstPauseNanos (" + firstPauseNanos
                    + "), was " + maxPauseNanos);
        }
        this.maxAttempts = maxAttempts;
        this.firstPauseNanos = firstPauseNanos;
        this.maxPauseNanos = maxPauseNanos;
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * The bound on the attempts of one change.
     *
     * @return attempts in all, the first included
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The longest pause after attempt {@code attempt} lost: {@code min(maxPause, firstPause × 2^attempt)}.
     *
     * @param attempt the 0-based attempt that lost
     * @return the upper bound of the random pause, in nanoseconds
     */
    public long pauseCeilingNanos(int attempt) {
        long ceiling = firstPauseNanos;
        for (int doubled = 0; doubled < attempt && ceiling < maxPauseNanos; doubled++) {
            ceiling = ceiling > maxPauseNanos / 2 ? maxPauseNanos : ceiling * 2;
        }
        return ceiling;
    }

    /**
     * Called after attempt {@code attempt} (0-based) of {@code action} lost a race: pauses for a random time up to
     * {@link #pauseCeilingNanos(int)} so that the caller may try again, or gives up after the last attempt.
     *
     * @param attempt   the 0-based attempt that lost
     * @param action    what was attempted, naming the record or key, for the messages
     * @param exhausted makes the failure to throw when this was the last attempt from its message (the caller's
     *                  own kind: a {@code ConflictException} in the core, a retryable {@link BackendException} in a
     *                  port)
     * @throws BackendException not retryable when the thread is interrupted before or during the pause (the
     *                          interrupt status stays set); the attempt that lost changed nothing
     */
    public void afterLostRace(int attempt, String action,
                              Function<String, ? extends RuntimeException> exhausted) {
        if (attempt + 1 >= maxAttempts) {
            throw exhausted.apply(action + " lost to concurrent writers " + maxAttempts
                    + " times in a row; nothing was changed, try again");
        }
        throwIfInterrupted(action);
        pause.accept(ThreadLocalRandom.current().nextLong(pauseCeilingNanos(attempt) + 1));
        throwIfInterrupted(action);
    }

    private static void throwIfInterrupted(String action) {
        if (Thread.currentThread().isInterrupted()) {
            throw new BackendException("interrupted while retrying " + action
                    + " after it lost a race to another writer; the lost attempt changed nothing", null, false);
        }
    }
}
