package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.versioned.api.BackendException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool settings of a {@link JdbcConfig}, each one seen at work on a real H2 database. */
class ConnectionPoolsTest {

    /** How long a call waits for a connection that cannot be had: time enough for H2 to open one on a busy machine. */
    private static final Duration REFUSED_AFTER = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    @Test
    void theDatabaseIsOpenedAsTheConfiguredUserWithTheConfiguredPassword() {
        JdbcConfig owner = JdbcConfig.builder().jdbcUrl(url()).user("app").password("s3cret").build();
        try (JdbcMetadataPort port = JdbcMetadataPort.open(owner)) {
            // the first connection creates the H2 database with these credentials
            port.bootstrap();
            port.registerArtifactName("doc");
        }

        try (JdbcMetadataPort port = JdbcMetadataPort.open(owner)) {
            assertThat(port.listArtifactNames()).as("listArtifactNames() with the owner's credentials")
                    .containsExactly("doc");
        }
        for (JdbcConfig stranger : new JdbcConfig[] {config("app", "wrong"), config("other", "s3cret")}) {
            try (JdbcMetadataPort port = JdbcMetadataPort.open(stranger)) {
                assertThatThrownBy(port::listArtifactNames).as("listArtifactNames() as %s", stranger)
                        .isInstanceOf(BackendException.class)
                        .hasMessageStartingWith("listing the artifact names failed: cannot connect to the database: ");
            }
        }
    }

    @Test
    void thePoolOpensAtMostTheConfiguredNumberOfConnections() throws Exception {
        JdbcConfig one = JdbcConfig.builder().jdbcUrl(url()).user("sa").maximumPoolSize(1)
                .connectionTimeout(REFUSED_AFTER).build();
        try (HikariDataSource pool = ConnectionPools.create(one)) {
            awaitOpenConnections(pool, 1);
            try (Connection held = pool.getConnection()) {
                assertThat(held.isValid(1)).isTrue();

                assertThatThrownBy(pool::getConnection).as("a second connection while the only one is held")
                        .isInstanceOf(SQLTransientConnectionException.class);
            }
        }
    }

    @Test
    void thePoolIsNamedForTheMetadataItServes() {
        try (HikariDataSource pool = ConnectionPools.create(config("sa", ""))) {
            assertThat(pool.getPoolName()).as("the name in Hikari's log lines, threads and JMX beans")
                    .isEqualTo("versioned-metadata");
        }
    }

    /** Waits until the pool has opened {@code count} connections in the background, whatever the machine's load. */
    private static void awaitOpenConnections(HikariDataSource pool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pool.getHikariPoolMXBean().getTotalConnections() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).as("connections the pool opened").isEqualTo(count);
    }

    private JdbcConfig config(String user, String password) {
        return JdbcConfig.builder().jdbcUrl(url()).user(user).password(password).connectionTimeout(REFUSED_AFTER)
                .build();
    }

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("metadata").toAbsolutePath();
    }
}
