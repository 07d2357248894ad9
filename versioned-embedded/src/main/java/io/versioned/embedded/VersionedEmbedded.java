package io.versioned.embedded;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.VersionedException;
import io.versioned.core.VersionedCoreModule;
import java.nio.file.Path;

/**
 * The shortest way to a repository that needs no cloud: ready to use, and closed when done.
 *
 * <pre>{@code
 * try (Repository repository = VersionedEmbedded.repository(Path.of(".versioned"))) {
 *     repository.putArtifact("customer_analytics_db", Path.of("analytics.sqlite"), PutOptions.none());
 *     Artifact v1 = repository.publishArtifactVersion("customer_analytics_db");
 *     repository.putAlias("customer_analytics_db", "production", v1.version());
 * }
 * }</pre>
 *
 * <p>Every method here bootstraps the repository before returning it (creating the folders, the database and its
 * schema if missing, which is idempotent and, on an existing store, changes nothing), so the caller need not call
 * {@link Repository#bootstrap()}. The repository holds a connection pool on the database for its whole life:
 * {@link Repository#close()} closes the pool (and, for H2, the database file, so another process may open it).
 * A repository is thread-safe; make one per application, not one per request.
 */
public final class VersionedEmbedded {

    private VersionedEmbedded() {
    }

    /**
     * The embedded default in {@link EmbeddedModule#DEFAULT_DIRECTORY} ({@code ./.versioned}); see
     * {@link #repository(Path)}.
     *
     * @throws BackendException if the folder or the database cannot be created or opened (retryable while another
     *                          process has the database open)
     */
    public static Repository repository() {
        return repository(EmbeddedModule.DEFAULT_DIRECTORY);
    }

    /**
     * The embedded default: an H2 database and the blob folder under {@code directory} (layout in
     * {@link EmbeddedModule}), composed from {@link VersionedCoreModule} and {@link EmbeddedModule} with the system
     * UTC clock, bootstrapped. Several processes may use the folder at once (see
     * {@link JdbcConfig#embeddedH2(Path)}).
     *
     * @param directory the folder of the repository, created if missing
     * @throws IllegalArgumentException if {@code directory} is null or its absolute path contains {@code ;}
     * @throws BackendException         if the folder or the database cannot be created or opened
     */
    public static Repository repository(Path directory) {
        EmbeddedModule backend = new EmbeddedModule(directory);
        return open(backend, "the embedded repository in " + backend.directory());
    }

    /**
     * The shared-server variant: the records in a PostgreSQL database, the bytes in {@code blobDirectory}, composed
     * from {@link VersionedCoreModule} and {@link PostgresModule} with the system UTC clock, bootstrapped (creates or
     * migrates the schema when needed, which needs the right to create tables; on an up-to-date schema it only reads
     * the schema version; safe when several processes do it at once). See {@link PostgresModule} for sharing the
     * blob folder between processes.
     *
     * @param server        the PostgreSQL database of the records
     * @param blobDirectory the folder of the bytes, created if missing
     * @throws IllegalArgumentException if {@code server} is null or not a PostgreSQL URL, or {@code blobDirectory}
     *                                  is null
     * @throws BackendException         if the server cannot be reached (retryable) or the blob folder cannot be
     *                                  created
     */
    public static Repository repository(JdbcConfig server, Path blobDirectory) {
        PostgresModule backend = new PostgresModule(server, blobDirectory);
        return open(backend, "the repository on " + server.jdbcUrl() + " with blobs in " + backend.blobDirectory());
    }

    /** Composes, bootstraps and returns the repository; closes it again if bootstrapping fails. */
    private static Repository open(Module backend, String description) {
        Repository repository = compose(backend, description);
        try {
            repository.bootstrap();
            return repository;
        } catch (RuntimeException e) {
            try {
                repository.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static Repository compose(Module backend, String description) {
        try {
            return Guice.createInjector(new VersionedCoreModule(), backend).getInstance(Repository.class);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VersionedException versioned) {
                throw versioned;
            }
            throw new BackendException("cannot open " + description + ": " + (cause != null ? cause : e), e, false);
        }
    }
}
