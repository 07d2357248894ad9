package io.versioned.embedded;

import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.StoreGate;
import io.versioned.tck.StorePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole kit on the embedded backend as {@link EmbeddedModule} makes it (an H2 file database and a blob folder),
 * through the single entry point. Each store is a new folder; another client is a second module on the same folder;
 * {@link AdapterFactory#breakStore()} drops every table of the database and replaces the blob folder by a file;
 * {@link AdapterFactory#corruptBlob} overwrites the blob's file in place. The module builds its own pool, which does
 * not pass the {@link StoreGate}, so {@link Capability#STORE_GATE} is not claimed here: the JDBC adapter's
 * {@code H2AdapterTest} checks the interleavings on the same engine.
 */
class EmbeddedAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new EmbeddedFactory();
    }

    private static final class EmbeddedFactory implements AdapterFactory {

        private final TestStores stores = new TestStores();
        private Path temp;
        private Path last;
        private int created;

        @Override
        public StorePorts createPorts(StoreGate gate) {
            try {
                if (temp == null) {
                    temp = Files.createTempDirectory("versioned-embedded-kit-");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no temporary folder", e);
            }
            last = temp.resolve("store-" + ++created);
            return stores.embeddedIn(last);
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.STORE_FAILURE, Capability.CORRUPTION);
        }

        @Override
        public StorePorts openAnotherClient() {
            return stores.embeddedIn(last);
        }

        @Override
        public void breakStore() {
            EmbeddedModule module = new EmbeddedModule(last);
            try (Connection connection = DriverManager.getConnection(module.database().jdbcUrl(),
                    module.database().user(), module.database().password());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
                deleteRecursively(module.blobDirectory());
                Files.writeString(module.blobDirectory(), "not a directory");
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("could not break the store in " + last, e);
            }
        }

        @Override
        public void corruptBlob(StorePorts ports, String key, byte[] bytes) {
            stores.corrupt(ports, key, bytes);
        }

        @Override
        public void release() {
            stores.closeAll();
            if (temp != null) {
                try {
                    deleteRecursively(temp);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not delete " + temp, e);
                }
                temp = null;
            }
        }

        private static void deleteRecursively(Path directory) throws IOException {
            if (!Files.exists(directory)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    path.toFile().setWritable(true);
                    Files.delete(path);
                }
            }
        }
    }
}
