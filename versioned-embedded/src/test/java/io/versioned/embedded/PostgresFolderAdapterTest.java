package io.versioned.embedded;

import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.KitPart;
import io.versioned.tck.StoreGate;
import io.versioned.tck.StorePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kit's repository-level suites on the shared-server variant as {@link PostgresModule} makes it, through the
 * single entry point: a fresh schema on a real PostgreSQL server
 * ({@link io.versioned.testsupport.PostgresServer#shared()}) and a fresh blob folder per
 * store. The integrity tests corrupt a blob by overwriting its file in place. The ports run their port contracts in
 * their own modules ({@code adapter-jdbc}'s {@code PostgresAdapterTest}, {@code adapter-filesystem}), so this takes
 * part in {@link KitPart#REPOSITORY} only. Releasing closes every store's pool, so the fault suite, which makes a few
 * hundred stores per test, keeps one pool open at a time.
 */
class PostgresFolderAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new PostgresFactory();
    }

    private static final class PostgresFactory implements AdapterFactory {

        private final TestStores stores = new TestStores();
        private Path temp;

        @Override
        public Set<KitPart> parts() {
            return Set.of(KitPart.REPOSITORY);
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.CORRUPTION);
        }

        @Override
        public StorePorts createPorts(StoreGate gate) {
            try {
                if (temp == null) {
                    temp = Files.createTempDirectory("versioned-postgres-kit-");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no temporary folder", e);
            }
            return stores.postgres(temp);
        }

        @Override
        public void corruptBlob(StorePorts ports, String key, byte[] bytes) {
            stores.corrupt(ports, key, bytes);
        }

        @Override
        public void release() {
            stores.closeAll();
            if (temp != null) {
                deleteRecursively(temp);
                temp = null;
            }
        }

        @Override
        public int propertyTries() {
            return 60;
        }

        private static void deleteRecursively(Path directory) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    path.toFile().setWritable(true);
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + directory, e);
            }
        }
    }
}
