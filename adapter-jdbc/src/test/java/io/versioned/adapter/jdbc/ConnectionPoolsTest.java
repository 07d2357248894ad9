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

    private static final Duration QUICK = Duration.ofMillis(250);

    @TempDir
    Path directory;

    @Test
    void theDatabaseIsOpenedAsTheConfiguredUserWithTheConfiguredPassword() {
        JdbcConfig owner = config("app", "s3cret");
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
                .connectionTimeout(QUICK).build();
        try (HikariDataSource pool = ConnectionPools.create(one); Connection held = pool.getConnection()) {
            assertThat(held.isValid(1)).isTrue();

            assertThatThrownBy(pool::getConnection).as("a second connection while the only one is held")
                    .isInstanceOf(SQLTransientConnectionException.class);
        }
    }

    @Test
    void thePoolIsNamedForTheMetadataItServes() {
        try (HikariDataSource pool = ConnectionPools.create(config("sa", ""))) {
            assertThat(pool.getPoolName()).as("the name in Hikari's log lines, threads and JMX beans")
                    .isEqualTo("versioned-metadata");
        }
    }

    private JdbcConfig config(String user, String password) {
        return JdbcConfig.builder().jdbcUrl(url()).user(user).password(password).connectionTimeout(QUICK).build();
    }

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("metadata").toAbsolutePath();
    }
}
