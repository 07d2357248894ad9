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
    /** Unanswered writes (see {@link MetadataObjects.Write#UNANSWERED}) of one change before giving up. */
    static final int MAX_UNANSWERED = 3;
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

    /**
     * Called after a write of {@code action} went unanswered: returns the new count of unanswered writes, or
     * gives up when it reaches {@link #MAX_UNANSWERED}, since repeated silence means a broken connection to the
     * store rather than a racing writer.
     *
     * @throws BackendException retryable, saying that the last write may or may not have been applied
     */
    static int unanswered(int unansweredBefore, String action) {
        int unanswered = unansweredBefore + 1;
        if (unanswered >= MAX_UNANSWERED) {
            throw new BackendException("S3 did not answer " + unanswered + " conditional writes to " + action
                    + " (the connection failed); the last one may or may not have been applied, try again", null,
                    true);
        }
        return unanswered;
    }
}
