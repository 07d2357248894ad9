package io.versioned.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Byte helpers shared by the contract suites: deterministic content, SHA-256, reading streams. */
public final class Content {

    private Content() {
    }

    /** {@code size} pseudo-random bytes, the same for the same {@code seed}. */
    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The UTF-8 bytes of {@code text}. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * SHA-256 of {@code bytes}, 64 lower-case hex.
     *
     * @param bytes the bytes
     * @return their SHA-256
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Reads {@code in} to its end and closes it. */
    static byte[] readAndClose(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Like {@link #failingAfter(byte[])}, but the failure is an {@link UncheckedIOException}, as some
     * stream implementations throw.
     */
    static InputStream failingUncheckedAfter(byte[] prefix) {
        InputStream checked = failingAfter(prefix);
        return new InputStream() {
            @Override
            public int read() {
                try {
                    return checked.read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                try {
                    return checked.read(buffer, offset, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * A stream that gives the bytes of {@code prefix} and then throws {@link IOException} on every further read,
     * as a network or disk failure in the middle of an upload would.
     */
    static InputStream failingAfter(byte[] prefix) {
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == prefix.length) {
                    throw new IOException("simulated read failure after " + prefix.length + " bytes");
                }
                return prefix[position++] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (position == prefix.length) {
                    throw new IOException("simulated read failure after " + prefix.length + " bytes");
                }
                int count = Math.min(length, prefix.length - position);
                System.arraycopy(prefix, position, buffer, offset, count);
                position += count;
                return count;
            }
        };
    }

    /** A stream over {@code bytes} that records how far it was read and whether it was closed. */
    static final class TrackedStream extends InputStream {
        private final byte[] bytes;
        private int position;
        private boolean closed;

        TrackedStream(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public int read() {
            if (position == bytes.length) {
                return -1;
            }
            return bytes[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == bytes.length) {
                return -1;
            }
            int count = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public void close() {
            closed = true;
        }

        boolean fullyRead() {
            return position == bytes.length;
        }

        boolean closed() {
            return closed;
        }
    }
}
