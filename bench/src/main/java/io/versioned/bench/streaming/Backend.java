package io.versioned.bench.streaming;

import io.versioned.api.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One backend of the streaming rows, in the child JVM: the library's repository on it, and the raw baselines that
 * give the same result without the library.
 */
interface Backend extends AutoCloseable {

    /** The backend's name in the report. */
    String name();

    /** The library's repository on this backend, built the way users build it. */
    Repository repository();

    /** What {@link #baselinePut} calls, for the report. */
    String baselinePutCall();

    /** What the action of {@link #baselineGet} calls, for the report. */
    String baselineGetCall();

    /** Stores {@code file} under {@code name} with the raw store alone. */
    void baselinePut(String name, Path file) throws Exception;

    /** Removes what {@link #baselinePut} stored under {@code name}. */
    void deleteBaseline(String name) throws Exception;

    /**
     * Finds the stored bytes of what the library put as the LATEST of {@code name} ({@code size} bytes) and returns
     * the action, to be timed, that copies them into {@code target} (which it returns) with the raw store alone.
     *
     * @throws IllegalStateException if the stored bytes cannot be told apart from others
     */
    Callable<Path> baselineGet(String name, long size, Path target) throws IOException;

    /**
     * Steps of the library's put that this backend adds to the raw write, each to be timed alone right after the
     * library's put of {@code name} ({@code size} bytes), leaving the store as it found them; empty by default.
     */
    default List<Part> putParts(String name, long size) {
        return List.of();
    }

    /**
     * One step of a library transfer, timed alone with the raw store.
     *
     * @param call   what the action calls, for the report
     * @param action the step
     */
    record Part(String call, Callable<?> action) {
    }

    /** Closes the repository and the raw clients. */
    @Override
    void close() throws Exception;
}
