package io.versioned.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.versioned.api.BackendException;
import io.versioned.cache.CacheListener;
import java.time.Duration;

/**
 * A {@link CacheListener} counting what the cache did, then passing each event on: {@code versioned.cache.reads}
 * tagged {@code operation} and {@code result} ({@code hit}: answered without asking the store; {@code miss}), and
 * {@code versioned.cache.stale}, the store failures the cache covered, tagged {@code operation}. The operation is
 * the reading method, e.g. {@code getAlias}; artifact names are left out to keep the tags few. Hand it in as the
 * cache's listener:
 *
 * <pre>{@code
 * RepositoryOptions.builder().component(CacheListener.class, new MeteredCacheListener(registry, CacheListener.NONE))
 * }</pre>
 */
public final class MeteredCacheListener implements CacheListener {

    /** The counter of record reads, by whether the cache answered them. */
    public static final String READS = "versioned.cache.reads";
    /** The counter of records served stale because the store failed. */
    public static final String STALE = "versioned.cache.stale";

    private final MeterRegistry registry;
    private final CacheListener next;

    /**
     * @param registry where the counter goes
     * @param next     told of every event after it was counted; {@link CacheListener#NONE} for no one
     * @throws IllegalArgumentException if an argument is null
     */
    public MeteredCacheListener(MeterRegistry registry, CacheListener next) {
        if (registry == null || next == null) {
            throw new IllegalArgumentException("registry, next: must not be null");
        }
        this.registry = registry;
        this.next = next;
    }

    @Override
    public void servedStale(String operation, BackendException failure, Duration age) {
        String verb = operation == null ? "unknown" : operation.split(" ", 2)[0];
        Counter.builder(STALE)
                .description("reads the cache answered with a stale record because the store failed")
                .tag("operation", verb)
                .register(registry)
                .increment();
        next.servedStale(operation, failure, age);
    }

    @Override
    public void read(String operation, boolean hit) {
        Counter.builder(READS)
                .description("record reads of the cache: hit when answered without asking the store")
                .tag("operation", operation)
                .tag("result", hit ? "hit" : "miss")
                .register(registry)
                .increment();
        next.read(operation, hit);
    }
}
