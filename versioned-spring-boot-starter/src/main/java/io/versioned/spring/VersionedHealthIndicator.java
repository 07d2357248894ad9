package io.versioned.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code versioned} health: asks the store itself (not the cache) for the latest version number of a name that
 * need not exist, a read every backend answers cheaply.
 *
 * <ul>
 *   <li>{@code UP}: the store answered;</li>
 *   <li>{@code DEGRADED} (status code; served as HTTP 200 unless mapped otherwise): the store failed, but a cache is
 *       in front of it and keeps serving what it last read, for up to {@code versioned.cache.max-stale}; the
 *       details say how many reads were answered stale and when the last was;</li>
 *   <li>{@code DOWN}: the store failed and there is no cache.</li>
 * </ul>
 */
public final class VersionedHealthIndicator implements HealthIndicator {

    /** Store down, cache serving. */
    public static final Status DEGRADED = new Status("DEGRADED",
            "the store failed; the cache serves what it last read");

    /** The name asked for: one no one needs to create. */
    static final String PROBE = "versioned-health-probe";

    private final RepositoryLayers layers;

    /**
     * @param layers the repository the starter opened
     */
    public VersionedHealthIndicator(RepositoryLayers layers) {
        this.layers = layers;
    }

    @Override
    public Health health() {
        Health.Builder health = probe();
        health.withDetail("backend", layers.backend());
        layers.cache().ifPresent(cache -> health.withDetail("cache", cache.settings().directory().toString())
                .withDetail("staleReads", layers.staleReads().count()));
        layers.staleReads().last().ifPresent(last -> health.withDetail("lastStaleRead", last.toString()));
        return health.build();
    }

    private Health.Builder probe() {
        try {
            layers.store().getLatestPublishedVersionNumber(PROBE);
            return Health.up();
        } catch (RuntimeException e) {
            return (layers.cache().isPresent() ? Health.status(DEGRADED) : Health.down())
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
