package io.versioned.spring;

import io.versioned.api.BackendException;
import io.versioned.cache.CacheListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counts the reads the cache answered from a stale record because the store failed, and when the last was. */
public final class StaleReads implements CacheListener {

    private final Clock clock;
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Instant> last = new AtomicReference<>();

    StaleReads(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void servedStale(String operation, BackendException failure, Duration age) {
        count.incrementAndGet();
        last.set(clock.instant());
    }

    /** How many reads were answered stale since the start. */
    public long count() {
        return count.get();
    }

    /** When the last read was answered stale; empty if none was. */
    public Optional<Instant> last() {
        return Optional.ofNullable(last.get());
    }
}
