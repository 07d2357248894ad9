package io.versioned.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.adapter.inmemory.InMemoryBlobPort;
import io.versioned.api.Repository;
import io.versioned.core.Maintenance;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.util.Map;

/**
 * Serves one in-memory repository to every {@code memory:} invocation, so that several commands in one test see
 * each other's writes; other URIs are opened as in production.
 */
final class SharedMemoryFactory implements RepositoryFactory {

    private final Injector injector = Guice.createInjector(BackendModules.forUri(new RepositoryUri.Memory()));
    private final RepositoryFactory production = new GuiceRepositoryFactory(Map.of());

    @Override
    public Backend open(RepositoryUri uri) {
        if (uri instanceof RepositoryUri.Memory) {
            return new Backend(uri, repository(), injector.getInstance(Maintenance.class), () -> { });
        }
        return production.open(uri);
    }

    Repository repository() {
        return injector.getInstance(Repository.class);
    }

    /** The in-memory metadata store behind the shared repository, to read every record. */
    MetadataPort metadata() {
        return injector.getInstance(MetadataPort.class);
    }

    /** The in-memory blob store behind the shared repository, to alter bytes behind its back. */
    InMemoryBlobPort blobs() {
        return (InMemoryBlobPort) injector.getInstance(BlobPort.class);
    }
}
