package io.versioned.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The sticky-routing function shared by every implementation and language.
 *
 * <p>The bucket of a routing key is the first four bytes of
 * {@code SHA-256(UTF-8(name + "/" + alias + "/" + key))} read as an unsigned big-endian integer,
 * modulo 100. Buckets below the secondary weight go to the secondary version. Raising the weight
 * therefore only moves keys from the primary to the secondary.
 */
public final class Routing {

    private Routing() {
    }

    /**
     * The bucket (0 to 99) of {@code key} for the alias {@code alias} of artifact {@code name}.
     *
     * @param name  the artifact name
     * @param alias the alias name
     * @param key   the routing key (a user or request id, for example)
     * @return the bucket, from 0 to 99, the same in every process and language for the same three strings
     * @throws IllegalArgumentException if any argument is null
     */
    public static int bucket(String name, String alias, String key) {
        if (name == null || alias == null || key == null) {
            throw new IllegalArgumentException("routing: name, alias and routingKey must not be null");
        }
        byte[] digest = sha256().digest((name + "/" + alias + "/" + key).getBytes(StandardCharsets.UTF_8));
        long unsigned = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16)
                | ((digest[2] & 0xFFL) << 8) | (digest[3] & 0xFFL);
        return (int) (unsigned % 100);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
