package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.testsupport.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The kit's metadata port contract and the JDBC specifics on a real PostgreSQL server ({@link PostgresServer#shared()});
 * each test gets fresh, empty schemas (the first of the connections' search path), dropped afterwards.
 */
class PostgresAdapterTest extends JdbcAdapterContract {

    private final List<PostgresServer.Schema> created = new ArrayList<>();

    @Override
    protected JdbcConfig newDatabase() {
        PostgresServer.Schema schema = PostgresServer.shared().freshSchema();
        created.add(schema);
        return JdbcConfig.builder().jdbcUrl(schema.jdbcUrl()).user(PostgresServer.USER).maximumPoolSize(10).build();
    }

    @Override
    protected void releaseDatabases() {
        created.forEach(PostgresServer.shared()::drop);
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
}
