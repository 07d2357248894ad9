package io.versioned.adapter.jdbc;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded default: an H2 file database, a fresh one per test. */
class H2MetadataPortTest extends JdbcMetadataPortContract {

    private final AtomicInteger databases = new AtomicInteger();

    @TempDir
    Path directory;

    @Override
    protected JdbcConfig newDatabase() {
        return JdbcConfig.embeddedH2(directory.resolve("db" + databases.incrementAndGet()));
    }
}
