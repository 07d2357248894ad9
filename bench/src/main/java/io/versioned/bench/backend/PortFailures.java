package io.versioned.bench.backend;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the ports of one backend threw: failed preconditions (a compare-and-set or put-if-absent that lost to
 * another writer, which the library retries inside the operation) and store failures. Thread-safe.
 */
public final class PortFailures {

    private final AtomicLong preconditionsFailed = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();

    /** How many port calls threw {@link io.versioned.core.port.PreconditionFailedException} so far. */
    public long preconditionsFailed() {
        return preconditionsFailed.get();
    }

    /** How many port calls threw {@link io.versioned.api.BackendException} so far. */
    public long storeFailures() {
        return storeFailures.get();
    }

    void precondition() {
        preconditionsFailed.incrementAndGet();
    }

    void store() {
        storeFailures.incrementAndGet();
    }
}
