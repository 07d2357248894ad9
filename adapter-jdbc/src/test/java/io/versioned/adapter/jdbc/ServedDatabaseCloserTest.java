package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes sharing an embedded H2 file: the one serving it does not close it under the sessions of the others
 * (before, a command started together with others could fail inside H2 when the serving command ended first), and
 * does not wait for them longer than its limit, and a process served by another one closes at once.
 */
class ServedDatabaseCloserTest {

    private static final String OWN_SESSION =
            "SELECT SESSION_ID(), SERVER FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aServingProcessKeepsServingUntilTheOtherProcessesDisconnect() throws Exception {
        JdbcConfig config = JdbcConfig.embeddedH2(dir);
        try (ChildJvm server = ChildJvm.start("serve", dir.toString())) {
            server.await("serving");
            try (Connection client = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
                Session before = session(client);
                assertThat(before.server()).as("this process is served by the child over TCP").isNotNull();

                server.send("close");
                server.await("closing");
                for (int i = 0; i < 20; i++) {
                    client.createStatement()
                            .execute("INSERT INTO versioned_artifact_names (name) VALUES ('n" + i + "')");
                    assertThat(session(client)).as("statement %d after the server began to close", i)
                            .isEqualTo(before);
                    Thread.sleep(50);
                }
                assertThat(server.process().isAlive()).as("the serving process waits for this one").isTrue();
            }
            server.await("closed");
            assertThat(server.finish()).as("the serving process's exit code once this one disconnected").isZero();
        }
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
            assertThat(port.listArtifactNames()).as("every insert made while the server was closing").hasSize(20);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aServingProcessClosesAfterItsLimitWhileAnotherProcessStaysConnected() throws Exception {
        HikariDataSource pool = ConnectionPools.create(JdbcConfig.embeddedH2(dir));
        try (Connection local = pool.getConnection()) {
            assertThat(session(local).server()).as("this process serves the file").isNull();
        }
        try (ChildJvm client = ChildJvm.start("connect", dir.toString())) {
            client.await("connected");
            new ServedDatabaseCloser(pool, Duration.ofMillis(500)).close();
            assertThat(pool.isClosed()).isTrue();
            assertThat(client.process().isAlive()).as("the other process is still connected").isTrue();
            client.send("still there");
            assertThat(client.finish()).as("the other process's exit code").isZero();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aProcessServedByAnotherOneClosesWithoutWaiting() throws Exception {
        try (ChildJvm server = ChildJvm.start("serve", dir.toString())) {
            server.await("serving");
            HikariDataSource pool = ConnectionPools.create(JdbcConfig.embeddedH2(dir));
            try (Connection connection = pool.getConnection()) {
                assertThat(session(connection).server()).as("this process is served by the child").isNotNull();
            }
            new ServedDatabaseCloser(pool, Duration.ofMinutes(10)).close();
            assertThat(pool.isClosed()).isTrue();
            server.send("close");
            server.await("closed");
        }
    }

    /** A session of the database as H2 lists it: its id and, for one that came over TCP, the server it came to. */
    private record Session(int id, String server) {
    }

    private static Session session(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(OWN_SESSION)) {
            assertThat(row.next()).isTrue();
            return new Session(row.getInt(1), row.getString(2));
        }
    }
}
