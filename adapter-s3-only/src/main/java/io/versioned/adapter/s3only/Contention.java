package io.versioned.adapter.s3only;

import io.versioned.api.BackendException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The bound on the compare-and-set loops of the port: at most {@link #MAX_ATTEMPTS} attempts, with a short
 * jittered pause after each lost race so that racing writers spread out. Correctness never depends on the
 * pauses; they only make progress likelier. When every attempt lost, a retryable {@link BackendException}
 * reports that nothing was changed.
 */
final class Contention {

    /** Attempts of one conditional write before giving up; every lost attempt means another writer won. */
    static final int MAX_ATTEMPTS = 64;
    private static final long MAX_PAUSE_NANOS = 40_000_000L;

    private Contention() {
    }

    /**
     * Called after attempt {@code attempt} (0-based) of {@code action} lost a race: pauses briefly, or gives up
     * after the last attempt.
     *
     * @throws BackendException retryable when the attempts are exhausted; not retryable when the thread is
     *                          interrupted (the interrupt status stays set)
     */
    static void lostRace(int attempt, String action) {
        if (attempt + 1 >= MAX_ATTEMPTS) {
            throw S3Failures.contention(action, MAX_ATTEMPTS);
        }
        long ceiling = Math.min(MAX_PAUSE_NANOS, 500_000L << Math.min(attempt, 7));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling / 4, ceiling + 1));
        if (Thread.currentThread().isInterrupted()) {
            throw new BackendException("interrupted while retrying a metadata write to " + action
                    + "; nothing was changed", null, false);
        }
    }
}
