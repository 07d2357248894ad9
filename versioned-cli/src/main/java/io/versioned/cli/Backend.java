package io.versioned.cli;

import io.versioned.api.Repository;
import io.versioned.core.Maintenance;
import io.versioned.core.spi.RepositoryLocation;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * An opened repository: the {@link Repository} the commands use, the {@link Maintenance} service for
 * {@code fsck}/{@code gc}, and what to release when the command is done.
 *
 * @param uri         where the repository lives
 * @param repository  the repository
 * @param maintenance upkeep over the same stores
 * @param resources   released by {@link #close()} (connection pools, clients); may do nothing
 */
public record Backend(RepositoryLocation uri, Repository repository, Maintenance maintenance, AutoCloseable resources)
        implements AutoCloseable {

    public Backend {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(resources, "resources");
    }

    /** Releases the resources; a failure to release is ignored, since the command's work is already done. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(Backend.class).debug("releasing the resources of {} failed", uri, e);
        }
    }
}
