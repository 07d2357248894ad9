package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Version;
import io.versioned.core.port.VersionRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query behind {@code newestVersions} (what every publish reads) reads a handful of rows on H2 whatever the
 * number of versions: its plan, from H2's {@code EXPLAIN ANALYZE}, counts the rows each index scan visited. Before
 * its rewrite it visited every row of the artifact twice (H2 did not walk the primary key backwards for
 * {@code ORDER BY version DESC}, and read all rows for {@code version = 0 OR ...}), so a publish at 10,000
 * versions cost 3.5 times one at 1,000 (docs/benchmarks.md, section Scale).
 */
class H2NewestVersionsPlanTest {

    private static final int VERSIONS = 5_000;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @TempDir
    Path directory;

    @Test
    void newestVersionsVisitsAFewRowsOfAnArtifactWithThousandsOfVersions() throws SQLException {
        JdbcConfig config = JdbcConfig.embeddedH2(directory);
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config);
             Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(), "");
             Statement statement = connection.createStatement()) {
            port.bootstrap();
            statement.execute("INSERT INTO versioned_versions (" + Rows.VERSION_COLUMNS + ") SELECT 'doc', X, "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', X > " + (VERSIONS - 3) + ", REPEAT('a', 64), "
                    + "1, 'text/plain', '{}', CONCAT('doc/', X), '{}', 1 FROM SYSTEM_RANGE(0, " + VERSIONS + ")");
            statement.execute("INSERT INTO versioned_versions (" + Rows.VERSION_COLUMNS + ") SELECT 'other', X, "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', FALSE, REPEAT('a', 64), "
                    + "1, 'text/plain', '{}', CONCAT('other/', X), '{}', 1 FROM SYSTEM_RANGE(0, 100)");

            List<Integer> scans = scanCounts(statement, "EXPLAIN ANALYZE "
                    + JdbcMetadataPort.NEWEST_VERSIONS.replace(":name", "'doc'"));

            assertThat(scans).as("rows visited by each index scan of the plan").isNotEmpty().allMatch(n -> n <= 10);
            assertThat(port.newestVersions("doc")).extracting(VersionRecord::version).containsExactly(
                    Version.LATEST, Version.of(VERSIONS), Version.of(VERSIONS - 1), Version.of(VERSIONS - 2),
                    Version.of(VERSIONS - 3));
        }
    }

    private static List<Integer> scanCounts(Statement statement, String explain) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        try (ResultSet plan = statement.executeQuery(explain)) {
            plan.next();
            Matcher matcher = SCAN_COUNT.matcher(plan.getString(1));
            while (matcher.find()) {
                counts.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return counts;
    }
}
