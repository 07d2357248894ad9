package io.versioned.embedded;

import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.testsupport.PostgresServer;

/** The configuration of a connection pool on a schema of the test JVM's PostgreSQL server, as applications write one. */
final class PostgresSchemaConfig {

    private PostgresSchemaConfig() {
    }

    /** A pool configuration whose connections use {@code schema}, as the server's superuser. */
    static JdbcConfig of(PostgresServer.Schema schema) {
        return JdbcConfig.builder().jdbcUrl(schema.jdbcUrl()).user(PostgresServer.USER).build();
    }
}
