package io.versioned.bench.operations;

import com.google.inject.Guice;
import io.versioned.adapter.inmemory.InMemoryModule;
import io.versioned.api.Repository;
import io.versioned.core.VersionedCoreModule;
import io.versioned.embedded.VersionedEmbedded;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes the workloads of the in-process backends, the library's as users make their repositories. */
final class InProcessWorkloads {

    private InProcessWorkloads() {
    }

    /**
     * The workload of {@code side} on {@code backend}, set up.
     *
     * @param scratch where the embedded workloads make their folder (removed when the workload is closed)
     * @throws IllegalArgumentException if {@code backend} is not an in-process backend
     */
    static Workload open(Backend backend, Side side, Path scratch) throws Exception {
        return switch (backend) {
            case IN_MEMORY -> side == Side.LIBRARY
                    ? LibraryWorkload.open(Guice.createInjector(new VersionedCoreModule(), new InMemoryModule())
                            .getInstance(Repository.class), () -> { })
                    : new InMemoryBaseline();
            case EMBEDDED -> embedded(side, Files.createTempDirectory(scratch, "operations-" + side.id() + "-"));
            default -> throw new IllegalArgumentException("backend: not in-process: " + backend);
        };
    }

    private static Workload embedded(Side side, Path directory) throws Exception {
        if (side == Side.BASELINE) {
            return new EmbeddedBaseline(directory);
        }
        return LibraryWorkload.open(VersionedEmbedded.repository(directory), () -> Folders.delete(directory));
    }
}
