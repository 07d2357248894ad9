package io.versioned.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as 64 lower-case hex characters: the one implementation the library and its cache use. */
public final class Sha256 {

    private Sha256() {
    }

    /**
     * A new SHA-256 digest.
     *
     * @return a fresh digest, not shared
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Completes {@code digest} and returns it as 64 lower-case hex characters.
     *
     * @param digest a SHA-256 digest fed with the bytes; it is reset
     * @return the digest as 64 lower-case hex characters
     */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The digest of {@code bytes}.
     *
     * @param bytes the bytes, possibly empty
     * @return the digest as 64 lower-case hex characters
     */
    public static String of(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return hex(digest);
    }

    /**
     * Reads {@code in} to its end with a fixed buffer and returns its digest. The stream is not closed.
     *
     * @param in the stream to read
     * @return the digest as 64 lower-case hex characters
     * @throws UncheckedIOException if reading fails
     */
    public static String of(InputStream in) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hex(digest);
    }
}
