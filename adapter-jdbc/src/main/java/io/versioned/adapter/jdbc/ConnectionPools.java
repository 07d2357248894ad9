package io.versioned.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Creates the HikariCP connection pool for a {@link JdbcConfig}. */
final class ConnectionPools {

    private ConnectionPools() {
    }

    /**
     * A pool whose creation does not wait for the database (it connects in the background and on demand), so a
     * database that is down shows up as a {@link io.versioned.api.BackendException} of the port calls, not here.
     */
    static HikariDataSource create(JdbcConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("versioned-metadata");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }
}
