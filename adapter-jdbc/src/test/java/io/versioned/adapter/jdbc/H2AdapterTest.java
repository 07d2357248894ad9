package io.versioned.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The kit's metadata port contract and the JDBC specifics on the embedded default: an H2 file database, a fresh one
 * per store, in a temporary folder deleted after each test.
 */
class H2AdapterTest extends JdbcAdapterContract {

    private final AtomicInteger databases = new AtomicInteger();
    private Path directory;

    @Override
    protected JdbcConfig newDatabase() {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("versioned-h2-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder", e);
        }
        return JdbcConfig.embeddedH2(directory.resolve("db" + databases.incrementAndGet()));
    }

    @Override
    protected void releaseDatabases() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
        directory = null;
    }
}
