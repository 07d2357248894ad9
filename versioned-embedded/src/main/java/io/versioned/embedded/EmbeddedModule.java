package io.versioned.embedded;

import com.google.inject.AbstractModule;
import io.versioned.adapter.filesystem.FilesystemModule;
import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.adapter.jdbc.JdbcModule;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Binds both ports of the embedded default backend, everything under one folder ({@code ./.versioned} unless told
 * otherwise):
 *
 * <pre>
 * {directory}/metadata.mv.db          the H2 database of the records ({@link io.versioned.core.port.MetadataPort})
 * {directory}/blobs/{name}/000001     the bytes, one file per blob ({@link io.versioned.core.port.BlobPort})
 * </pre>
 *
 * <p>Installs {@link FilesystemModule} on {@link #blobDirectory()} and {@link JdbcModule} on
 * {@link JdbcConfig#embeddedH2(Path) JdbcConfig.embeddedH2(directory)}. Compose it with {@code VersionedCoreModule}:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new VersionedCoreModule(), new EmbeddedModule(Path.of(".versioned")));
 * Repository repository = injector.getInstance(Repository.class);
 * repository.bootstrap();   // once: creates the folder, the database and its schema if missing
 * ...
 * repository.close();       // at the end: closes the database's connection pool
 * }</pre>
 *
 * <p>Each injector opens one connection pool on the database ({@code JdbcMetadataPort}) when the metadata port is
 * first needed (e.g. when the {@code Repository} is made); the pool connects in the background at once, which
 * creates the folder and an empty database file if they are missing. {@link io.versioned.api.Repository#bootstrap()}
 * (idempotent) creates the blob folder and the schema; until then, operations fail. Close the pool with
 * {@link io.versioned.api.Repository#close()} (or {@code injector.getInstance(JdbcMetadataPort.class).close()}),
 * which also closes the database and so releases its file. Several processes, and several repositories in one
 * process, may share the folder: the first process to open the database serves it to the others
 * ({@link JdbcConfig#embeddedH2(Path)}). For several machines, use {@link PostgresModule}.
 */
public final class EmbeddedModule extends AbstractModule {

    /** The folder of the embedded backend unless told otherwise: {@code .versioned} in the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of(".versioned");

    /** The name of the blob folder inside the embedded folder. */
    public static final String BLOB_DIRECTORY_NAME = "blobs";

    private final Path directory;
    private final JdbcConfig database;

    /** The embedded backend in {@link #DEFAULT_DIRECTORY}, resolved against the working directory now. */
    public EmbeddedModule() {
        this(DEFAULT_DIRECTORY);
    }

    /**
     * The embedded backend in {@code directory}, which need not exist yet.
     *
     * @param directory the folder holding the database and the blob folder; a relative path is resolved against
     *                  the working directory now
     * @throws IllegalArgumentException if {@code directory} is null or its absolute path contains {@code ;} (which
     *                                  H2 would read as the end of the database URL)
     */
    public EmbeddedModule(Path directory) {
        this(directory, JdbcConfig.DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * The embedded backend in {@code directory}, whose calls wait at most {@code connectionTimeout} for the database
     * (instead of 30 s) while it cannot be had (another program holds it without sharing it), then fail with a retryable
     * {@link io.versioned.api.BackendException}: a command-line tool can so report a busy folder quickly.
     *
     * @param directory         the folder holding the database and the blob folder; a relative path is resolved
     *                          against the working directory now
     * @param connectionTimeout how long a call waits for a database connection, at least 250 ms
     * @throws IllegalArgumentException if {@code directory} is null or its absolute path contains {@code ;}, or
     *                                  {@code connectionTimeout} is null or below 250 ms
     */
    public EmbeddedModule(Path directory, Duration connectionTimeout) {
        if (directory == null) {
            throw new IllegalArgumentException("directory: must not be null");
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.database = JdbcConfig.embeddedH2(this.directory).withConnectionTimeout(connectionTimeout);
    }

    /** The folder of this backend: absolute and normalized. */
    public Path directory() {
        return directory;
    }

    /** The folder of the bytes: {@code {directory}/blobs}. */
    public Path blobDirectory() {
        return directory.resolve(BLOB_DIRECTORY_NAME);
    }

    /**
     * The database of the records: the H2 file {@code {directory}/metadata.mv.db}, as
     * {@link JdbcConfig#embeddedH2(Path)} sets it up (user {@code sa}, no password, commits written at once).
     */
    public JdbcConfig database() {
        return database;
    }

    @Override
    protected void configure() {
        install(new FilesystemModule(blobDirectory()));
        install(new JdbcModule(database));
    }
}
