package io.versioned.cli;

import io.versioned.api.Repository;
import io.versioned.core.Maintenance;
import io.versioned.core.Repositories;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.StorePorts;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Opens a repository through the provider of its scheme ({@link Versioned#openStores}), so the CLI reaches every
 * backend whose provider is on its class path, third-party ones included. Each call opens new stores, so each
 * {@code memory:} repository starts empty. Closing the {@link Backend} closes the stores (connection pools, SDK
 * clients).
 */
public final class ProviderRepositoryFactory implements RepositoryFactory {

    /**
     * How long a command waits for a database connection (the H2 database of an {@code embedded:} repository that
     * another process has open, a PostgreSQL server that does not answer) before it fails with a retryable error
     * (exit code 4), instead of the library's 30 s.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(20);

    private final RepositoryOptions options;

    /** @param environment the environment variables, for the providers (e.g. {@code AWS_REGION}) */
    public ProviderRepositoryFactory(Map<String, String> environment) {
        this.options = RepositoryOptions.builder().environment(environment).connectionTimeout(CONNECTION_TIMEOUT)
                .build();
    }

    /** The options every repository is opened with: the environment and {@link #CONNECTION_TIMEOUT}. */
    RepositoryOptions options() {
        return options;
    }

    @Override
    public Backend open(RepositoryLocation location) {
        StorePorts ports = Versioned.openStores(location, options);
        Clock clock = options.clock();
        Repository repository = Repositories.of(ports.blobs(), ports.metadata(), clock);
        Backend backend = new Backend(location, repository,
                new Maintenance(ports.blobs(), ports.metadata(), repository, clock), repository::close);
        if (location.bootstrapsImplicitly()) {
            try {
                repository.bootstrap();
            } catch (RuntimeException e) {
                backend.close();
                throw e;
            }
        }
        return backend;
    }
}
