package io.versioned.adapter.s3only;

import io.versioned.api.BackendException;
import io.versioned.core.port.RetryPolicy;

/**
 * The bounds on the compare-and-set loops of the port: a lost race is retried by the library's one
 * {@link RetryPolicy#LOST_RACES} (when every attempt lost, a retryable {@link BackendException} reports that nothing
 * was changed); unanswered writes are bounded here.
 */
final class Contention {

    /** Unanswered writes (see {@link MetadataObjects.Write#UNANSWERED}) of one change before giving up. */
    static final int MAX_UNANSWERED = 3;

    private Contention() {
    }

    /**
     * Called after attempt {@code attempt} (0-based) of the metadata write {@code action} lost a race: pauses as
     * {@link RetryPolicy#LOST_RACES} says, or gives up after its last attempt.
     *
     * @throws BackendException retryable when the attempts are exhausted; not retryable when the thread is
     *                          interrupted (the interrupt status stays set)
     */
    static void lostRace(int attempt, String action) {
        RetryPolicy.LOST_RACES.afterLostRace(attempt, "S3 metadata write to " + action,
                message -> new BackendException(message, null, true));
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
