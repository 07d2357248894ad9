package io.versioned.adapter.jdbc;

import io.versioned.api.BackendException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Serializes the schema migrations of one H2 database file across processes. Processes that share the file
 * ({@code AUTO_SERVER=TRUE}) all run their statements in the process serving it, and H2 fails with internal errors
 * when two sessions alter one table at once: {@code ALTER TABLE ... ADD COLUMN} copies the table, and the session
 * that waited for the other's table lock goes on with the table object the other one dropped (seen as
 * {@code NullPointerException}s inside {@code ALTER TABLE} when commands started together on a new folder). So a
 * migration holds an operating-system lock on {@code FILE.migration.lock} beside the database; the operating system
 * releases it when the process ends, however it ends. Every H2 file database takes it (the driver's URL does not
 * say whether the file is shared; a file that is not can have only one process anyway); other databases
 * (PostgreSQL, H2 in memory or over TCP) need no such lock.
 */
final class FileMigrationLock implements AutoCloseable {

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
        Optional<Path> database = H2FileUrl.database(jdbcUrl);
        if (database.isEmpty()) {
            return null;
        }
        Path file = Path.of(database.get() + ".migration.lock");
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
