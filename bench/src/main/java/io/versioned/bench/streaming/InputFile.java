package io.versioned.bench.streaming;

import io.versioned.testsupport.GeneratedContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file of the benchmark and what is known of it.
 *
 * @param path   where it is
 * @param size   its length in bytes
 * @param sha256 the SHA-256 of its bytes, lower-case hex
 */
public record InputFile(Path path, long size, String sha256) {

    private static final int BUFFER = 1 << 20;

    /** @throws IllegalArgumentException if a field is null or the size is negative */
    public InputFile {
        if (path == null || sha256 == null || size < 0) {
            throw new IllegalArgumentException("path, sha256: must not be null; size: must be >= 0, got " + size);
        }
    }

    /**
     * Writes {@code size} pseudo-random bytes made from {@code seed} (the same seed gives the same bytes) to
     * {@code path}, streamed: the content is never held in memory.
     *
     * @throws IOException if the file cannot be written
     */
    public static InputFile generate(Path path, long size, long seed) throws IOException {
        GeneratedContent content = new GeneratedContent(size, seed);
        Files.copy(content, path);
        return new InputFile(path, size, content.sha256());
    }

    /**
     * The SHA-256 (lower-case hex) of the bytes of {@code file}, read through a fixed buffer.
     *
     * @throws IOException if the file cannot be read
     */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
