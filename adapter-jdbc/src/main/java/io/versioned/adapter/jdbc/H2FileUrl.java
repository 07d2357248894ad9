package io.versioned.adapter.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the JDBC URL of an H2 database in a file ({@code jdbc:h2:file:PATH[;SETTING=VALUE...]}), in both forms it
 * comes in: as configured ({@link JdbcConfig#jdbcUrl()}, with its settings) and as the driver reports it
 * ({@link java.sql.DatabaseMetaData#getURL()}, which leaves the settings out).
 */
final class H2FileUrl {

    private static final String H2_FILE = "jdbc:h2:file:";

    private H2FileUrl() {
    }

    /**
     * The database file of {@code jdbcUrl} without H2's {@code .mv.db} suffix ({@code /data/.versioned/metadata}), if
     * it is the URL of an H2 file database; empty for any other database (PostgreSQL, H2 in memory or over TCP).
     */
    static Optional<Path> database(String jdbcUrl) {
        if (!jdbcUrl.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        int settings = jdbcUrl.indexOf(';');
        return Optional.of(Path.of(jdbcUrl.substring(H2_FILE.length(), settings < 0 ? jdbcUrl.length() : settings)));
    }

    /**
     * Whether {@code jdbcUrl}, as configured, is an H2 file that several processes share ({@code AUTO_SERVER=TRUE},
     * H2's automatic mixed mode, as {@link JdbcConfig#embeddedH2(Path)} writes it): the first process to open the
     * file serves it to the others over TCP.
     */
    static boolean isShared(String jdbcUrl) {
        return database(jdbcUrl).isPresent() && jdbcUrl.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE");
    }
}
