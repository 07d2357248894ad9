package io.versioned.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.versioned.cache.AliasListener;
import io.versioned.cache.LocalAlias;

/**
 * An {@link AliasListener} counting what a watch saw, then passing it on: {@code versioned.watch.changes} and
 * {@code versioned.watch.failures}, both tagged {@code name} and {@code alias} (a service watches a few aliases,
 * so these stay few).
 *
 * <pre>{@code
 * cachingRepository.watch("model", "production", Duration.ofSeconds(10),
 *         new MeteredAliasListener(registry, "model", "production", myListener));
 * }</pre>
 */
public final class MeteredAliasListener implements AliasListener {

    /** The counter of changes of the alias a watch applied (the first read included). */
    public static final String CHANGES = "versioned.watch.changes";
    /** The counter of failed polls. */
    public static final String FAILURES = "versioned.watch.failures";

    private final Counter changes;
    private final Counter failures;
    private final AliasListener next;

    /**
     * @param registry where the counters go
     * @param name     the artifact watched (the {@code name} tag)
     * @param alias    the alias watched (the {@code alias} tag)
     * @param next     told of every event after it was counted
     * @throws IllegalArgumentException if an argument is null
     */
    public MeteredAliasListener(MeterRegistry registry, String name, String alias, AliasListener next) {
        if (registry == null || name == null || alias == null || next == null) {
            throw new IllegalArgumentException("registry, name, alias, next: must not be null");
        }
        this.changes = Counter.builder(CHANGES).description("changes of a watched alias")
                .tag("name", name).tag("alias", alias).register(registry);
        this.failures = Counter.builder(FAILURES).description("failed polls of a watched alias")
                .tag("name", name).tag("alias", alias).register(registry);
        this.next = next;
    }

    @Override
    public void changed(LocalAlias now) {
        changes.increment();
        next.changed(now);
    }

    @Override
    public void failed(RuntimeException failure) {
        failures.increment();
        next.failed(failure);
    }
}
