package io.versioned.cache;

import io.versioned.api.BackendException;
import java.time.Duration;

/**
 * Told when the store failed and the cache served what it last knew instead. Hand one in with
 * {@code RepositoryOptions.builder().component(CacheListener.class, listener)} or to
 * {@link CachingRepository#CachingRepository}. Called on the thread of the read; keep it short.
 */
@FunctionalInterface
public interface CacheListener {

    /** Ignores everything (the failure is still logged). */
    CacheListener NONE = (operation, failure, age) -> { };

    /**
     * The store failed on {@code operation}; a record {@code age} old was served instead.
     *
     * @param operation what was read, e.g. {@code getAlias model/production}
     * @param failure   the store's failure
     * @param age       how long ago the record served was read from the store
     */
    void servedStale(String operation, BackendException failure, Duration age);
}
