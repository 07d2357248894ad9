package io.versioned.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes the connection pool of a {@link H2FileUrl#isShared shared H2 file} without cutting off the processes this one
 * serves the file to. When the process that opened the file first ends, H2 closes the database under the sessions
 * of the other processes: a statement they have in flight fails (seen as an internal error inside {@code ALTER
 * TABLE}, or "session closed"), and one that reconnects while the next process is taking the file over is told the
 * file is "in use". So, before closing the pool, a process that serves the file waits until the other processes'
 * sessions (those H2 lists with a {@code SERVER}, as they came over TCP) have ended, polling every
 * {@value #POLL_MILLIS} ms, for at most the limit given; then it closes the pool, and a process still connected
 * after the limit (a long-running {@code versioned sync}, say) reconnects to whichever process takes the file over.
 * A process that is itself served by another one, or whose pool has no connection open, closes at once; so does a
 * serving process whose connections had reconnected to it after the process serving them before ended (H2 then
 * connects them over TCP even to the file their own process opened, so they look served), which the wait makes rare.
 */
final class ServedDatabaseCloser implements AutoCloseable {

    /** How long a serving process waits at most for the other processes to end their sessions. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    static final long POLL_MILLIS = 50;

    private static final String SESSIONS_OF_OTHER_PROCESSES =
            "SELECT (SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NOT NULL), "
                    + "(SELECT SERVER IS NULL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID())";

    private final HikariDataSource pool;
    private final Duration limit;

    /**
     * @param pool  the pool of a shared H2 file, closed by {@link #close()}
     * @param limit how long {@link #close()} waits at most for the sessions of other processes
     */
    ServedDatabaseCloser(HikariDataSource pool, Duration limit) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /**
     * Waits (at most the limit) while this process serves the file to sessions of other processes, then closes the
     * pool. A failure to look the sessions up does not keep the pool open: it is closed all the same.
     */
    @Override
    public void close() {
        try {
            awaitOtherProcesses();
        } finally {
            pool.close();
        }
    }

    private void awaitOtherProcesses() {
        if (pool.isClosed() || pool.getHikariPoolMXBean().getTotalConnections() == 0) {
            return;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection connection = pool.getConnection();
             PreparedStatement sessions = connection.prepareStatement(SESSIONS_OF_OTHER_PROCESSES)) {
            while (servedToOthers(sessions) && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(Duration.ofMillis(POLL_MILLIS).toNanos());
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (SQLException e) {
            // the database is gone or broken: there is nothing to hand over, and the pool is closed next
        }
    }

    /** Whether this process serves the file (its own session did not come over TCP) and another one is connected. */
    private static boolean servedToOthers(PreparedStatement sessions) throws SQLException {
        try (ResultSet row = sessions.executeQuery()) {
            return row.next() && row.getBoolean(2) && row.getLong(1) > 0;
        }
    }
}
