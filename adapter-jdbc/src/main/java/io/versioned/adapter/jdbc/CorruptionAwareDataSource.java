package io.versioned.adapter.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The connections of an H2 file database, for the pool: once opening the file failed because it is corrupted
 * ({@link JdbcErrors#isCorruptedH2File}), every later attempt fails at once with that error instead of opening the
 * file again. A corrupted file does not heal while the process runs (a restored backup is opened by a new process),
 * and opening it again and again interleaves other errors — the lock file of the failed attempt reads as "in use" for a moment — so
 * that the pool's last error, the one a caller sees when it gives up waiting, could hide the cause. Thread-safe.
 */
final class CorruptionAwareDataSource implements DataSource {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final AtomicReference<SQLException> corrupted = new AtomicReference<>();

    /**
     * @param jdbcUrl  an H2 URL ({@code jdbc:h2:...})
     * @param user     the user
     * @param password the password
     */
    CorruptionAwareDataSource(String jdbcUrl, String user, String password) {
        h2.setURL(jdbcUrl);
        h2.setUser(user);
        h2.setPassword(password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        SQLException known = corrupted.get();
        if (known != null) {
            throw new SQLException(known.getMessage(), known.getSQLState(), known.getErrorCode(), known);
        }
        try {
            return h2.getConnection();
        } catch (SQLException e) {
            if (JdbcErrors.isCorruptedH2File(e)) {
                corrupted.compareAndSet(null, e);
            }
            throw e;
        }
    }

    /**
     * Opens the file once and closes it again, so that a corrupted file is found at once rather than after the pool's
     * connection time-out (the pool waits that long for any failure to go away before it reports it). Any other
     * failure (a file another program holds, for one) is left to the pool, which waits for it to go away.
     *
     * @throws SQLException if H2 finds the file corrupted
     */
    void checkNotCorrupted() throws SQLException {
        try {
            getConnection().close();
        } catch (SQLException e) {
            if (JdbcErrors.isCorruptedH2File(e)) {
                throw e;
            }
        }
    }

    /** The user and password are this source's own; the pool does not pass others. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
