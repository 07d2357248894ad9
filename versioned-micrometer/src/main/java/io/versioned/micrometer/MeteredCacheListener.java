package io.versioned.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.versioned.api.BackendException;
import io.versioned.cache.CacheListener;
import java.time.Duration;

/**
 * A {@link CacheListener} counting the store failures the cache covered: {@code versioned.cache.stale} tagged
 * {@code operation} (the read, e.g. {@code getAlias}; artifact names are left out to keep the tags few), then
 * passing the event on. Hand it in as the cache's listener:
 *
 * <pre>{@code
 * RepositoryOptions.builder().component(CacheListener.class, new MeteredCacheListener(registry, CacheListener.NONE))
 * }</pre>
 */
public final class MeteredCacheListener implements CacheListener {

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
}
