package io.versioned.adapter.jdbc;

import io.versioned.api.BackendException;
import io.versioned.core.port.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Brings the schema up to date. Applied versions are rows of {@code versioned_schema_version}; each migration
 * ({@code db/migration/V{n}__{description}.sql} on the class path, listed in {@link #SCRIPTS}) runs in its own
 * transaction together with the insert of its row, and is skipped when its row exists.
 *
 * <p>Processes that migrate one database at the same time all succeed: the loser of a race fails on the primary
 * key of the version row (or on a table that the winner just created), finds the row present and moves on. For
 * that, every statement of a migration must be idempotent ({@code IF NOT EXISTS}), because H2 commits DDL at once.
 */
final class SchemaMigrator {

    /** The migrations, in the order they are applied. */
    static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__alias_target_facts.sql");

    private static final String RESOURCE_DIRECTORY = "/db/migration/";
    /**
     * Serializes the migrations of this JVM: H2 fails with internal errors (a NullPointerException inside
     * {@code ALTER TABLE}) when two sessions alter one table at once, as ports on one database bootstrapping together
     * do. Processes sharing an H2 file are serialized by {@link FileMigrationLock}; other processes are told apart by
     * the database itself (see {@link #retrying}).
     */
    private static final Object MIGRATION_LOCK = new Object();
    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

    private final Jdbi jdbi;

    SchemaMigrator(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Applies every migration not applied yet.
     *
     * @throws BackendException if the database fails, or holds a schema newer than this library
     */
    void migrate() {
        synchronized (MIGRATION_LOCK) {
            try (FileMigrationLock processes = FileMigrationLock.acquire(jdbcUrl())) {
                migrateNow();
            }
        }
    }

    private String jdbcUrl() {
        try {
            return jdbi.withHandle(handle -> handle.getConnection().getMetaData().getURL());
        } catch (JdbiException | SQLException e) {
            throw JdbcErrors.backend("reading the database's URL", e);
        }
    }

    private void migrateNow() {
        retrying("creating the table versioned_schema_version", this::versionTableExists, () ->
                jdbi.useHandle(handle -> handle.execute("CREATE TABLE IF NOT EXISTS versioned_schema_version ("
                        + "version INTEGER NOT NULL PRIMARY KEY, applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)")));
        int newestKnown = versionOf(SCRIPTS.get(SCRIPTS.size() - 1));
        int newestApplied = newestApplied();
        if (newestApplied > newestKnown) {
            throw new BackendException("the metadata schema is at version " + newestApplied
                    + ", newer than this library knows (" + newestKnown + "); upgrade the library", null, false);
        }
        for (String script : SCRIPTS) {
            int version = versionOf(script);
            List<String> statements = statements(script);
            retrying("applying schema migration " + script, () -> isApplied(version), () ->
                    jdbi.useTransaction(handle -> {
                        statements.forEach(handle::execute);
                        handle.createUpdate("INSERT INTO versioned_schema_version (version, applied_at) "
                                + "VALUES (:version, CURRENT_TIMESTAMP)").bind("version", version).execute();
                    }));
        }
    }

    /**
     * Runs {@code step} unless {@code done}. After a collision with a concurrent migrator (including a table it has
     * not committed yet: its {@code CREATE TABLE IF NOT EXISTS} may make ours a no-op before the table is visible),
     * checks {@code done} again and tries again if it does not hold yet; any other failure ends the migration at
     * once.
     */
    private void retrying(String action, Check done, Runnable step) {
        for (int attempt = 0; ; attempt++) {
            try {
                if (done.holds()) {
                    return;
                }
                step.run();
                return;
            } catch (JdbiException e) {
                if (!JdbcErrors.isRaceWithAnotherWriter(e) && !JdbcErrors.isTableMissing(e)) {
                    throw JdbcErrors.backend(action, e);
                }
                RetryPolicy.LOST_RACES.afterLostRace(attempt, action,
                        message -> new BackendException(message, e, true));
            }
        }
    }

    /**
     * Looks the table up in the standard catalog rather than querying it, so that a fresh database does not log a
     * "table not found" error (H2 writes those to a trace file beside the database).
     */
    private boolean versionTableExists() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM information_schema.tables "
                        + "WHERE LOWER(table_name) = 'versioned_schema_version' AND table_schema = CURRENT_SCHEMA")
                .mapTo(Integer.class).one()) > 0;
    }

    private boolean isApplied(int version) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM versioned_schema_version WHERE version = :version")
                .bind("version", version).mapTo(Integer.class).one()) > 0;
    }

    private int newestApplied() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT COALESCE(MAX(version), 0) FROM versioned_schema_version").mapTo(Integer.class).one());
        } catch (JdbiException e) {
            throw JdbcErrors.backend("reading the schema version", e);
        }
    }

    private static int versionOf(String script) {
        Matcher matcher = SCRIPT_NAME.matcher(script);
        if (!matcher.matches()) {
            throw new BackendException("migration " + script + " is not named V{n}__{description}.sql", null, false);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The statements of a script: separated by {@code ;}, without {@code --} comment lines. */
    private static List<String> statements(String script) {
        String text;
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(RESOURCE_DIRECTORY + script)) {
            if (in == null) {
                throw new BackendException("migration " + script + " is missing from the class path", null, false);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackendException("reading migration " + script + " failed", e, false);
        }
        String withoutComments = text.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }


    /** A condition that may query the database. */
    @FunctionalInterface
    private interface Check {
        boolean holds();
    }
}
