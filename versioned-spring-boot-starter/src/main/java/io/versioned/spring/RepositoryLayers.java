package io.versioned.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.versioned.api.Repository;
import io.versioned.cache.CacheListener;
import io.versioned.cache.CachingRepository;
import io.versioned.core.Versioned;
import io.versioned.core.spi.CacheSettings;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.micrometer.MeteredCacheListener;
import io.versioned.micrometer.MeteredRepository;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The repository the starter opened, layer by layer: the backend's own repository (what the health indicator
 * asks), the cache in front of it when one is configured, and the outermost layer the application gets as its
 * {@link Repository} bean (measured when a {@link MeterRegistry} exists). Closing it closes them all.
 */
public final class RepositoryLayers implements AutoCloseable {

    private final String backend;
    private final Repository store;
    private final Optional<CachingRepository> cache;
    private final Repository repository;
    private final StaleReads staleReads;

    /**
     * Opens the repository of {@code properties}.
     *
     * @param properties the {@code versioned.*} properties
     * @param clock      the repository's and the cache's clock
     * @param registry   where metrics go, or null for none
     * @throws IllegalArgumentException if the URI or the cache settings are malformed
     */
    RepositoryLayers(VersionedProperties properties, Clock clock, MeterRegistry registry) {
        if (properties.repository() == null || properties.repository().isBlank()) {
            throw new IllegalArgumentException("versioned.repository: must not be blank");
        }
        CacheSettings.Split split = CacheSettings.split(properties.repository().strip());
        Optional<CacheSettings> cacheSettings = split.cache().or(() -> cacheSettings(properties.cache()));
        this.backend = split.uri().substring(0, Math.max(0, split.uri().indexOf(':'))).toLowerCase(Locale.ROOT);
        this.staleReads = new StaleReads(clock);
        this.store = Versioned.open(split.uri(),
                RepositoryOptions.builder().clock(clock).bootstrap(properties.bootstrap()).build());
        CacheListener listener = registry == null ? staleReads : new MeteredCacheListener(registry, staleReads);
        try {
            this.cache = cacheSettings.map(settings -> new CachingRepository(store, settings, clock, listener));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Repository inner = cache.<Repository>map(c -> c).orElse(store);
        this.repository = registry == null ? inner : new MeteredRepository(inner, registry, backend);
    }

    private static Optional<CacheSettings> cacheSettings(VersionedProperties.Cache cache) {
        if (cache == null || cache.dir() == null) {
            return Optional.empty();
        }
        return Optional.of(new CacheSettings(cache.dir(), cache.ttl(), cache.maxBytes().toBytes(), cache.maxStale()));
    }

    /** The URI scheme, e.g. {@code memory}: the {@code backend} tag of the metrics. */
    public String backend() {
        return backend;
    }

    /** The backend's repository, without cache or metrics. */
    public Repository store() {
        return store;
    }

    /** The cache in front of the store, if one is configured. */
    public Optional<CachingRepository> cache() {
        return cache;
    }

    /** The outermost layer: the application's {@link Repository}. */
    public Repository repository() {
        return repository;
    }

    /** The reads the cache answered from a stale record because the store failed. */
    public StaleReads staleReads() {
        return staleReads;
    }

    /** Closes every layer (closing the outermost closes the ones beneath). */
    @Override
    public void close() {
        repository.close();
    }
}
