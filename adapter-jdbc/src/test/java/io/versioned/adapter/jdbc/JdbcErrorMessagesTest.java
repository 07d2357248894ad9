package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the H2 port says when a call fails, and the edges of its arguments that the port Javadoc leaves to the
 * adapter.
 */
class JdbcErrorMessagesTest {

    @TempDir
    Path directory;

    private JdbcMetadataPort port;

    @BeforeEach
    void openPort() {
        port = JdbcMetadataPort.open(JdbcConfig.embeddedH2(directory));
        port.bootstrap();
    }

    @AfterEach
    void closePort() {
        port.close();
    }

    @Test
    void aStatementTheDatabaseRefusesIsNamedWithItsActionAndSqlState() {
        VersionRecord tooLong = new VersionRecord("doc", Version.of(1), Instant.EPOCH, false, "f".repeat(65), 1,
                "text/plain", Map.of(), BlobKeys.of("doc", Version.of(1)), Map.of(), 1);

        assertThatThrownBy(() -> port.createVersion(tooLong)).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("creating version 1 of doc failed: SQLSTATE 22001: ")
                .hasMessageNotContaining("cannot connect").hasMessageNotContaining("no space left");
    }

    @Test
    void aRowLockHeldTooLongByAnotherWriterIsARetryableFailure() throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("locked").toAbsolutePath() + ";LOCK_TIMEOUT=100";
        AliasRecord production = new AliasRecord("doc", "production", Instant.EPOCH, AliasTarget.of(Version.of(1)), 1);
        try (JdbcMetadataPort locked = JdbcMetadataPort.open(JdbcConfig.builder().jdbcUrl(url).user("sa").build());
             Connection other = DriverManager.getConnection(url, "sa", "")) {
            locked.bootstrap();
            locked.createAlias(production);
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("UPDATE versioned_aliases SET revision = revision WHERE name = 'doc'");
            }

            assertThatThrownBy(() -> locked.updateAlias(production, 1)).as("updateAlias while the row is locked")
                    .isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("updating alias production of doc failed: SQLSTATE HYT00: ")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).as("retryable").isTrue());
            other.rollback();
        }
    }

    @Test
    void aHistoryLimitOfZeroReadsNothing() {
        AliasTarget five = AliasTarget.of(Version.of(5));
        port.appendAliasHistory(new AliasChange("doc", "production", 1, Instant.parse("2026-01-02T03:04:05Z"),
                Optional.empty(), Optional.of(five)));

        assertThat(port.aliasHistory("doc", "production", 0)).as("aliasHistory(\"doc\", \"production\", 0)")
                .isEmpty();
        assertThat(port.aliasHistory("doc", "production", 1)).as("aliasHistory(\"doc\", \"production\", 1)")
                .hasSize(1);
    }
}
