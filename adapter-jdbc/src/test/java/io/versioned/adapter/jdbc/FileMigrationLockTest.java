package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which databases the migration lock serves, and that it holds the lock file while open. */
class FileMigrationLockTest {

    @TempDir
    Path dir;

    @Test
    void databasesThatAreNotSharedH2FilesNeedNoLock() {
        assertThat(FileMigrationLock.acquire("jdbc:postgresql://localhost/db")).as("PostgreSQL").isNull();
        assertThat(FileMigrationLock.acquire("jdbc:h2:mem:test")).as("H2 in memory").isNull();
        assertThat(FileMigrationLock.acquire("jdbc:h2:file:" + dir.resolve("metadata"))).as("H2 file, not shared")
                .isNull();
    }

    @Test
    void aSharedH2FileIsLockedBesideTheDatabaseUntilClosed() throws Exception {
        Path lockFile = dir.resolve("metadata.migration.lock");
        try (FileMigrationLock held = FileMigrationLock.acquire("jdbc:h2:file:" + dir.resolve("metadata")
                + ";WRITE_DELAY=0;AUTO_SERVER=TRUE")) {
            assertThat(held).as("the lock of a shared H2 file").isNotNull();
            assertThat(lockFile).as("the lock file beside the database").exists();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock again = channel.tryLock()) {
            assertThat(again).as("the lock is free again after close").isNotNull();
        }
    }
}
