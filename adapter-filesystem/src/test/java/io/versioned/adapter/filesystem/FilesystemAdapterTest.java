package io.versioned.adapter.filesystem;

import io.versioned.core.port.BlobPort;
import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.KitPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kit's blob port contract on a fresh directory per test, through the single entry point. Another client is a
 * second port on the same directory; breaking the store replaces the directory by a file. The repository-level
 * suites run on this port in {@code versioned-embedded} (H2 or PostgreSQL + folder), so this module takes part in
 * {@link KitPart#BLOB_PORT} only; a folder keeps no tags.
 */
class FilesystemAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new AdapterFactory() {
            private Path root;

            @Override
            public Set<KitPart> parts() {
                return Set.of(KitPart.BLOB_PORT);
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.STORE_FAILURE);
            }

            @Override
            public BlobPort createBlobPort() {
                try {
                    root = Files.createTempDirectory("versioned-filesystem-").resolve("store");
                } catch (IOException e) {
                    throw new UncheckedIOException("could not create a temporary directory", e);
                }
                return new FilesystemBlobPort(root);
            }

            @Override
            public BlobPort openAnotherBlobPort() {
                return new FilesystemBlobPort(root);
            }

            @Override
            public void breakStore() {
                deleteRecursively(root);
                try {
                    Files.writeString(root, "not a directory");
                } catch (IOException e) {
                    throw new UncheckedIOException("could not replace the root directory by a file", e);
                }
            }

            @Override
            public void release() {
                if (root != null) {
                    deleteRecursively(root.getParent());
                }
            }
        };
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
