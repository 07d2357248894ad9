package io.versioned.tck.soak;

import io.versioned.tck.Content;
import java.util.Random;

/**
 * One content the soak puts: its bytes are a function of its id, so the log keeps ids and hashes, never bytes. About
 * one id in sixteen gives empty content; the others give 1 to 2048 pseudo-random bytes.
 *
 * @param id     the id the bytes derive from
 * @param sha256 SHA-256 of the bytes
 * @param size   number of bytes
 */
record SoakContent(long id, String sha256, int size) {

    /** The content of {@code id}. */
    static SoakContent of(long id) {
        byte[] bytes = bytesOf(id);
        return new SoakContent(id, Content.sha256(bytes), bytes.length);
    }

    /** The bytes, generated again. */
    byte[] bytes() {
        return bytesOf(id);
    }

    private static byte[] bytesOf(long id) {
        Random random = new Random(id);
        byte[] bytes = new byte[random.nextInt(16) == 0 ? 0 : 1 + random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }
}
