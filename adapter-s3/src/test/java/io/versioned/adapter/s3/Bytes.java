package io.versioned.adapter.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/** Test content: deterministic bytes, SHA-256, streams of unknown length, reading a stream whole. */
final class Bytes {

    static final int MIB = 1024 * 1024;

    private Bytes() {
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(Sha256.digest(bytes, bytes.length));
    }

    /** A stream over {@code bytes} that does not know its length in advance (no useful available()). */
    static InputStream unknownLength(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int available() {
                return 0;
            }
        };
    }

    /** {@code prefix}, then an IOException on the next read. */
    static InputStream failingAfter(byte[] prefix) {
        InputStream delivered = new ByteArrayInputStream(prefix);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int value = delivered.read();
                if (value < 0) {
                    throw new IOException("simulated failure of the content");
                }
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = delivered.read(buffer, offset, length);
                if (count < 0) {
                    throw new IOException("simulated failure of the content");
                }
                return count;
            }
        };
    }

    /** {@code bytes}, interrupting the reading thread once more than {@code after} bytes were read. */
    static InputStream interruptingAfter(byte[] bytes, int after) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                if (pos > after) {
                    Thread.currentThread().interrupt();
                }
                return super.read(buffer, offset, length);
            }
        };
    }

    /** {@code prefix}, then {@code failure} on the next read. */
    static InputStream throwingAfter(byte[] prefix, RuntimeException failure) {
        return new ByteArrayInputStream(prefix) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                if (pos >= count) {
                    throw failure;
                }
                return super.read(buffer, offset, length);
            }
        };
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
