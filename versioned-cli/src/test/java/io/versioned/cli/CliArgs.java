package io.versioned.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * The generated argument values of the CLI properties, as text: each mixes values that meet the repository's
 * state, other valid ones, and invalid ones of every kind (empty, too long, odd characters, numbers out of range or
 * not numbers at all, option look-alikes).
 */
final class CliArgs {

    /** Artifacts the properties seed. */
    static final List<String> KNOWN_NAMES = List.of("app", "db");
    /** Aliases the properties seed. */
    static final List<String> KNOWN_ALIASES = List.of("prod", "canary");

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ODD = "\u0001\t\n\r\u007f\u0085\u00a0\u00e9\u2028\u65e5\ud800\ufeff%\"'\\/=;,@ -";

    private CliArgs() {
    }

    /** Artifact names. */
    static Arbitrary<String> names() {
        return Arbitraries.frequencyOf(
                weighted(12, Arbitraries.of(KNOWN_NAMES)),
                weighted(3, Combinators.combine(Arbitraries.strings().withChars(ALPHANUMERIC).ofLength(1),
                        Arbitraries.strings().withChars(ALPHANUMERIC + "._-").ofMaxLength(12)).as(String::concat)),
                weighted(3, Arbitraries.of("", "bad name", "a/b", "../x", "-x", ".a", "caf\u00e9", "a".repeat(129),
                        "app\n", "LATEST", "@nothing")),
                weighted(2, text(1, 12)));
    }

    /** Alias names, LATEST in some cases among them. */
    static Arbitrary<String> aliases() {
        return Arbitraries.frequencyOf(
                weighted(12, Arbitraries.of(KNOWN_ALIASES)),
                weighted(3, Combinators.combine(Arbitraries.strings().alpha().ofLength(1),
                        Arbitraries.strings().withChars(ALPHANUMERIC + "_").ofMaxLength(10)).as(String::concat)),
                weighted(3, Arbitraries.of("", "LATEST", "latest", "Latest", "prod-eu", "1a", "_a", "pr\u00f6d",
                        "a".repeat(65))),
                weighted(2, text(1, 12)));
    }

    /** Versions as typed: LATEST in any case, numbers (padded, spaced, out of range) and anything else. */
    static Arbitrary<String> versions() {
        return Arbitraries.frequencyOf(
                weighted(10, Arbitraries.of("LATEST", "latest", "1", "2", "3", "4", "000002")),
                weighted(3, Arbitraries.of("0", "-1", " 2 ", "999999", "1000000", "99999999999", "1.5", "abc", "",
                        "\u0663", "+1", "0x1")),
                weighted(1, text(0, 8)));
    }

    /** Canary weights as typed. */
    static Arbitrary<String> weights() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.integers().between(0, 99).map(String::valueOf)),
                weighted(3, Arbitraries.of("100", "-1", "+5", " 5", "", "ten", "\u0665", "2147483648", "0x10")),
                weighted(1, text(0, 6)));
    }

    /** Expected revisions as typed. */
    static Arbitrary<String> revisions() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.integers().between(0, 4).map(String::valueOf)),
                weighted(3, Arbitraries.of("-1", "", "x", "99999999999999999999", "9223372036854775807")),
                weighted(1, text(0, 6)));
    }

    /** {@code --keep} values as typed. */
    static Arbitrary<String> keeps() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.integers().between(0, 3).map(String::valueOf)),
                weighted(3, Arbitraries.of("-1", "", "x", "2147483648", "2147483647")),
                weighted(1, text(0, 6)));
    }

    /** {@code --older-than} values as typed: short forms, ISO-8601, negative, overflowing, anything else. */
    static Arbitrary<String> durations() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.of("0s", "30d", "1d12h", "PT0S", "PT1H", "p7d", "90m")),
                weighted(3, Arbitraries.of("-1s", "PT-1S", "soon", "", "1x", "9999999999999999999d",
                        "999999999999999d", "106751991167300d", "P1000000000000D", "9223372036854775807s")),
                weighted(1, text(0, 8)));
    }

    /** Routing keys: any text. */
    static Arbitrary<String> routingKeys() {
        return Arbitraries.oneOf(text(0, 20), Arbitraries.of("", "customer-42", "-o", "--json", "\u65e5\u672c"));
    }

    /** {@code --meta} or {@code --tag} values: ordinary pairs, pairs past a limit, malformed ones. */
    static Arbitrary<List<String>> pairs() {
        Arbitrary<String> pair = Arbitraries.frequencyOf(
                weighted(6, Combinators.combine(Arbitraries.strings().withChars(ALPHANUMERIC + "_-").ofMinLength(1)
                        .ofMaxLength(10), Arbitraries.strings().withChars(ALPHANUMERIC + " =:/.").ofMaxLength(20))
                        .as((key, value) -> key + "=" + value)),
                weighted(3, Arbitraries.of("=v", "novalue", "k=", "k=v=w", "k".repeat(129) + "=v",
                        "k=" + "v".repeat(9000), "k\u0001=v", "k=a\u0000b", "k=\ud800", "a#b=c", "k=50%", "t=\u00e9")),
                weighted(1, Combinators.combine(text(0, 8), text(0, 8)).as((key, value) -> key + "=" + value)));
        return pair.list().ofMaxSize(4);
    }

    /** Content types: none, valid, invalid. */
    static Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.frequencyOf(
                weighted(5, Arbitraries.just(Optional.empty())),
                weighted(3, Arbitraries.of("text/csv", "application/x-sqlite3", "text/plain; charset=utf-8")
                        .map(Optional::of)),
                weighted(2, Arbitraries.of("nope", "text/", "text/pl ain", "t\u00e9xt/plain", "")
                        .map(Optional::of)));
    }

    /** Content: a few sizes, from empty to 64 KiB. */
    static Arbitrary<byte[]> contents() {
        return Combinators.combine(Arbitraries.of(0, 1, 3, 100, 65_536), Arbitraries.longs().between(0, 2))
                .as(CliArgs::bytes);
    }

    /** What FILE of {@code put} is. */
    enum FileArg {
        EXISTING, STDIN, MISSING, DIRECTORY, NUL_IN_PATH;

        /** True when {@code put} may read it. */
        boolean valid() {
            return this == EXISTING || this == STDIN;
        }

        /** The argument for this kind in {@code work}; an existing file holds {@code content}. */
        String in(Path work, byte[] content) throws IOException {
            return switch (this) {
                case EXISTING -> Files.write(work.resolve("put-" + UUID.randomUUID()), content).toString();
                case STDIN -> "-";
                case MISSING -> work.resolve("missing-" + UUID.randomUUID()).toString();
                case DIRECTORY -> work.toString();
                case NUL_IN_PATH -> work.resolve("nul").toString() + "\u0000x";
            };
        }
    }

    /** What the {@code -o} target of {@code get} or {@code resolve} is; {@link #NONE} leaves the option out. */
    enum TargetArg {
        NONE, STDOUT, NEW_FILE, DIRECTORY, MISSING_FOLDER;

        /** True when a download may write to it. */
        boolean valid() {
            return this != DIRECTORY && this != MISSING_FOLDER;
        }

        /** The {@code -o} arguments for this kind in {@code work}. */
        List<String> in(Path work) {
            return switch (this) {
                case NONE -> List.of();
                case STDOUT -> List.of("-o", "-");
                case NEW_FILE -> List.of("-o", work.resolve("out-" + UUID.randomUUID()).toString());
                case DIRECTORY -> List.of("-o", work.toString());
                case MISSING_FOLDER -> List.of("-o", work.resolve("missing-" + UUID.randomUUID()).resolve("x")
                        .toString());
            };
        }
    }

    /** Files for {@code put}. */
    static Arbitrary<FileArg> files() {
        return Arbitraries.frequencyOf(weighted(8, Arbitraries.of(FileArg.EXISTING, FileArg.STDIN)),
                weighted(1, Arbitraries.of(FileArg.MISSING, FileArg.DIRECTORY, FileArg.NUL_IN_PATH)));
    }

    /** Targets for {@code get} (never {@link TargetArg#NONE}, which would write into the working directory). */
    static Arbitrary<TargetArg> getTargets() {
        return Arbitraries.frequencyOf(weighted(8, Arbitraries.of(TargetArg.STDOUT, TargetArg.NEW_FILE)),
                weighted(1, Arbitraries.of(TargetArg.DIRECTORY, TargetArg.MISSING_FOLDER)));
    }

    /** Targets for {@code resolve}, which only names the version without {@code -o}. */
    static Arbitrary<TargetArg> resolveTargets() {
        return Arbitraries.frequencyOf(weighted(8, Arbitraries.of(TargetArg.NONE, TargetArg.STDOUT)),
                weighted(2, Arbitraries.of(TargetArg.NEW_FILE)),
                weighted(1, Arbitraries.of(TargetArg.DIRECTORY, TargetArg.MISSING_FOLDER)));
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Text of odd characters, letters and digits, and sometimes any character at all. */
    private static Arbitrary<String> text(int min, int max) {
        StringArbitrary odd = Arbitraries.strings().withChars(ODD + "ab1").ofMinLength(min).ofMaxLength(max);
        return Arbitraries.oneOf(odd, Arbitraries.strings().all().ofMinLength(min).ofMaxLength(max));
    }

    private static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }
}
