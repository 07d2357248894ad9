package io.versioned.cli;

import io.versioned.adapter.inmemory.InMemoryBlobPort;
import io.versioned.api.Repository;
import io.versioned.core.Maintenance;
import io.versioned.core.Repositories;
import io.versioned.core.Versioned;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.StorePorts;
import java.time.Clock;
import java.util.Map;

/**
 * Serves one in-memory repository to every {@code memory:} invocation, so that several commands in one test see
 * each other's writes; other URIs are opened as in production.
 */
final class SharedMemoryFactory implements RepositoryFactory {

    private final StorePorts ports = Versioned.location("memory:").open(RepositoryOptions.defaults());
    private final Repository repository = Repositories.of(ports.blobs(), ports.metadata());
    private final RepositoryFactory production = new ProviderRepositoryFactory(Map.of());

    @Override
    public Backend open(RepositoryLocation uri) {
        if (uri.scheme().equals("memory")) {
            return new Backend(uri, repository, new Maintenance(ports.blobs(), ports.metadata(), repository, Clock.systemUTC()),
                    () -> { });
        }
        return production.open(uri);
    }

    Repository repository() {
        return repository;
    }

    /** The in-memory metadata store behind the shared repository, to read every record. */
    MetadataPort metadata() {
        return ports.metadata();
    }

    /** The in-memory blob store behind the shared repository, to alter bytes behind its back. */
    InMemoryBlobPort blobs() {
        return (InMemoryBlobPort) ports.blobs();
    }
}
