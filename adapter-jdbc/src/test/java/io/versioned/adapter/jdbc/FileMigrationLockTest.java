package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which databases the migration lock serves, that it is taken for the URL as the H2 driver reports it (the
 * migrator reads it from the connection, without the settings the configuration gave: the lock was once never
 * taken for that reason), and that a migration waits while another process holds it.
 */
class FileMigrationLockTest {

    @TempDir
    Path dir;

    @Test
    void databasesThatAreNotH2FilesNeedNoLock() {
        assertThat(FileMigrationLock.acquire("jdbc:postgresql://localhost/db")).as("PostgreSQL").isNull();
        assertThat(FileMigrationLock.acquire("jdbc:h2:mem:test")).as("H2 in memory").isNull();
        assertThat(FileMigrationLock.acquire("jdbc:h2:tcp://localhost/db")).as("H2 over TCP").isNull();
    }

    @Test
    void anH2FileIsLockedBesideTheDatabaseUntilClosed() throws Exception {
        Path lockFile = dir.resolve("metadata.migration.lock");
        for (String url : new String[] {"jdbc:h2:file:" + dir.resolve("metadata") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE",
                "jdbc:h2:file:" + dir.resolve("metadata")}) {
            try (FileMigrationLock held = FileMigrationLock.acquire(url)) {
                assertThat(held).as("the lock of %s", url).isNotNull();
                assertThat(lockFile).as("the lock file beside the database").exists();
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock again = channel.tryLock()) {
                assertThat(again).as("the lock is free again after close").isNotNull();
            }
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theUrlTheDriverReportsIsLockedInTheServingProcessAndInTheOthers() throws Exception {
        JdbcConfig config = JdbcConfig.embeddedH2(dir);
        try (HikariDataSource pool = ConnectionPools.create(config); Connection serving = pool.getConnection();
             FileMigrationLock held = FileMigrationLock.acquire(serving.getMetaData().getURL())) {
            assertThat(held).as("the lock for %s", serving.getMetaData().getURL()).isNotNull();
        }
        try (ChildJvm server = ChildJvm.start("serve", dir.toString())) {
            server.await("serving");
            try (Connection served = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
                 FileMigrationLock held = FileMigrationLock.acquire(served.getMetaData().getURL())) {
                assertThat(held).as("the lock for %s, served by another process", served.getMetaData().getURL())
                        .isNotNull();
            }
            server.send("close");
            server.await("closed");
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aMigrationWaitsWhileAnotherProcessHoldsTheLock() throws Exception {
        try (ChildJvm migrating = ChildJvm.start("lock", dir.toString());
             JdbcMetadataPort port = JdbcMetadataPort.open(JdbcConfig.embeddedH2(dir))) {
            migrating.await("locked");
            CompletableFuture<Void> bootstrap = CompletableFuture.runAsync(port::bootstrap);
            Thread.sleep(1000);
            assertThat(bootstrap).as("the migration while another process holds the lock").isNotDone();
            migrating.send("release");
            bootstrap.get(60, TimeUnit.SECONDS);
            assertThat(migrating.finish()).isZero();
        }
    }
}
