package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.AliasTarget;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.testsupport.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What only a PostgreSQL server shows, in a few seconds (the mutation run includes this class, not the whole
 * {@link PostgresAdapterTest}): listings in {@link String} order whatever the server's collation and row order,
 * no H2-only statement sent to it, and its SQLSTATEs of failures worth retrying. On the JVM's embedded server,
 * {@link PostgresServer#shared()}, which is stopped even when pitest ends a minion without its shutdown hooks.
 */
class PostgresSpecificsTest {

    private static final String FULLWIDTH_A = "\uFF21";
    private static final String GRINNING_FACE = "\uD83D\uDE00";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final PostgresServer server = PostgresServer.shared();

    @Test
    void listingsAreInStringOrderNotInTheOrderTheServerReturnsRows() {
        PostgresServer.Schema schema = server.freshSchema();
        try (JdbcMetadataPort port = JdbcMetadataPort.open(JdbcConfig.builder().jdbcUrl(schema.jdbcUrl())
                .user(PostgresServer.USER).build())) {
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
        } finally {
            server.drop(schema);
        }
    }

    @Test
    void aServerThatRefusesTheConnectionIsARetryableFailureToConnect() throws IOException {
        PGSimpleDataSource unreachable = dataSource(PostgresServer.USER);
        unreachable.setPortNumbers(new int[] {freePort()});
        JdbcMetadataPort port = new JdbcMetadataPort(unreachable);

        assertRetryable(port, "SQLSTATE 08001: ");
    }

    @Test
    void aServerOutOfConnectionsIsARetryableFailureToConnect() {
        String role = "versioned_limited_" + NAMES.incrementAndGet();
        server.execute("CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 0");
        try {
            JdbcMetadataPort port = new JdbcMetadataPort(dataSource(role));

            assertRetryable(port, "SQLSTATE 53300: ");
        } finally {
            server.execute("DROP ROLE " + role);
        }
    }

    @Test
    void aConnectionTheServerEndsIsARetryableFailure() {
        String application = "versioned_terminated_" + NAMES.incrementAndGet();
        PGSimpleDataSource victim = dataSource(PostgresServer.USER);
        victim.setApplicationName(application);
        DataSource terminatedBeforeEachStatement = GatedDataSource.of(victim, () -> server.execute(
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

    private PGSimpleDataSource dataSource(String user) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {server.port()});
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
}
