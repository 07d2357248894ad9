package io.versioned.testsupport;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * {@code size} pseudo-random bytes from a seeded generator, made as they are read (never held in memory) and
 * hashed on the way: content for streaming tests far larger than the heap.
 */
public final class GeneratedContent extends InputStream {

    private final long size;
    private final SplittableRandom random;
    private final MessageDigest digest;
    private long position;

    /**
     * @param size the number of bytes the stream gives before its end
     * @param seed the generator's seed: the same seed gives the same bytes
     */
    public GeneratedContent(long size, long seed) {
        this.size = size;
        this.random = new SplittableRandom(seed);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == size) {
            return -1;
        }
        int count = (int) Math.min(length, size - position);
        for (int i = 0; i < count; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8 && i + j < count; j++) {
                buffer[offset + i + j] = (byte) (value >>> (8 * j));
            }
        }
        digest.update(buffer, offset, count);
        position += count;
        return count;
    }

    /** How many bytes were handed out so far. */
    public long position() {
        return position;
    }

    /** The SHA-256 (lower-case hex) of the bytes handed out; call once, at the end. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
