package io.versioned.core;

import io.versioned.api.ConflictException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The retry policy for compare-and-set loops that lost a race: a bounded number of attempts with jittered
 * exponential back-off, then a {@link ConflictException}.
 */
final class Contention {

    static final int MAX_ATTEMPTS = 40;
    private static final long MAX_PAUSE_NANOS = 50_000_000L;

    private Contention() {
    }

    /**
     * Called after attempt {@code attempt} (0-based) lost a race: pauses, or gives up after the last attempt.
     *
     * @throws ConflictException naming {@code operation} when the attempts are exhausted
     */
    static void lostRace(int attempt, String operation) {
        if (attempt + 1 >= MAX_ATTEMPTS) {
            throw new ConflictException(operation + " lost to concurrent writers " + MAX_ATTEMPTS
                    + " times; nothing was changed, try again");
        }
        long ceiling = Math.min(MAX_PAUSE_NANOS, 1_000_000L << Math.min(attempt, 6));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling / 4, ceiling + 1));
    }
}
