package io.versioned.bench.operations;

import java.io.IOException;
import java.util.List;

/**
 * One side of one backend, set up as {@link Fixture} describes, able to run each timed operation. The library side
 * ({@link LibraryWorkload}) calls the public API; a baseline calls its raw store with the fewest calls that give the
 * same result. Not thread-safe: one thread drives it.
 */
interface Workload extends AutoCloseable {

    /** Resolves alias {@link Fixture#ALIAS} of {@code artifact} and reads the bytes of the version it picks. */
    byte[] resolveAndRead(String artifact) throws Exception;

    /** Puts new 1 KiB content as the LATEST of {@link Fixture#PUT}; returns what the store answered. */
    Object put() throws Exception;

    /**
     * Gives the current publish artifact a new LATEST (moving to the next artifact first every
     * {@link Fixture#PUBLISHES_PER_ARTIFACT} publishes); untimed, before every {@link #publish()}.
     */
    void prepareLatest() throws Exception;

    /** Publishes the LATEST of the current publish artifact as its next version. */
    Object publish() throws Exception;

    /** Points alias {@link Fixture#ALIAS} of {@link Fixture#SWITCH} at the version it does not point at. */
    Object switchAlias() throws Exception;

    /** The versions of {@link Fixture#LIST}, LATEST included. */
    List<?> listVersions() throws Exception;

    /**
     * Housekeeping between measurement iterations, so that what an operation leaves behind (the alias history of
     * the library) does not pile up over a long run; nothing by default.
     */
    default void tidy() throws Exception {
        // nothing piles up
    }

    /** Releases the store and removes what the workload created. */
    @Override
    void close() throws IOException;
}
