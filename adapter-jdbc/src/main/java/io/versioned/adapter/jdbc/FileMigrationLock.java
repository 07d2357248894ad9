package io.versioned.adapter.jdbc;

import io.versioned.api.BackendException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Serializes the schema migrations of one H2 database file across processes. Processes that share the file
 * ({@code AUTO_SERVER=TRUE}) all run their statements in the process serving it, and H2 fails with internal errors
 * when two sessions alter one table at once (seen as {@code not found: VERSIONED_ALIASES_COPY_…} and
 * "Concurrent update in table SYS" when commands started together on a new folder). So a migration holds an
 * operating-system lock on {@code FILE.migration.lock} beside the database; the operating system releases it when
 * the process ends, however it ends. Other databases (PostgreSQL, H2 in memory or over TCP) need no such lock.
 */
final class FileMigrationLock implements AutoCloseable {

    private static final String H2_FILE = "jdbc:h2:file:";

    private final FileChannel channel;
    private final FileLock lock;

    private FileMigrationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock of the database at {@code jdbcUrl}, held once this returns; {@code null} when that database needs
     * none. Waits while another process migrates the same file.
     *
     * @throws BackendException if the lock file cannot be opened or locked
     */
    static FileMigrationLock acquire(String jdbcUrl) {
        if (!jdbcUrl.startsWith(H2_FILE) || !jdbcUrl.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE")) {
            return null;
        }
        int options = jdbcUrl.indexOf(';');
        Path file = Path.of(jdbcUrl.substring(H2_FILE.length(), options < 0 ? jdbcUrl.length() : options)
                + ".migration.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new FileMigrationLock(channel, channel.lock());
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BackendException("locking " + file + " for the schema migration failed: " + e, e, true);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            throw new BackendException("releasing the schema migration lock failed: " + e, e, false);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing more to do
            }
        }
    }
}
