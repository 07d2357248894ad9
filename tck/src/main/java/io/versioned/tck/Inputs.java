package io.versioned.tck;

import io.versioned.api.PutOptions;
import io.versioned.api.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * The generated arguments of the property suites, each mixing valid values (often ones the store already knows,
 * so that calls meet existing state) with invalid ones: names, aliases, versions, weights, routing keys, revisions,
 * retention arguments, put options up to and past their limits, content, files and download targets.
 */
final class Inputs {

    /** Artifact names the generated calls favour, so that they often meet stored state (the first two are seeded). */
    static final List<String> KNOWN_NAMES = List.of("app", "db", "A.b_c-9");
    /** Alias names the generated calls favour; both are seeded. */
    static final List<String> KNOWN_ALIASES = List.of("prod", "canary");

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Characters that are odd somewhere: controls, NUL, separators, a BOM, non-characters, accents, CJK, RTL. */
    private static final String ODD = "\u0000\u0001\t\n\r\u001f\u007f\u0085\u009f\u00a0\u00e9\u2028\u2029\ufeff"
            + "\ufffe\uffff\u65e5\u05d0\u202e%\"'\\/=;, ";
    private static final String SMILE = "\ud83d\ude00";

    private Inputs() {
    }

    // ---- names

    /** Artifact names: mostly known or valid ones, the longest valid one, and every kind of invalid one. */
    static Arbitrary<String> artifactNames() {
        StringArbitrary tail = Arbitraries.strings().withChars(ALPHANUMERIC + "._-");
        Arbitrary<String> valid = Combinators.combine(Arbitraries.strings().withChars(ALPHANUMERIC).ofLength(1),
                tail.ofMaxLength(20)).as(String::concat);
        Arbitrary<String> tooLong = Combinators.combine(Arbitraries.strings().withChars(ALPHANUMERIC).ofLength(1),
                tail.ofMinLength(128).ofMaxLength(200)).as(String::concat);
        return Arbitraries.frequencyOf(
                weighted(40, Arbitraries.of(KNOWN_NAMES)),
                weighted(8, valid),
                weighted(2, Arbitraries.of("a" + "b.c_d-9".repeat(18) + "x", "9", "0.0")),
                weighted(1, Arbitraries.just((String) null)),
                weighted(4, Arbitraries.of("", ".a", "-a", "_a", "a/b", "a b", "../x", "a\n", "caf\u00e9",
                        "\u65e5\u672c", "a\u0000", "app" + SMILE)),
                weighted(2, tooLong),
                weighted(4, anyText(1, 20)));
    }

    /** Alias names: mostly known or valid ones, LATEST in any case, and every kind of invalid one. */
    static Arbitrary<String> aliasNames() {
        Arbitrary<String> valid = Combinators.combine(Arbitraries.strings().alpha().ofLength(1),
                Arbitraries.strings().withChars(ALPHANUMERIC + "_").ofMaxLength(15)).as(String::concat);
        Arbitrary<String> latest = Arbitraries.integers().between(0, 63).map(Inputs::latestInCase);
        return Arbitraries.frequencyOf(
                weighted(40, Arbitraries.of(KNOWN_ALIASES)),
                weighted(8, valid),
                weighted(2, Arbitraries.of("a" + "b_9".repeat(21), "Z", "staging_2")),
                weighted(4, latest),
                weighted(1, Arbitraries.just((String) null)),
                weighted(4, Arbitraries.of("", "1a", "_a", "a-b", "a.b", "a b", "pr\u00f6d", "a".repeat(65),
                        "prod\n", "prod" + SMILE)),
                weighted(4, anyText(1, 20)));
    }

    // ---- versions and alias arguments

    /** Versions: LATEST, small numbers that exist, any int (Version.of refuses most), and null. */
    static Arbitrary<VersionArg> versions() {
        return Arbitraries.frequencyOf(
                weighted(20, Arbitraries.just(VersionArg.latest())),
                weighted(45, Arbitraries.integers().between(1, 6).map(VersionArg::number)),
                weighted(10, Arbitraries.integers().map(VersionArg::number)),
                weighted(5, Arbitraries.of(0, -1, Version.MAX_NUMBER, Version.MAX_NUMBER + 1, Integer.MIN_VALUE,
                        Integer.MAX_VALUE).map(VersionArg::number)),
                weighted(3, Arbitraries.just(VersionArg.absent())));
    }

    /** Secondary versions of a canary: often none (null), otherwise as {@link #versions()}. */
    static Arbitrary<VersionArg> secondaries() {
        return Arbitraries.frequencyOf(weighted(2, Arbitraries.just(VersionArg.absent())), weighted(3, versions()));
    }

    /** Canary weights: mostly 0..99, and any int. */
    static Arbitrary<Integer> weights() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.integers().between(0, 99)),
                weighted(2, Arbitraries.of(0, 99, 100, -1)),
                weighted(2, Arbitraries.integers()));
    }

    /** Expected alias revisions: small ones, negative ones and any long. */
    static Arbitrary<Long> revisions() {
        return Arbitraries.frequencyOf(weighted(8, Arbitraries.longs().between(-2, 6)),
                weighted(2, Arbitraries.longs()));
    }

    /** Routing keys: any text (empty, unicode, lone surrogates, long) and null. */
    static Arbitrary<String> routingKeys() {
        return Arbitraries.frequencyOf(
                weighted(6, anyText(0, 40)),
                weighted(2, Arbitraries.of("", "user-4711", SMILE, "\ud800", "\u0000")),
                weighted(1, Arbitraries.integers().between(1_000, 20_000).map(n -> "k\u00e9y".repeat(n))),
                weighted(1, Arbitraries.just((String) null)));
    }

    // ---- retention

    /** keepLastN: small ones, negative ones and any int. */
    static Arbitrary<Integer> keepCounts() {
        return Arbitraries.frequencyOf(weighted(8, Arbitraries.integers().between(-1, 4)),
                weighted(2, Arbitraries.integers()));
    }

    /** purgeOlderThan: zero (the common case in a suite whose clock barely moves), small, huge, negative, null. */
    static Arbitrary<Duration> ages() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.just(Duration.ZERO)),
                weighted(3, Arbitraries.longs().between(-5, 1_000_000).map(Duration::ofNanos)),
                weighted(2, Arbitraries.longs().map(Duration::ofSeconds)),
                weighted(1, Arbitraries.of(Duration.ofNanos(-1), Duration.ofDays(365L * 1_000_000_000),
                        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE))),
                weighted(1, Arbitraries.just((Duration) null)));
    }

    // ---- puts

    /** Content: often a few tiny values (so unchanged puts and publishes happen), up to a few hundred KiB. */
    static Arbitrary<ContentArg> contents() {
        return Arbitraries.frequencyOf(
                weighted(6, Combinators.combine(Arbitraries.of(0, 1, 16), Arbitraries.longs().between(0, 1))
                        .as(ContentArg::new)),
                weighted(3, Combinators.combine(Arbitraries.integers().between(0, 4096), Arbitraries.longs())
                        .as(ContentArg::new)),
                weighted(1, Combinators.combine(Arbitraries.integers().between(4097, 384 * 1024), Arbitraries.longs())
                        .as(ContentArg::new)));
    }

    /** Options: none, or a content type, metadata and tags each from their own mix; sometimes null options. */
    static Arbitrary<OptionsArg> options() {
        Arbitrary<OptionsArg> some = Combinators.combine(contentTypes(), metadata(), tags()).as(OptionsArg::new);
        return Arbitraries.frequencyOf(
                weighted(3, Arbitraries.just(new OptionsArg(Optional.empty(), Map.of(), Map.of()))),
                weighted(12, some),
                weighted(1, Arbitraries.just((OptionsArg) null)));
    }

    /** Content types: absent, valid ones, at and past 255 characters, and random text. */
    static Arbitrary<Optional<String>> contentTypes() {
        Arbitrary<String> valid = Arbitraries.of("application/octet-stream", "text/plain", "text/csv; charset=utf-8",
                "TEXT/CSV;Charset=UTF-8", "application/x-sqlite3", "application/vnd.api+json",
                "text/" + "a".repeat(250));
        Arbitrary<String> invalid = Arbitraries.oneOf(anyText(0, 30), Arbitraries.of("", "text", "text/", "/plain",
                " text/plain", "text/pl ain", "text/plain\n", "t\u00e9xt/plain", "text/" + "a".repeat(251)));
        return Arbitraries.frequencyOf(
                weighted(5, Arbitraries.just(Optional.empty())),
                weighted(4, valid.map(Optional::of)),
                weighted(2, invalid.map(Optional::of)));
    }

    /**
     * Metadata: empty, small and ordinary, odd characters in keys and values, sizes around each limit (key length
     * 128, 8192 bytes in total, with characters of one to four bytes), far past the limits, null keys and values.
     */
    static Arbitrary<Map<String, String>> metadata() {
        Arbitrary<Map<String, String>> ordinary = Arbitraries.maps(
                Arbitraries.strings().withChars(ALPHANUMERIC + "-_.").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars(ALPHANUMERIC + " ,.:=/").ofMaxLength(60)).ofMaxSize(6);
        Arbitrary<Map<String, String>> odd = Arbitraries.maps(oddText(0, 20), oddText(0, 60)).ofMaxSize(4);
        Arbitrary<Map<String, String>> keyLength = Combinators.combine(Arbitraries.integers().between(126, 130),
                Arbitraries.of("k", "\u00e9", SMILE)).as((length, unit) -> Map.of(unit.repeat(length), "v"));
        Arbitrary<Map<String, String>> totalSize = Combinators.combine(
                Arbitraries.integers().between(-3, 3), Arbitraries.of("v", "\u00e9", "\u65e5", SMILE),
                Arbitraries.integers().between(1, 40)).as(Inputs::metadataAroundTheLimit);
        Arbitrary<Map<String, String>> huge = Arbitraries.integers().between(8_193, 300_000)
                .map(n -> Map.of("huge", "x".repeat(n)));
        return Arbitraries.frequencyOf(
                weighted(4, Arbitraries.just(Map.of())),
                weighted(5, ordinary),
                weighted(3, odd),
                weighted(2, keyLength),
                weighted(3, totalSize),
                weighted(1, huge),
                weighted(1, Arbitraries.of(nullKey(), nullValue())),
                weighted(1, Arbitraries.just((Map<String, String>) null)));
    }

    /**
     * Tags: empty, valid ones of every allowed kind of character, around each limit (10 tags, keys of 128 and
     * values of 256 characters), characters S3 refuses, null keys and values.
     */
    static Arbitrary<Map<String, String>> tags() {
        String allowed = ALPHANUMERIC + " +-=._:/@\u00e9\u65e5\u0663\u00a0";
        Arbitrary<Map<String, String>> valid = Arbitraries.maps(
                Arbitraries.strings().withChars(allowed).ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars(allowed).ofMaxLength(30)).ofMaxSize(11);
        Arbitrary<Map<String, String>> odd = Arbitraries.maps(oddText(0, 10), oddText(0, 10)).ofMaxSize(3);
        Arbitrary<Map<String, String>> lengths = Combinators.combine(Arbitraries.integers().between(127, 129),
                Arbitraries.integers().between(255, 257), Arbitraries.of("t", "\ud835\udc00"))
                .as((key, value, unit) -> Map.of(unit.repeat(key), unit.repeat(value)));
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.just(Map.of())),
                weighted(4, valid),
                weighted(2, odd),
                weighted(2, lengths),
                weighted(1, Arbitraries.of(nullKey(), nullValue())),
                weighted(1, Arbitraries.just((Map<String, String>) null)));
    }

    /** Files to put: a file holding the content, a missing one, a directory, null. */
    static Arbitrary<FileArg> files() {
        return Arbitraries.frequencyOf(weighted(12, Arbitraries.just(FileArg.EXISTING)),
                weighted(1, Arbitraries.of(FileArg.MISSING, FileArg.DIRECTORY, FileArg.NULL)));
    }

    /** Download targets: a new file, an existing file, a file in a missing folder, a folder, null. */
    static Arbitrary<TargetArg> targets() {
        return Arbitraries.frequencyOf(weighted(8, Arbitraries.of(TargetArg.NEW_FILE, TargetArg.EXISTING_FILE)),
                weighted(1, Arbitraries.of(TargetArg.MISSING_FOLDER, TargetArg.FOLDER, TargetArg.NULL)));
    }

    // ---- helpers

    private static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    /** Any characters at all, lone surrogates and non-characters included. */
    private static StringArbitrary anyText(int min, int max) {
        return Arbitraries.strings().all().ofMinLength(min).ofMaxLength(max);
    }

    /** Text mostly made of the characters some layer finds odd, with a few letters and a lone surrogate. */
    private static Arbitrary<String> oddText(int min, int max) {
        return Arbitraries.strings().withChars(ODD + "ab\ud800\udc00").ofMinLength(min).ofMaxLength(max);
    }

    private static String latestInCase(int mask) {
        StringBuilder out = new StringBuilder();
        String latest = "latest";
        for (int i = 0; i < latest.length(); i++) {
            char c = latest.charAt(i);
            out.append((mask & 1 << i) != 0 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /**
     * Metadata of 8192 + {@code delta} bytes in UTF-8, in {@code entries} entries whose values are made of
     * {@code unit} (one to four bytes) and padded with ASCII to the exact size.
     */
    private static Map<String, String> metadataAroundTheLimit(int delta, String unit, int entries) {
        int target = PutOptions.MAX_METADATA_BYTES + delta;
        Map<String, String> metadata = new LinkedHashMap<>();
        int unitBytes = (int) InputRules.utf8Length(unit);
        int used = 0;
        for (int i = 0; i < entries; i++) {
            String key = String.format(Locale.ROOT, "k%02d", i);
            int share = (target / entries) - key.length();
            StringBuilder value = new StringBuilder();
            for (int bytes = 0; bytes + unitBytes <= share; bytes += unitBytes) {
                value.append(unit);
            }
            metadata.put(key, value.toString());
            used += key.length() + (int) InputRules.utf8Length(value.toString());
        }
        String last = "k00";
        metadata.put(last, metadata.get(last) + "a".repeat(Math.max(0, target - used)));
        return metadata;
    }

    private static Map<String, String> nullKey() {
        Map<String, String> map = new HashMap<>();
        map.put(null, "v");
        return map;
    }

    private static Map<String, String> nullValue() {
        Map<String, String> map = new HashMap<>();
        map.put("k", null);
        return map;
    }

    /** A version argument: LATEST, a number (refused by {@link Version#of} outside 1..999999) or null. */
    record VersionArg(Kind kind, int number) {

        enum Kind { LATEST, NUMBER, NULL }

        static VersionArg latest() {
            return new VersionArg(Kind.LATEST, 0);
        }

        static VersionArg number(int number) {
            return new VersionArg(Kind.NUMBER, number);
        }

        static VersionArg absent() {
            return new VersionArg(Kind.NULL, 0);
        }

        /** True when {@link #version()} gives a version without throwing. */
        boolean makesAVersion() {
            return kind == Kind.LATEST || kind == Kind.NUMBER && number >= 1 && number <= Version.MAX_NUMBER;
        }

        /** True when this is null. */
        boolean isNull() {
            return kind == Kind.NULL;
        }

        /**
         * The version, made the way callers make it; null for {@link Kind#NULL}.
         *
         * @throws IllegalArgumentException naming {@code version} for a number outside 1..999999
         */
        Version version() {
            return switch (kind) {
                case LATEST -> Version.LATEST;
                case NUMBER -> Version.of(number);
                case NULL -> null;
            };
        }

        @Override
        public String toString() {
            return switch (kind) {
                case LATEST -> "LATEST";
                case NUMBER -> "Version.of(" + number + ")";
                case NULL -> "null";
            };
        }
    }

    /** Content: {@code size} pseudo-random bytes from {@code seed}. */
    record ContentArg(int size, long seed) {

        byte[] bytes() {
            return Content.random(size, seed);
        }

        @Override
        public String toString() {
            return size + " bytes (seed " + seed + ")";
        }
    }

    /** Arguments of {@link PutOptions}: made inside the call, so that the constructor's refusal is the call's. */
    record OptionsArg(Optional<String> contentType, Map<String, String> metadata, Map<String, String> tags) {

        /** The options as a caller makes them; throws what the constructor throws. */
        PutOptions options() {
            return new PutOptions(contentType, metadata, tags);
        }

        /** The arguments {@link InputRules} finds invalid, named as the constructor names them. */
        List<String> invalidArguments() {
            List<String> invalid = new ArrayList<>();
            if (contentType.isPresent() && !InputRules.contentType(contentType.get())) {
                invalid.add("contentType");
            }
            if (!InputRules.metadata(metadata)) {
                invalid.add("metadata");
            }
            if (!InputRules.tags(tags)) {
                invalid.add("tags");
            }
            return invalid;
        }

        @Override
        public String toString() {
            return "PutOptions(" + contentType.map(Show::text).orElse("no content type") + ", metadata "
                    + Show.map(metadata) + ", tags " + Show.map(tags) + ")";
        }
    }

    /** What a {@code Path} argument of a put is. */
    enum FileArg {
        EXISTING, MISSING, DIRECTORY, NULL;

        /** The path for this kind in {@code work}, holding {@code content} when it is an existing file. */
        Path path(Path work, byte[] content) throws IOException {
            return switch (this) {
                case EXISTING -> Files.write(work.resolve("put-" + UUID.randomUUID()), content);
                case MISSING -> work.resolve("missing-" + UUID.randomUUID());
                case DIRECTORY -> work;
                case NULL -> null;
            };
        }
    }

    /** What the target of a download is. */
    enum TargetArg {
        NEW_FILE, EXISTING_FILE, MISSING_FOLDER, FOLDER, NULL;

        /** True when a download may write to it. */
        boolean valid() {
            return this == NEW_FILE || this == EXISTING_FILE;
        }

        /** The path for this kind in {@code work}; an existing file holds {@code previous}. */
        Path path(Path work, byte[] previous) throws IOException {
            return switch (this) {
                case NEW_FILE -> work.resolve("download-" + UUID.randomUUID());
                case EXISTING_FILE -> Files.write(work.resolve("download-" + UUID.randomUUID()), previous);
                case MISSING_FOLDER -> work.resolve("missing-" + UUID.randomUUID()).resolve("download");
                case FOLDER -> work;
                case NULL -> null;
            };
        }
    }
}
