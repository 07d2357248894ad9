package io.versioned.bench.operations;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 a baseline records with the bytes it writes, as the library records it. */
final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 of {@code bytes}, 64 lower-case hex digits. */
    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
