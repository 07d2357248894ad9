package io.versioned.bench.streaming;

import io.versioned.api.Repository;
import java.io.IOException;
import java.nio.file.Path;
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

    /** Closes the repository and the raw clients. */
    @Override
    void close() throws Exception;
}
