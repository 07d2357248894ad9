package io.versioned.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.versioned.cache.AliasListener;
import io.versioned.cache.CachingRepository;
import io.versioned.micrometer.MeteredAliasListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watches of {@code versioned.watch.<id>.*}, by id; started when the application starts, which waits for each
 * one's first read up to its {@code startup-timeout}, and stopped when it stops. Inject it and ask for a watch:
 *
 * <pre>{@code
 * private final WatchedArtifacts watched;   // constructor-injected
 *
 * @GetMapping("/model")
 * Resource model() {
 *     return new FileSystemResource(watched.get("model").path());
 * }
 * }</pre>
 */
public final class WatchedArtifacts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedArtifacts.class);

    private final Map<String, WatchedArtifact> byId = new LinkedHashMap<>();

    /**
     * Starts the watches of {@code properties}.
     *
     * @param properties the {@code versioned.*} properties
     * @param layers     the repository; it must have a cache when there is a watch
     * @param registry   where the watches' counters go, or null for none
     * @throws IllegalStateException    if there is a watch and no cache
     * @throws IllegalArgumentException if a watch names no artifact or alias
     */
    WatchedArtifacts(VersionedProperties properties, RepositoryLayers layers, MeterRegistry registry) {
        properties.watch().forEach((id, watch) -> {
            if (watch.name() == null || watch.alias() == null) {
                throw new IllegalArgumentException("versioned.watch." + id + ": needs both name and alias");
            }
            CachingRepository cache = layers.cache().orElseThrow(() -> new IllegalStateException(
                    "versioned.watch." + id + ": watching needs the cache; set versioned.cache.dir"));
            byId.put(id, new WatchedArtifact(id, watch, listener -> cache.watch(watch.name(), watch.alias(),
                    watch.interval(), metered(registry, watch, listener))));
        });
        properties.watch().forEach((id, watch) -> {
            if (!byId.get(id).awaitFirstRead(watch.startupTimeout())) {
                LOG.warn("versioned.watch.{}: {}/{} could not be read within {}; going on, it is retried",
                        id, watch.name(), watch.alias(), watch.startupTimeout());
            }
        });
    }

    private static AliasListener metered(MeterRegistry registry, VersionedProperties.Watch watch,
                                         AliasListener listener) {
        return registry == null ? listener : new MeteredAliasListener(registry, watch.name(), watch.alias(), listener);
    }

    /**
     * The watch of {@code versioned.watch.<id>}.
     *
     * @param id the id in the properties
     * @return the watch
     * @throws IllegalArgumentException if no watch has that id (the message lists the ids)
     */
    public WatchedArtifact get(String id) {
        WatchedArtifact watched = byId.get(id);
        if (watched == null) {
            throw new IllegalArgumentException("id: no versioned.watch." + id + "; the watches are " + byId.keySet());
        }
        return watched;
    }

    /** The ids of the watches. */
    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    /** Stops every watch. */
    @Override
    public void close() {
        byId.values().forEach(WatchedArtifact::close);
    }
}
