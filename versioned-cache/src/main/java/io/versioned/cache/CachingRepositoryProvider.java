package io.versioned.cache;

import io.versioned.api.Repository;
import io.versioned.core.spi.CacheProvider;
import io.versioned.core.spi.CacheSettings;
import io.versioned.core.spi.RepositoryOptions;

/** Makes {@code Versioned.open} put a {@link CachingRepository} in front when asked for a cache. */
public final class CachingRepositoryProvider implements CacheProvider {

    @Override
    public Repository wrap(Repository repository, CacheSettings settings, RepositoryOptions options) {
        return new CachingRepository(repository, settings, options.clock(),
                options.component(CacheListener.class).orElse(CacheListener.NONE));
    }
}
