package io.versioned.embedded;

import com.google.inject.AbstractModule;
import io.versioned.adapter.filesystem.FilesystemModule;
import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.adapter.jdbc.JdbcModule;
import java.nio.file.Path;

/**
 * Binds both ports of the shared-server variant of the embedded backend: the records in a PostgreSQL database, the
 * bytes in a local folder ({@code {blobDirectory}/{name}/000001}). Installs {@link JdbcModule} on the server's
 * {@link JdbcConfig} and {@link FilesystemModule} on the blob folder. Compose it with {@code VersionedCoreModule}:
 *
 * <pre>{@code
 * JdbcConfig server = JdbcConfig.builder().jdbcUrl("jdbc:postgresql://db:5432/versioned")
 *         .user("versioned").password(secret).build();
 * Injector injector = Guice.createInjector(new VersionedCoreModule(),
 *         new PostgresModule(server, Path.of("/mnt/artifacts")));
 * Repository repository = injector.getInstance(Repository.class);
 * repository.bootstrap();   // once: creates the blob folder and creates or migrates the schema
 * ...
 * repository.close();       // at the end: closes the connection pool
 * }</pre>
 *
 * <p>Unlike the H2 file database, the server is shared by any number of processes at once; every process must then
 * see the same blob folder at the same path (a shared volume whose file system supports hard links, such as NFS),
 * since the records name the bytes by their key in that folder. Tables live in the connection's current schema
 * (set {@code currentSchema} in the URL to pick one). Each injector opens one connection pool when the metadata port
 * is first needed; it connects in the background, so a server that cannot be reached shows up as retryable
 * {@link io.versioned.api.BackendException}s of the operations, not here. Close the pool with
 * {@link io.versioned.api.Repository#close()} (or
 * {@code injector.getInstance(JdbcMetadataPort.class).close()}). To pair a JDBC database other than PostgreSQL with
 * a blob folder, install {@link JdbcModule} and {@link FilesystemModule} yourself.
 */
public final class PostgresModule extends AbstractModule {

    private static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql:";

    private final JdbcConfig server;
    private final Path blobDirectory;

    /**
     * @param server        the PostgreSQL database of the records
     * @param blobDirectory the folder of the bytes, which need not exist yet; a relative path is resolved against
     *                      the working directory now
     * @throws IllegalArgumentException if {@code server} is null or its URL does not start with
     *                                  {@code jdbc:postgresql:}, or {@code blobDirectory} is null
     */
    public PostgresModule(JdbcConfig server, Path blobDirectory) {
        if (server == null) {
            throw new IllegalArgumentException("server: must not be null");
        }
        if (!server.jdbcUrl().startsWith(POSTGRESQL_URL_PREFIX)) {
            throw new IllegalArgumentException("server: the JDBC URL must start with '" + POSTGRESQL_URL_PREFIX
                    + "', got " + server.jdbcUrl());
        }
        if (blobDirectory == null) {
            throw new IllegalArgumentException("blobDirectory: must not be null");
        }
        this.server = server;
        this.blobDirectory = blobDirectory.toAbsolutePath().normalize();
    }

    /** The PostgreSQL database of the records. */
    public JdbcConfig server() {
        return server;
    }

    /** The folder of the bytes: absolute and normalized. */
    public Path blobDirectory() {
        return blobDirectory;
    }

    @Override
    protected void configure() {
        install(new FilesystemModule(blobDirectory));
        install(new JdbcModule(server));
    }
}
