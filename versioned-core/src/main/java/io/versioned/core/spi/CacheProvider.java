package io.versioned.core.spi;

import io.versioned.api.Repository;

/**
 * Puts a cache in front of a repository; registered for {@link java.util.ServiceLoader} by the
 * {@code versioned-cache} module, and used by {@link io.versioned.core.Versioned#open(String, RepositoryOptions)}
 * when the URI or the options ask for a cache.
 */
public interface CacheProvider {

    /**
     * The cached repository. Closing it closes {@code repository}.
     *
     * @param repository the repository read through
     * @param settings   the folder, time-to-live, bound and maximum staleness
     * @param options    the options of the repository: its clock, and components the cache looks up (such as a
     *                   listener of store failures)
     * @return the repository with the cache in front
     */
    Repository wrap(Repository repository, CacheSettings settings, RepositoryOptions options);
}
