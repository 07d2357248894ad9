package io.versioned.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InterruptedIOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overlapped SHA-256 equals the plain one at every size, inline or on its thread, and its thread ends. */
class OverlappedSha256Test {

    private static final int LIMIT = (int) OverlappedSha256.INLINE_LIMIT;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1000, LIMIT, LIMIT + 1, 3 * LIMIT + 12_345})
    void equalsTheSha256OfTheBytesFedInPiecesOfAnySize(int size) throws InterruptedIOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Random pieces = new Random(7);
        OverlappedSha256 sha = new OverlappedSha256();

        for (int offset = 0; offset < size; ) {
            int length = Math.min(size - offset, 1 + pieces.nextInt(600_000));
            sha.update(bytes, offset, length);
            offset += length;
        }

        assertThat(sha.hex()).isEqualTo(Sha256.of(bytes));
        assertThat(hashingThreads()).as("threads left after the end").isZero();
    }

    @Test
    void closingAnAbandonedStreamEndsItsThread() throws Exception {
        byte[] bytes = new byte[LIMIT * 2];
        OverlappedSha256 sha = new OverlappedSha256();
        sha.update(bytes, 0, bytes.length);
        assertThat(hashingThreads()).isEqualTo(1);

        sha.close();

        for (int i = 0; i < 100 && hashingThreads() > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(hashingThreads()).as("threads left after close").isZero();
    }

    private static long hashingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("versioned-sha256-")).count();
    }
}
