package io.versioned.adapter.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers: digests, and the two spellings S3 and the ports use (base64 and lower-case hex). */
final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The raw digest of {@code length} bytes of {@code bytes}. */
    static byte[] digest(byte[] bytes, int length) {
        MessageDigest digest = newDigest();
        digest.update(bytes, 0, length);
        return digest.digest();
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** The base64 spelling (S3's {@code x-amz-checksum-sha256}) of a hex SHA-256. */
    static String hexToBase64(String hex) {
        return base64(HexFormat.of().parseHex(hex));
    }

    /**
     * Checks that {@code value} is a SHA-256 in 64 lower-case hex digits.
     *
     * @throws IllegalArgumentException naming {@code argument} otherwise
     */
    static String requireHex(String value, String argument) {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(argument + ": must be a SHA-256 of 64 lower-case hex digits, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
