package io.versioned.bench.operations;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * What every {@link Workload}, library or baseline, holds before it is timed, and the content it writes, so that
 * both sides of a row do the same work on the same data.
 *
 * <ul>
 *   <li>{@link #SMALL} and {@link #LARGE}: one version of 1 KiB and of 1 MiB, alias {@link #ALIAS} on it;</li>
 *   <li>{@link #LIST}: {@link #LISTED_VERSIONS} versions and a LATEST;</li>
 *   <li>{@link #SWITCH}: two versions, alias {@link #ALIAS} on version 1 (switched between 1 and 2);</li>
 *   <li>{@link #PUT}: a LATEST, replaced by new content on every put;</li>
 *   <li>{@code publish-N}: a LATEST replaced before each publish; after {@link #PUBLISHES_PER_ARTIFACT} publishes
 *       the workload moves to the next N, so a publish never works on a long list of versions.</li>
 * </ul>
 */
final class Fixture {

    static final String SMALL = "small";
    static final String LARGE = "large";
    static final String LIST = "list";
    static final String SWITCH = "switch";
    static final String PUT = "put";
    static final String ALIAS = "prod";

    static final int SMALL_SIZE = 1024;
    static final int LARGE_SIZE = 1024 * 1024;
    static final int LISTED_VERSIONS = 10;
    static final int PUBLISHES_PER_ARTIFACT = 50;

    private static final long SEED = 20_260_101L;

    private Fixture() {
    }

    /** The name of the {@code index}-th publish artifact. */
    static String publishArtifact(int index) {
        return "publish-" + index;
    }

    /** The same pseudo-random bytes for the same {@code size}, in every workload. */
    static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(SEED + size).nextBytes(bytes);
        return bytes;
    }

    /** 1 KiB contents, each different from every earlier one of the same instance. Not thread-safe. */
    static final class FreshContent {

        private final byte[] template = content(SMALL_SIZE);
        private long next;

        /** New bytes: the template with a counter in its first eight bytes. */
        byte[] next() {
            byte[] bytes = template.clone();
            ByteBuffer.wrap(bytes).putLong(next++);
            return bytes;
        }
    }
}
