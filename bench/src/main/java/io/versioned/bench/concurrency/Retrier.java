package io.versioned.bench.concurrency;

import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs repository calls for the concurrency harness, retrying the failures a caller is told it may retry
 * ({@link ConflictException}: nothing was changed; a {@link BackendException} that says it is retryable) and
 * counting them. Any other failure, or the same call failing {@value #MAX_ATTEMPTS} times, is thrown. Thread-safe.
 */
final class Retrier {

    static final int MAX_ATTEMPTS = 20;

    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong retryableFailures = new AtomicLong();

    /** How many calls failed with {@link ConflictException} and were tried again. */
    long conflicts() {
        return conflicts.get();
    }

    /** How many calls failed with a retryable {@link BackendException} and were tried again. */
    long retryableFailures() {
        return retryableFailures.get();
    }

    <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ConflictException e) {
                conflicts.incrementAndGet();
                giveUpAfter(attempt, e);
            } catch (BackendException e) {
                if (!e.isRetryable()) {
                    throw e;
                }
                retryableFailures.incrementAndGet();
                giveUpAfter(attempt, e);
            }
        }
    }

    private static void giveUpAfter(int attempt, RuntimeException failure) {
        if (attempt >= MAX_ATTEMPTS) {
            throw failure;
        }
        LockSupport.parkNanos(attempt * 1_000_000L);
    }
}
