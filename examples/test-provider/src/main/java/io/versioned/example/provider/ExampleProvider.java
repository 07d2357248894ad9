package io.versioned.example.provider;

import io.versioned.adapter.inmemory.InMemoryBlobPort;
import io.versioned.adapter.inmemory.InMemoryMetadataPort;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.RepositoryProvider;
import io.versioned.core.spi.RepositoryUris;
import io.versioned.core.spi.StorePorts;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A provider as a third party writes one, for the scheme {@code example:NAME}: a repository in memory whose blob
 * URIs name {@code NAME}. Its jar holds this class and {@code META-INF/services/io.versioned.core.spi.RepositoryProvider}
 * only; the ports come from {@code adapter-inmemory}, which the CLI and the tests already have.
 */
public final class ExampleProvider implements RepositoryProvider {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    @Override
    public Set<String> schemes() {
        return Set.of("example");
    }

    @Override
    public String forms() {
        return "example:NAME";
    }

    @Override
    public RepositoryLocation parse(String uri) {
        String name = uri.substring(uri.indexOf(':') + 1);
        if (!NAME.matcher(name).matches()) {
            throw RepositoryUris.invalid("example: NAME must be 1 to 31 lower-case letters, digits or '-', starting "
                    + "with a letter, e.g. example:shop; got '" + name + "'");
        }
        return new Example(name);
    }

    /**
     * {@code example:NAME}.
     *
     * @param name the name of the repository, in its blob URIs
     */
    public record Example(String name) implements RepositoryLocation {

        @Override
        public String scheme() {
            return "example";
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return true;
        }

        @Override
        public StorePorts open(RepositoryOptions options) {
            return new StorePorts(new InMemoryBlobPort("example-" + name), new InMemoryMetadataPort());
        }

        @Override
        public String toString() {
            return "example:" + name;
        }
    }
}
