package io.versioned.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Creates the HikariCP connection pool for a {@link JdbcConfig}. */
final class ConnectionPools {

    private static final String H2_URL = "jdbc:h2:";

    private ConnectionPools() {
    }

    /**
     * A pool whose creation does not wait for the database (it connects in the background and on demand), so a
     * database that is down shows up as a {@link io.versioned.api.BackendException} of the port calls, not here. An
     * H2 database is opened through {@link CorruptionAwareDataSource}, which stops opening a file found corrupted.
     *
     * @throws IllegalArgumentException if no JDBC driver on the class path accepts the URL
     */
    static HikariDataSource create(JdbcConfig config) {
        requireDriver(config.jdbcUrl());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("versioned-metadata");
        if (config.jdbcUrl().startsWith(H2_URL)) {
            hikari.setDataSource(new CorruptionAwareDataSource(config.jdbcUrl(), config.user(), config.password()));
        } else {
            hikari.setJdbcUrl(config.jdbcUrl());
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    /** Hikari would otherwise fail with a bare {@link RuntimeException} when no driver accepts the URL. */
    private static void requireDriver(String jdbcUrl) {
        try {
            DriverManager.getDriver(jdbcUrl);
        } catch (SQLException e) {
            throw new IllegalArgumentException("jdbcUrl: no JDBC driver on the class path accepts it (H2 and "
                    + "PostgreSQL are included), got " + jdbcUrl, e);
        }
    }
}
