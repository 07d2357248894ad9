package com.example.folder;

import io.versioned.adapter.inmemory.InMemoryMetadataPort;
import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.StoreGate;
import io.versioned.tck.StorePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole versioned kit on {@link FolderBlobPort}, through its single entry point. The metadata side is the
 * project's in-memory port, which cannot fail, so {@link Capability#STORE_FAILURE} is not claimed (the report says
 * so); another client is a second {@link FolderBlobPort} on the same folder; corruption overwrites the file.
 */
class FolderAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new AdapterFactory() {
            private Path folder;
            private Path lastRoot;
            private StorePorts last;
            private int stores;

            @Override
            public StorePorts createPorts(StoreGate gate) {
                try {
                    if (folder == null) {
                        folder = Files.createTempDirectory("folder-adapter-");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lastRoot = folder.resolve("store-" + ++stores);
                last = new StorePorts(new FolderBlobPort(lastRoot), new InMemoryMetadataPort());
                return last;
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.CORRUPTION);
            }

            @Override
            public StorePorts openAnotherClient() {
                return new StorePorts(new FolderBlobPort(lastRoot), last.metadata());
            }

            @Override
            public void corruptBlob(StorePorts ports, String key, byte[] bytes) {
                try {
                    Files.write(Path.of(URI.create(ports.blobs().uri(key))), bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void release() {
                if (folder == null) {
                    return;
                }
                try (Stream<Path> paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                folder = null;
            }
        };
    }
}
