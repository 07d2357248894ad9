package io.versioned.adapter.inmemory;

import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.RepositoryProvider;
import io.versioned.core.spi.RepositoryUris;
import io.versioned.core.spi.StorePorts;
import java.util.Set;
import java.util.UUID;

/**
 * The provider of {@code memory:}: a repository in this process's memory, empty when opened and gone when the
 * process ends. Each {@link RepositoryLocation#open(RepositoryOptions) open} makes a new, empty repository. Takes
 * no location and no parameter, and uses no option.
 */
public final class InMemoryProvider implements RepositoryProvider {

    /** The scheme: {@code memory}. */
    public static final String SCHEME = "memory";

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    @Override
    public String forms() {
        return "memory:";
    }

    @Override
    public RepositoryLocation parse(String uri) {
        String location = uri.substring(uri.indexOf(':') + 1);
        if (!location.isEmpty()) {
            throw RepositoryUris.invalid("memory: takes no location, got 'memory:" + location + "'");
        }
        return new Memory();
    }

    /** The location {@code memory:}. */
    private record Memory() implements RepositoryLocation {

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return true;
        }

        @Override
        public StorePorts open(RepositoryOptions options) {
            if (options == null) {
                throw new IllegalArgumentException("options: must not be null");
            }
            return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
        }

        @Override
        public String toString() {
            return "memory:";
        }
    }
}
