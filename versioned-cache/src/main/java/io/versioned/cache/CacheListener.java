package io.versioned.cache;

import io.versioned.api.BackendException;
import java.time.Duration;

/**
 * Told when the store failed and the cache served what it last knew instead, and, if it wants, of every record read
 * ({@link #read}). Hand one in with
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

    /**
     * A record (an alias, a version, a listing, a history) was read: answered by the cache without a request to the
     * store (a hit: within its time-to-live, or a published version, which never changes), or asked of the store
     * (a miss). Content is not counted here. Does nothing unless overridden.
     *
     * @param operation the reading method, e.g. {@code getAlias}; names and versions are left out
     * @param hit       true when the cache answered without asking the store
     */
    default void read(String operation, boolean hit) {
    }
}
