package io.versioned.core;

import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.RepositoryProvider;
import io.versioned.core.spi.RepositoryUris;
import io.versioned.core.spi.StorePorts;
import java.util.Set;

/** A provider of {@code echo:NAME}, registered for the tests of this module only; its stores fail to open. */
public final class EchoProvider implements RepositoryProvider {

    @Override
    public Set<String> schemes() {
        return Set.of("echo");
    }

    @Override
    public String forms() {
        return "echo:NAME";
    }

    @Override
    public RepositoryLocation parse(String uri) {
        String name = uri.substring(uri.indexOf(':') + 1);
        if (name.isEmpty()) {
            throw RepositoryUris.invalid("echo: needs a name, e.g. echo:one");
        }
        return new Echo(name);
    }

    record Echo(String name) implements RepositoryLocation {

        @Override
        public String scheme() {
            return "echo";
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return false;
        }

        @Override
        public StorePorts open(RepositoryOptions options) {
            throw new IllegalStateException("the echo store " + name + " is unreachable");
        }

        @Override
        public String toString() {
            return "echo:" + name;
        }
    }
}
