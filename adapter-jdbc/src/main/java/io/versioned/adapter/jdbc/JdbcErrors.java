package io.versioned.adapter.jdbc;

import io.versioned.api.BackendException;
import io.versioned.core.port.DiskFull;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.ConnectionException;

/**
 * The one place where JDBC and Jdbi failures become port exceptions. A failure is recognised by the SQLSTATE of
 * the first {@link SQLException} in its cause chain, which PostgreSQL and H2 agree on for what matters here.
 */
final class JdbcErrors {

    /** H2's SQLSTATE of a database file that another process has open. */
    private static final String H2_DATABASE_IN_USE = "90020";

    /** H2's SQLSTATE of a database file it cannot read (truncated, overwritten). */
    private static final String H2_FILE_CORRUPTED = "90030";

    /** A database file in an H2 message: {@code /dir/metadata.mv.db}. */
    private static final Pattern H2_FILE = Pattern.compile("((?:[A-Za-z]:)?[/\\\\][^\"]*?\\.mv\\.db)");

    /** SQLSTATE of a unique or primary key violation, on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * SQLSTATEs after which the same call may succeed: serialization failure and deadlock (40001, 40P01), server
     * shutting down or starting (57P01-57P03), H2 lock timeout (HYT00), H2 database in use by another process
     * (90020), H2 concurrent update (90131).
     */
    private static final Set<String> TRANSIENT_STATES =
            Set.of("40001", "40P01", "57P01", "57P02", "57P03", "HYT00", "90020", "90131");

    /**
     * SQLSTATEs of a collision with a concurrent writer of the same rows or tables: a unique violation, a table or
     * object created meanwhile (42P07 and 42710 on PostgreSQL, 42S01 on H2), a serialization failure, a
     * deadlock or a lock time-out.
     */
    private static final Set<String> RACE_STATES =
            Set.of(UNIQUE_VIOLATION, "42P07", "42710", "42S01", "40001", "40P01", "HYT00");

    private JdbcErrors() {
    }

    /** True when {@code failure} comes from a collision with a concurrent writer (see {@link #RACE_STATES}). */
    static boolean isRaceWithAnotherWriter(Throwable failure) {
        SQLException sql = sqlException(failure);
        return sql != null && sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState());
    }

    /**
     * True when {@code failure} names a table that does not exist (42S02 on H2, 42P01 on PostgreSQL): during a
     * schema migration, a table a concurrent migrator has not committed yet.
     */
    static boolean isTableMissing(Throwable failure) {
        SQLException sql = sqlException(failure);
        return sql != null && ("42S02".equals(sql.getSQLState()) || "42P01".equals(sql.getSQLState()));
    }

    /** True when {@code failure} was caused by a unique or primary key violation. */
    static boolean isUniqueViolation(Throwable failure) {
        SQLException sql = sqlException(failure);
        return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /**
     * The {@link BackendException} for a failed {@code action}. Three conditions an operator must act on get one
     * plain sentence without the action: an H2 file another program opened without sharing it ("busy",
     * retryable), a corrupted H2 file (not retryable: restore a backup) and a full disk (not retryable: free
     * space). Otherwise the message names
     * the action and says when no connection could be had (Jdbi's {@link ConnectionException}: the database is
     * down or refuses the login); retryable for lost or refused connections, pool time-outs, serialization
     * failures, deadlocks, lock time-outs and lack of server resources.
     */
    static BackendException backend(String action, Throwable failure) {
        if (hasState(failure, H2_DATABASE_IN_USE)) {
            return new BackendException("the database " + h2File(failure) + " is busy: another program has it open "
                    + "without sharing it (an H2 tool started without AUTO_SERVER=TRUE?)", failure, true);
        }
        if (isCorruptedH2File(failure)) {
            return new BackendException("the database " + h2File(failure) + " is corrupted: restore it from a "
                    + "backup; this is not temporary", failure, false);
        }
        if (DiskFull.causedBy(failure)) {
            return new BackendException("no space left on the device of the database: " + action
                    + " failed; free some space", failure, false);
        }
        String reason = failure instanceof ConnectionException ? "cannot connect to the database: " : "";
        return new BackendException(action + " failed: " + reason + describe(failure), failure,
                isTransient(failure));
    }

    /** True if an {@link SQLException} in the cause chain of {@code failure} has SQLSTATE {@code state}. */
    /** Whether H2 refused to open its database file because the file is corrupted (SQLSTATE 90030). */
    static boolean isCorruptedH2File(Throwable failure) {
        return hasState(failure, H2_FILE_CORRUPTED);
    }

    private static boolean hasState(Throwable failure, String state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The H2 file an H2 message names ({@code /dir/metadata.mv.db}), else "file". */
    private static String h2File(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher file = H2_FILE.matcher(String.valueOf(t.getMessage()));
            if (file.find()) {
                return file.group(1);
            }
        }
        return "file";
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // class 08: connection exception; class 53: insufficient resources
                if (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The SQLSTATE and message of the innermost SQLException (a pool time-out wraps the driver's reason). */
    private static String describe(Throwable failure) {
        SQLException innermost = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                innermost = sql;
            }
        }
        if (innermost == null) {
            return String.valueOf(failure.getMessage());
        }
        return "SQLSTATE " + innermost.getSQLState() + ": " + innermost.getMessage();
    }
}
