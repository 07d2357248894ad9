package io.versioned.adapter.jdbc;

import io.versioned.api.AliasChange;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.RetryPolicy;
import io.versioned.core.port.VersionRecord;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A {@link MetadataPort} on a relational database through Jdbi, with portable SQL that runs on H2 2.x (the
 * embedded default) and PostgreSQL. {@link #bootstrap()} creates and migrates the schema (see
 * {@link SchemaMigrator}).
 *
 * <p>Each write is one statement in auto-commit mode (inserts rely on the primary key for put-if-absent;
 * compare-and-set is an {@code UPDATE ... WHERE revision = ?} whose row count tells whether it applied), except
 * {@link #allocateVersionNumber}, {@link #purgeArtifact}, {@link #writeAlias} and {@link #removeAlias}, which are
 * short transactions (an alias change and its history entry are committed together). Under READ COMMITTED,
 * the default of both databases, a conditional update that waits for a concurrent writer's row lock re-checks
 * its condition against the committed row, so exactly one of racing writers wins. Reads are single statements
 * and see every committed write. Listing order is Java's {@link String} order, whatever the database collation.
 *
 * <p>A write returns only once it is durable: on H2 each one is followed by {@code CHECKPOINT SYNC}, which forces
 * the file to the disk; PostgreSQL does so at commit ({@code synchronous_commit}, on by default).
 *
 * <p>Every database failure becomes an {@link io.versioned.api.BackendException} (see {@link JdbcErrors});
 * thread-safe.
 */
public final class JdbcMetadataPort implements MetadataPort, AutoCloseable {

    /**
     * The query of {@link #newestVersions}: LATEST's row, and the published rows from the highest live number up.
     * The highest live number is found walking the primary key backwards ({@code ORDER BY name DESC, version DESC}
     * matches the key's column order, which H2 2.3 needs to scan an index in reverse; with {@code ORDER BY version
     * DESC} alone it reads every row of the artifact and sorts them). LATEST and the published rows are two range
     * reads joined by {@code UNION ALL}: with {@code version = 0 OR version >= ...} in one condition H2 reads every
     * row of the artifact too.
     */
    static final String NEWEST_VERSIONS = "SELECT " + Rows.VERSION_COLUMNS + " FROM ("
            + "SELECT " + Rows.VERSION_COLUMNS + " FROM versioned_versions WHERE name = :name AND version = 0 "
            + "UNION ALL SELECT " + Rows.VERSION_COLUMNS + " FROM versioned_versions WHERE name = :name "
            + "AND version > 0 AND version >= COALESCE((SELECT version FROM versioned_versions "
            + "WHERE name = :name AND version > 0 AND deleted = FALSE "
            + "ORDER BY name DESC, version DESC FETCH FIRST 1 ROWS ONLY), 0)) AS newest "
            + "ORDER BY CASE WHEN version = 0 THEN 0 ELSE 1 END, version DESC";


    private final Jdbi jdbi;
    private final AutoCloseable ownedPool;
    private final StartupCheck startupCheck;
    private volatile Boolean h2;

    /**
     * A port on a data source that the caller owns and closes; {@link #close()} leaves it open.
     *
     * @param dataSource connections to an H2 2.x or PostgreSQL database
     */
    public JdbcMetadataPort(DataSource dataSource) {
        this(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")), () -> {
        }, () -> {
        });
    }

    private JdbcMetadataPort(Jdbi jdbi, AutoCloseable ownedPool, StartupCheck startupCheck) {
        this.jdbi = jdbi;
        this.ownedPool = ownedPool;
        this.startupCheck = startupCheck;
    }

    /**
     * A port with its own connection pool for {@code config}; {@link #close()} closes the pool. Opening does not
     * wait for the database: one that cannot be reached makes the calls fail with a retryable
     * {@link BackendException} after {@link JdbcConfig#connectionTimeout()}.
     *
     * @throws IllegalArgumentException if no JDBC driver on the class path accepts {@link JdbcConfig#jdbcUrl()}
     */
    public static JdbcMetadataPort open(JdbcConfig config) {
        var pool = ConnectionPools.create(Objects.requireNonNull(config, "config"));
        AutoCloseable closer = H2FileUrl.isShared(config.jdbcUrl())
                ? new ServedDatabaseCloser(pool, ServedDatabaseCloser.LIMIT) : pool;
        StartupCheck startupCheck = pool.getDataSource() instanceof CorruptionAwareDataSource h2
                ? h2::checkNotCorrupted : () -> {
                };
        return new JdbcMetadataPort(Jdbi.create(pool), closer, startupCheck);
    }

    /**
     * Closes the connection pool if this port opened it ({@link #open(JdbcConfig)}). Idempotent. On a file shared
     * between processes ({@link JdbcConfig#embeddedH2}), a process that serves the file to others first waits up to
     * 10 s for their sessions to end, so that their statements in flight are not cut off (see
     * {@code ServedDatabaseCloser}).
     */
    @Override
    public void close() {
        try {
            ownedPool.close();
        } catch (Exception e) {
            throw JdbcErrors.backend("closing the connection pool", e);
        }
    }

    /**
     * Creates or migrates the schema; safe to call from several processes at once. Idempotent. On an H2 file opened
     * by {@link #open(JdbcConfig)}, a corrupted file fails here at once, without the pool's connection time-out.
     */
    @Override
    public void bootstrap() {
        try {
            startupCheck.run();
        } catch (SQLException e) {
            throw JdbcErrors.backend("opening the database", e);
        }
        new SchemaMigrator(jdbi).migrate();
    }

    @Override
    public Optional<VersionRecord> getVersion(String name, Version version) {
        return read("reading version " + version + " of " + name, handle -> handle.createQuery(
                        "SELECT " + Rows.VERSION_COLUMNS + " FROM versioned_versions WHERE name = :name AND version = :version")
                .bind("name", name).bind("version", version.number())
                .map(Rows.VERSION).findOne());
    }

    @Override
    public List<VersionRecord> listVersions(String name) {
        return read("listing the versions of " + name, handle -> handle.createQuery(
                        "SELECT " + Rows.VERSION_COLUMNS + " FROM versioned_versions WHERE name = :name ORDER BY version")
                .bind("name", name)
                .map(Rows.VERSION).list());
    }

    /**
     * {@inheritDoc} One query ({@link #NEWEST_VERSIONS}) that reads LATEST's row and walks the primary key from the
     * highest number down to the highest live version, so its cost does not grow with the artifact's older versions.
     */
    @Override
    public List<VersionRecord> newestVersions(String name) {
        return read("reading the newest versions of " + name, handle -> handle.createQuery(NEWEST_VERSIONS)
                .bind("name", name)
                .map(Rows.VERSION).list());
    }

    @Override
    public void createVersion(VersionRecord record) {
        insert("creating version " + record.version() + " of " + record.name(),
                "version " + record.version() + " of " + record.name() + " already exists",
                handle -> Rows.bindVersion(handle.createUpdate("INSERT INTO versioned_versions (" + Rows.VERSION_COLUMNS
                        + ") VALUES (:name, :version, :update_at, :deleted, :sha256, :size_bytes, :content_type, "
                        + ":metadata_json, :blob_key, :alias_pins_json, :revision)"), record).execute());
    }

    @Override
    public void updateVersion(VersionRecord record, long expectedRevision) {
        updateAtRevision("version " + record.version() + " of " + record.name(), expectedRevision,
                handle -> Rows.bindVersion(handle.createUpdate("UPDATE versioned_versions SET update_at = :update_at, "
                        + "deleted = :deleted, sha256 = :sha256, size_bytes = :size_bytes, content_type = :content_type, "
                        + "metadata_json = :metadata_json, blob_key = :blob_key, alias_pins_json = :alias_pins_json, "
                        + "revision = :revision WHERE name = :name AND version = :version AND revision = :expected"),
                        record).bind("expected", expectedRevision).execute());
    }

    @Override
    public void deleteVersion(String name, Version version, long expectedRevision) {
        String what = "version " + version + " of " + name;
        deleteAtRevision(what, expectedRevision,
                handle -> handle.createUpdate("DELETE FROM versioned_versions "
                                + "WHERE name = :name AND version = :version AND revision = :expected")
                        .bind("name", name).bind("version", version.number()).bind("expected", expectedRevision)
                        .execute(),
                handle -> handle.createQuery("SELECT revision FROM versioned_versions "
                                + "WHERE name = :name AND version = :version")
                        .bind("name", name).bind("version", version.number()).mapTo(Long.class).findOne());
    }

    /**
     * {@inheritDoc} One transaction: raise the counter row (the update locks it, so racing callers queue), or
     * insert it if absent; a caller that loses the race to insert the first row tries again.
     */
    @Override
    public int allocateVersionNumber(String name, int atLeast) {
        String action = "allocating a version number for " + name;
        for (int attempt = 0; ; attempt++) {
            try {
                return durably(transaction -> transaction.inTransaction(handle -> {
                    int raised = handle.createUpdate("UPDATE versioned_counters "
                                    + "SET last_number = GREATEST(last_number + 1, :at_least) WHERE name = :name")
                            .bind("name", name).bind("at_least", atLeast).execute();
                    if (raised == 1) {
                        return handle.createQuery("SELECT last_number FROM versioned_counters WHERE name = :name")
                                .bind("name", name).mapTo(Integer.class).one();
                    }
                    int first = Math.max(1, atLeast);
                    handle.createUpdate("INSERT INTO versioned_counters (name, last_number) VALUES (:name, :first)")
                            .bind("name", name).bind("first", first).execute();
                    return first;
                }));
            } catch (JdbiException e) {
                if (!JdbcErrors.isUniqueViolation(e)) {
                    throw JdbcErrors.backend(action, e);
                }
                RetryPolicy.LOST_RACES.afterLostRace(attempt, action, JdbcMetadataPort::retryable);
            }
        }
    }

    @Override
    public Optional<AliasRecord> getAlias(String name, String alias) {
        return read("reading alias " + alias + " of " + name, handle -> handle.createQuery(
                        "SELECT " + Rows.ALIAS_COLUMNS + " FROM versioned_aliases WHERE name = :name AND alias = :alias")
                .bind("name", name).bind("alias", alias)
                .map(Rows.ALIAS).findOne());
    }

    @Override
    public List<AliasRecord> listAliases(String name) {
        List<AliasRecord> aliases = new ArrayList<>(read("listing the aliases of " + name, handle -> handle.createQuery(
                        "SELECT " + Rows.ALIAS_COLUMNS + " FROM versioned_aliases WHERE name = :name")
                .bind("name", name)
                .map(Rows.ALIAS).list()));
        aliases.sort(Comparator.comparing(AliasRecord::alias));
        return aliases;
    }

    @Override
    public void createAlias(AliasRecord record) {
        insert("creating alias " + record.alias() + " of " + record.name(),
                "alias " + record.alias() + " of " + record.name() + " already exists",
                handle -> Rows.bindAlias(handle.createUpdate(Rows.INSERT_ALIAS), record).execute());
    }

    @Override
    public void updateAlias(AliasRecord record, long expectedRevision) {
        updateAtRevision("alias " + record.alias() + " of " + record.name(), expectedRevision,
                handle -> Rows.bindAlias(handle.createUpdate(Rows.UPDATE_ALIAS), record)
                        .bind("expected", expectedRevision).execute());
    }

    @Override
    public void deleteAlias(String name, String alias, long expectedRevision) {
        String what = "alias " + alias + " of " + name;
        deleteAtRevision(what, expectedRevision,
                handle -> handle.createUpdate("DELETE FROM versioned_aliases "
                                + "WHERE name = :name AND alias = :alias AND revision = :expected")
                        .bind("name", name).bind("alias", alias).bind("expected", expectedRevision).execute(),
                handle -> handle.createQuery("SELECT revision FROM versioned_aliases "
                                + "WHERE name = :name AND alias = :alias")
                        .bind("name", name).bind("alias", alias).mapTo(Long.class).findOne());
    }

    @Override
    public void appendAliasHistory(AliasChange change) {
        insert("appending to the history of alias " + change.alias() + " of " + change.name(),
                "the history of alias " + change.alias() + " of " + change.name() + " already has revision "
                        + change.revision(),
                handle -> Rows.bindHistory(handle.createUpdate("INSERT INTO versioned_alias_history ("
                        + Rows.HISTORY_COLUMNS + ") VALUES (:name, :alias, :revision, :changed_at, :prev_version, "
                        + ":prev_secondary_version, :prev_secondary_weight, :cur_version, :cur_secondary_version, "
                        + ":cur_secondary_weight)"), change).execute());
    }

    /** {@inheritDoc} One transaction: the alias record and its history entry are committed together or not at all. */
    @Override
    public void writeAlias(AliasRecord record, OptionalLong expectedRevision, AliasChange change) {
        String what = "alias " + record.alias() + " of " + record.name();
        aliasTransaction("writing " + what + " and its history", what + (expectedRevision.isPresent()
                ? " is absent or not at revision " + expectedRevision.getAsLong() : " already exists"), handle -> {
            if (expectedRevision.isEmpty()) {
                return Rows.bindAlias(handle.createUpdate(Rows.INSERT_ALIAS), record).execute() == 1;
            }
            return Rows.bindAlias(handle.createUpdate(Rows.UPDATE_ALIAS), record)
                    .bind("expected", expectedRevision.getAsLong()).execute() == 1;
        }, change);
    }

    /** {@inheritDoc} One transaction: the removal and the history entry are committed together or not at all. */
    @Override
    public void removeAlias(String name, String alias, long expectedRevision, AliasChange change) {
        String what = "alias " + alias + " of " + name;
        aliasTransaction("removing " + what + " and recording it in its history",
                what + " is not at revision " + expectedRevision, handle -> {
                    int removed = handle.createUpdate("DELETE FROM versioned_aliases "
                                    + "WHERE name = :name AND alias = :alias AND revision = :expected")
                            .bind("name", name).bind("alias", alias).bind("expected", expectedRevision).execute();
                    if (removed == 1) {
                        return true;
                    }
                    Optional<Long> stored = handle.createQuery("SELECT revision FROM versioned_aliases "
                                    + "WHERE name = :name AND alias = :alias")
                            .bind("name", name).bind("alias", alias).mapTo(Long.class).findOne();
                    if (stored.isPresent()) {
                        return false;
                    }
                    throw new AbsentAlias();
                }, change);
    }

    /** Thrown inside {@link #removeAlias} to roll back when the alias is already gone (a no-op, not a failure). */
    private static final class AbsentAlias extends RuntimeException {
        AbsentAlias() {
            super(null, null, false, false);
        }
    }

    /**
     * One transaction: {@code change} applies the alias write and tells whether its condition held; if it did, the
     * history entry is inserted unless present, and both are committed; if not, nothing is.
     */
    private void aliasTransaction(String action, String failedCondition,
                                  HandleCallback<Boolean, RuntimeException> change, AliasChange entry) {
        boolean applied;
        try {
            applied = durably(transaction -> transaction.inTransaction(handle -> {
                if (!change.withHandle(handle)) {
                    return false;
                }
                Rows.bindHistory(handle.createUpdate("INSERT INTO versioned_alias_history ("
                        + Rows.HISTORY_COLUMNS + ") SELECT :name, :alias, :revision, :changed_at, :prev_version, "
                        + ":prev_secondary_version, :prev_secondary_weight, :cur_version, :cur_secondary_version, "
                        + ":cur_secondary_weight WHERE NOT EXISTS (SELECT 1 FROM versioned_alias_history "
                        + "WHERE name = :name AND alias = :alias AND revision = :revision)"), entry).execute();
                return true;
            }));
        } catch (AbsentAlias e) {
            return;
        } catch (JdbiException e) {
            if (JdbcErrors.isUniqueViolation(e)) {
                throw new PreconditionFailedException(failedCondition);
            }
            throw JdbcErrors.backend(action, e);
        }
        if (!applied) {
            throw new PreconditionFailedException(failedCondition);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    @Override
    public List<AliasChange> aliasHistory(String name, String alias, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, got " + limit);
        }
        return read("reading the history of alias " + alias + " of " + name, handle -> handle.createQuery(
                        "SELECT " + Rows.HISTORY_COLUMNS + " FROM versioned_alias_history "
                                + "WHERE name = :name AND alias = :alias ORDER BY revision DESC LIMIT :limit")
                .bind("name", name).bind("alias", alias).bind("limit", limit)
                .map(Rows.HISTORY).list());
    }

    /** {@inheritDoc} An insert that skips a present name; a lost race to insert it is ignored. */
    @Override
    public void registerArtifactName(String name) {
        String action = "registering the artifact name " + name;
        try {
            durably(handle -> handle.createUpdate("INSERT INTO versioned_artifact_names (name) "
                            + "SELECT CAST(:name AS VARCHAR(128)) WHERE NOT EXISTS "
                            + "(SELECT 1 FROM versioned_artifact_names WHERE name = :name)")
                    .bind("name", name).execute());
        } catch (JdbiException e) {
            if (!JdbcErrors.isUniqueViolation(e)) {
                throw JdbcErrors.backend(action, e);
            }
        }
    }

    @Override
    public List<String> listArtifactNames() {
        List<String> names = new ArrayList<>(read("listing the artifact names", handle -> handle.createQuery(
                "SELECT name FROM versioned_artifact_names").mapTo(String.class).list()));
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** {@inheritDoc} One transaction over the five tables. */
    @Override
    public void purgeArtifact(String name) {
        try {
            durably(transaction -> transaction.inTransaction(handle -> {
                for (String table : List.of("versioned_versions", "versioned_aliases", "versioned_alias_history",
                        "versioned_counters", "versioned_artifact_names")) {
                    handle.createUpdate("DELETE FROM " + table + " WHERE name = :name").bind("name", name).execute();
                }
                return null;
            }));
        } catch (JdbiException e) {
            throw JdbcErrors.backend("purging the records of " + name, e);
        }
    }

    /** Runs an update of a record at {@code expectedRevision}; no row updated means it is absent or elsewhere. */
    private void updateAtRevision(String what, long expectedRevision,
                                  HandleCallback<Integer, RuntimeException> update) {
        if (write("updating " + what, update) == 0) {
            throw new PreconditionFailedException(what + " is absent or not at revision " + expectedRevision);
        }
    }

    /**
     * Deletes a record at {@code expectedRevision}. When nothing was deleted, the record is absent (a no-op) or at
     * another revision (a precondition failure); if it came back at the expected revision in between, try again.
     */
    private void deleteAtRevision(String what, long expectedRevision, HandleCallback<Integer, RuntimeException> delete,
                                  HandleCallback<Optional<Long>, RuntimeException> revision) {
        for (int attempt = 0; ; attempt++) {
            if (write("deleting " + what, delete) == 1) {
                return;
            }
            Optional<Long> stored = read("reading the revision of " + what, revision);
            if (stored.isEmpty()) {
                return;
            }
            if (stored.get() != expectedRevision) {
                throw new PreconditionFailedException(what + " is not at revision " + expectedRevision);
            }
            RetryPolicy.LOST_RACES.afterLostRace(attempt, "deleting " + what, JdbcMetadataPort::retryable);
        }
    }

    private static BackendException retryable(String message) {
        return new BackendException(message, null, true);
    }

    /** Runs an insert; a primary key violation means the record exists: {@code existsMessage}. */
    private void insert(String action, String existsMessage, HandleCallback<Integer, RuntimeException> statement) {
        try {
            durably(statement);
        } catch (JdbiException e) {
            if (JdbcErrors.isUniqueViolation(e)) {
                throw new PreconditionFailedException(existsMessage);
            }
            throw JdbcErrors.backend(action, e);
        }
    }

    /** Runs a statement that returns a row count. */
    private int write(String action, HandleCallback<Integer, RuntimeException> statement) {
        try {
            return durably(statement);
        } catch (JdbiException e) {
            throw JdbcErrors.backend(action, e);
        }
    }

    /**
     * Runs a write (a statement in auto-commit mode, or a transaction it opens itself) and makes it durable before
     * returning: on H2, {@code CHECKPOINT SYNC} forces the committed change to the disk (H2 writes a commit to the
     * file but does not flush it to the disk); PostgreSQL flushes its write-ahead log at commit itself.
     */
    private <T> T durably(HandleCallback<T, RuntimeException> write) {
        return jdbi.withHandle(handle -> {
            T result = write.withHandle(handle);
            if (isH2(handle)) {
                handle.execute("CHECKPOINT SYNC");
            }
            return result;
        });
    }

    private boolean isH2(Handle handle) {
        Boolean known = h2;
        if (known == null) {
            try {
                known = "H2".equals(handle.getConnection().getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new ConnectionException(e);
            }
            h2 = known;
        }
        return known;
    }

    /** Runs a query; a stored value that does not make a valid record is a non-retryable store failure. */
    private <T> T read(String action, HandleCallback<T, RuntimeException> query) {
        try {
            return jdbi.withHandle(query);
        } catch (JdbiException e) {
            throw JdbcErrors.backend(action, e);
        } catch (IllegalArgumentException e) {
            throw new BackendException(action + " failed: a stored record is invalid: " + e.getMessage(), e, false);
        }
    }

    /** What {@link #bootstrap()} checks before it migrates: for an H2 file, that it is not corrupted. */
    @FunctionalInterface
    private interface StartupCheck {
        void run() throws SQLException;
    }
}
