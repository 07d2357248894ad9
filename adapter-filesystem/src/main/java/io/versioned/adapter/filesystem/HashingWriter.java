package io.versioned.adapter.filesystem;

import io.versioned.api.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Copies a stream into a file channel through a fixed-size buffer, computing the SHA-256 of the bytes when it is to
 * be checked (and only then: a put whose SHA-256 nobody gave has the bytes hashed by its caller, once).
 */
final class HashingWriter {

    private static final int BUFFER_SIZE = 64 * 1024;

    private HashingWriter() {
    }

    /**
     * Reads {@code in} to its end (without closing it) into {@code out}.
     *
     * @param hash whether to compute the SHA-256 of the bytes
     * @param what names the stream in error messages
     * @return the SHA-256 of the bytes, 64 lower-case hex, when {@code hash}; else empty
     * @throws BackendException if reading {@code in} fails
     * @throws IOException      if writing {@code out} fails
     */
    static Optional<String> transfer(InputStream in, FileChannel out, boolean hash, String what) throws IOException {
        MessageDigest digest = hash ? sha256() : null;
        byte[] buffer = new byte[BUFFER_SIZE];
        ByteBuffer view = ByteBuffer.wrap(buffer);
        int n;
        while ((n = read(in, buffer, what)) >= 0) {
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
            view.clear().limit(n);
            while (view.hasRemaining()) {
                out.write(view);
            }
        }
        return digest == null ? Optional.empty() : Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static int read(InputStream in, byte[] buffer, String what) {
        try {
            return in.read(buffer);
        } catch (IOException | UncheckedIOException e) {
            throw new BackendException("reading " + what + " failed", e, false);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
