package io.versioned.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link Routing} against the test vectors published in {@code docs/routing.md}, so the document and the
 * implementation cannot drift apart, and checks the properties the document promises.
 */
class RoutingTest {

    /** Surefire runs with the module directory as working directory. */
    private static final Path ROUTING_DOC = Path.of("..", "docs", "routing.md");
    private static final int MINIMUM_VECTORS = 12;

    /** One row of the test-vector table. */
    private record Vector(String name, String alias, String key, String prefixHex, long unsigned, int bucket) {
    }

    @Test
    void everyVectorOfTheRoutingDocumentMatches() throws IOException {
        List<Vector> vectors = vectorsOf(Files.readAllLines(ROUTING_DOC, StandardCharsets.UTF_8));

        assertThat(vectors).as("vectors parsed from %s", ROUTING_DOC).hasSizeGreaterThanOrEqualTo(MINIMUM_VECTORS);
        for (Vector vector : vectors) {
            byte[] digest = sha256(vector.name() + "/" + vector.alias() + "/" + vector.key());
            assertThat(HexFormat.of().formatHex(digest, 0, 4)).as("first 4 bytes of %s", vector)
                    .isEqualTo(vector.prefixHex());
            assertThat(Long.parseLong(vector.prefixHex(), 16)).as("unsigned value of %s", vector)
                    .isEqualTo(vector.unsigned());
            assertThat(vector.unsigned() % 100).as("unsigned modulo 100 of %s", vector).isEqualTo(vector.bucket());
            assertThat(Routing.bucket(vector.name(), vector.alias(), vector.key())).as("Routing.bucket of %s", vector)
                    .isEqualTo(vector.bucket());
        }
        assertThat(vectors).as("an empty key").anyMatch(vector -> vector.key().isEmpty());
        assertThat(vectors).as("a key outside ASCII").anyMatch(vector -> vector.key().chars().anyMatch(c -> c > 127));
        assertThat(vectors).as("a key outside the Basic Multilingual Plane")
                .anyMatch(vector -> vector.key().codePoints().anyMatch(Character::isSupplementaryCodePoint));
        assertThat(vectors).as("a prefix that is negative as a signed int")
                .anyMatch(vector -> vector.unsigned() > Integer.MAX_VALUE);
    }

    @Test
    void bucketsAreFrom0To99AndSpreadEvenly() {
        int[] counts = new int[100];
        IntStream.range(0, 100_000).forEach(i -> counts[Routing.bucket("db", "production", "user-" + i)]++);

        assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThanOrEqualTo(850);
        assertThat(IntStream.of(counts).max().orElseThrow()).isLessThanOrEqualTo(1150);
    }

    @Test
    void theRuleSendsBucketsBelowTheWeightToTheSecondary() {
        Alias canary = alias(10);
        Alias wider = alias(50);

        for (int i = 0; i < 2_000; i++) {
            String key = "user-" + i;
            int bucket = Routing.bucket("db", "production", key);
            assertThat(canary.route(key)).isEqualTo(bucket < 10 ? Version.of(3) : Version.of(2));
            assertThat(wider.route(key)).isEqualTo(bucket < 50 ? Version.of(3) : Version.of(2));
            if (canary.route(key).equals(Version.of(3))) {
                assertThat(wider.route(key)).as("raising the weight moved %s back to the primary", key)
                        .isEqualTo(Version.of(3));
            }
        }
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> Routing.bucket(null, "a", "k")).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Routing.bucket("n", null, "k")).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Routing.bucket("n", "a", null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("routingKey");
    }

    private static Alias alias(int weight) {
        return new Alias("db", "production", Instant.EPOCH, Version.of(2), Optional.of(Version.of(3)), weight,
                "mem://test/db/000002", Optional.of("mem://test/db/000003"), 1);
    }

    /** The rows of the table whose header starts with {@code | name | alias | key |}. */
    private static List<Vector> vectorsOf(List<String> lines) {
        List<Vector> vectors = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("| name | alias | key |")) {
                inTable = true;
            } else if (inTable && trimmed.startsWith("| ---")) {
                continue;
            } else if (inTable && trimmed.startsWith("|")) {
                vectors.add(vectorOf(trimmed));
            } else {
                inTable = false;
            }
        }
        return vectors;
    }

    private static Vector vectorOf(String row) {
        String[] cells = row.substring(1, row.length() - 1).split("\\|", -1);
        assertThat(cells).as("cells of row %s", row).hasSize(6);
        return new Vector(unquoted(cells[0]), unquoted(cells[1]), unquoted(cells[2]), cells[3].trim(),
                Long.parseLong(cells[4].trim()), Integer.parseInt(cells[5].trim()));
    }

    private static String unquoted(String cell) {
        String trimmed = cell.trim();
        assertThat(trimmed).as("a quoted string cell").startsWith("\"").endsWith("\"").hasSizeGreaterThanOrEqualTo(2);
        return trimmed.substring(1, trimmed.length() - 1);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
