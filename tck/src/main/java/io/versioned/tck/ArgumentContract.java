package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The argument rules of the {@link Repository} Javadoc and of the names rule of docs/semantics.md (§1): every method that
 * takes an artifact or alias name refuses a bad one, and every bad argument, with an
 * {@link IllegalArgumentException} naming the argument, before any storage call (proved with {@link RecordingPorts})
 * and without writing anything (proved with {@link StoreSnapshot}). Valid edge names are accepted.
 */
public abstract class ArgumentContract extends RepositoryContractSupport {

    private static final String APP = "app";
    private static final String PROD = "prod";
    private static final List<String> PROBED_NAMES = List.of(APP);
    private static final List<String> PROBED_ALIASES = List.of(PROD);

    @TempDir
    private Path directory;

    private RecordingPorts recording;
    /** A repository on {@link #recording}, whose calls must never reach storage in these tests. */
    private Repository guarded;
    private Path existingFile;

    @BeforeEach
    final void seedAndRecord() throws IOException {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, Content.utf8("two"));
        repository.publishArtifactVersion(APP);
        repository.putAlias(APP, PROD, Version.of(1));
        existingFile = Files.write(directory.resolve("content.bin"), Content.utf8("from a file"));
        recording = new RecordingPorts(ports);
        guarded = RepositoryFixture.repository(recording.ports(), clock);
        recording.clear();
    }

    static Stream<Arguments> badArtifactNames() {
        return Stream.of(Arguments.of((Object) null), Arguments.of(""), Arguments.of("-a"), Arguments.of(".a"),
                Arguments.of("_a"), Arguments.of("a/b"), Arguments.of("a b"), Arguments.of("a".repeat(129)),
                Arguments.of("caf\u00e9"), Arguments.of("\u65e5\u672c"), Arguments.of("../x"), Arguments.of("a\n"));
    }

    static Stream<Arguments> badAliasNames() {
        return Stream.of(Arguments.of((Object) null), Arguments.of(""), Arguments.of("1a"), Arguments.of("_a"),
                Arguments.of("a-b"), Arguments.of("a.b"), Arguments.of("LATEST"), Arguments.of("latest"),
                Arguments.of("Latest"), Arguments.of("a".repeat(65)), Arguments.of("pr\u00f6d"));
    }

    // ---- names (semantics §1)

    @ParameterizedTest(name = "artifact name {0}")
    @MethodSource("badArtifactNames")
    void everyMethodRefusesABadArtifactNameBeforeAnyStorageCall(String name) {
        Path target = directory.resolve("download.bin");
        Content.TrackedStream stream = new Content.TrackedStream(Content.utf8("stream"));
        List<Call> calls = List.of(
                new Call("putArtifact(bytes)", () -> guarded.putArtifact(name, Content.utf8("x"))),
                new Call("putArtifact(bytes, options)",
                        () -> guarded.putArtifact(name, Content.utf8("x"), PutOptions.none())),
                new Call("putArtifact(file)", () -> guarded.putArtifact(name, existingFile, PutOptions.none())),
                new Call("putArtifact(stream)", () -> guarded.putArtifact(name, stream, PutOptions.none())),
                new Call("getArtifactVersion(name)", () -> guarded.getArtifactVersion(name)),
                new Call("getArtifactVersion(name, version)", () -> guarded.getArtifactVersion(name, Version.of(1))),
                new Call("listArtifactVersions", () -> guarded.listArtifactVersions(name)),
                new Call("publishArtifactVersion", () -> guarded.publishArtifactVersion(name)),
                new Call("deleteArtifactVersion", () -> guarded.deleteArtifactVersion(name, Version.of(1))),
                new Call("restoreArtifactVersion", () -> guarded.restoreArtifactVersion(name, Version.of(1))),
                new Call("getLatestPublishedVersionNumber", () -> guarded.getLatestPublishedVersionNumber(name)),
                new Call("getContent", () -> guarded.getContent(name, Version.of(1))),
                new Call("openContent", () -> guarded.openContent(name, Version.of(1))),
                new Call("download", () -> guarded.download(name, Version.of(1), target)),
                new Call("putAlias(version)", () -> guarded.putAlias(name, PROD, Version.of(1))),
                new Call("putAlias(version, secondary, weight)",
                        () -> guarded.putAlias(name, PROD, Version.of(1), Version.of(2), 10)),
                new Call("putAlias(target, expectedRevision)",
                        () -> guarded.putAlias(name, PROD, AliasTarget.of(Version.of(1)), 1)),
                new Call("getAlias", () -> guarded.getAlias(name, PROD)),
                new Call("listAliases", () -> guarded.listAliases(name)),
                new Call("deleteAlias", () -> guarded.deleteAlias(name, PROD)),
                new Call("resolve(name, alias)", () -> guarded.resolve(name, PROD)),
                new Call("resolve(name, alias, key)", () -> guarded.resolve(name, PROD, "user-1")),
                new Call("getAliasHistory", () -> guarded.getAliasHistory(name, PROD)),
                new Call("purgeArtifactVersions", () -> guarded.purgeArtifactVersions(name, 1, Duration.ZERO)),
                new Call("purgeArtifactVersions(dryRun)",
                        () -> guarded.purgeArtifactVersions(name, 1, Duration.ZERO, true)),
                new Call("purgeArtifact", () -> guarded.purgeArtifact(name)));

        for (Call call : calls) {
            assertRefused(call, "name");
        }
        assertThat(stream.fullyRead()).as("the content stream was read").isFalse();
        assertThat(target).as("download target").doesNotExist();
    }

    @ParameterizedTest(name = "alias name {0}")
    @MethodSource("badAliasNames")
    void everyMethodRefusesABadAliasNameBeforeAnyStorageCall(String alias) {
        List<Call> calls = List.of(
                new Call("putAlias(version)", () -> guarded.putAlias(APP, alias, Version.of(1))),
                new Call("putAlias(version, secondary, weight)",
                        () -> guarded.putAlias(APP, alias, Version.of(1), Version.of(2), 10)),
                new Call("putAlias(target, expectedRevision)",
                        () -> guarded.putAlias(APP, alias, AliasTarget.of(Version.of(1)), 0)),
                new Call("getAlias", () -> guarded.getAlias(APP, alias)),
                new Call("deleteAlias", () -> guarded.deleteAlias(APP, alias)),
                new Call("resolve(name, alias)", () -> guarded.resolve(APP, alias)),
                new Call("resolve(name, alias, key)", () -> guarded.resolve(APP, alias, "user-1")),
                new Call("getAliasHistory", () -> guarded.getAliasHistory(APP, alias)));

        for (Call call : calls) {
            assertRefused(call, "alias");
        }
    }

    @Test
    void validEdgeNamesAreAccepted() {
        String longest = "A" + "b.c_d-9".repeat(18) + "x";
        String longestAlias = "a" + "b_9".repeat(21);
        assertThat(longest).hasSize(128);
        assertThat(longestAlias).hasSize(64);

        for (String name : List.of(longest, "a", "A.b_c-9", "9", "0.0")) {
            byte[] content = Content.utf8("content of " + name);
            repository.putArtifact(name, content);
            assertThat(repository.publishArtifactVersion(name).version()).as(name).isEqualTo(Version.of(1));
            assertThat(repository.getContent(name, Version.of(1))).as(name).isEqualTo(content);
            for (String alias : List.of(longestAlias, "a", "A", "a_1", "Z9_")) {
                assertThat(repository.putAlias(name, alias, Version.of(1)).alias()).isEqualTo(alias);
                assertThat(repository.resolve(name, alias).version()).as("repository.resolve(name, alias).version()")
                        .isEqualTo(Version.of(1));
            }
            assertThat(repository.listAliases(name)).as("repository.listAliases(name)").hasSize(5);
        }
        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()")
                .contains(longest, "a", "A.b_c-9", "9", "0.0");
    }

    // ---- other arguments

    @Test
    void nullArgumentsAreRefusedNamingTheArgument() {
        Path target = directory.resolve("download.bin");
        List<Call> calls = List.of(
                new Call("content", "putArtifact(bytes)", () -> guarded.putArtifact(APP, (byte[]) null)),
                new Call("content", "putArtifact(bytes, options)",
                        () -> guarded.putArtifact(APP, (byte[]) null, PutOptions.none())),
                new Call("content", "putArtifact(stream)",
                        () -> guarded.putArtifact(APP, (InputStream) null, PutOptions.none())),
                new Call("options", "putArtifact(bytes, options)",
                        () -> guarded.putArtifact(APP, Content.utf8("x"), null)),
                new Call("options", "putArtifact(file, options)", () -> guarded.putArtifact(APP, existingFile, null)),
                new Call("options", "putArtifact(stream, options)",
                        () -> guarded.putArtifact(APP, new ByteArrayInputStream(Content.utf8("x")), null)),
                new Call("file", "putArtifact(file)", () -> guarded.putArtifact(APP, (Path) null, PutOptions.none())),
                new Call("version", "getArtifactVersion", () -> guarded.getArtifactVersion(APP, null)),
                new Call("version", "deleteArtifactVersion", () -> guarded.deleteArtifactVersion(APP, null)),
                new Call("version", "restoreArtifactVersion", () -> guarded.restoreArtifactVersion(APP, null)),
                new Call("version", "getContent", () -> guarded.getContent(APP, null)),
                new Call("version", "openContent", () -> guarded.openContent(APP, null)),
                new Call("version", "download", () -> guarded.download(APP, null, target)),
                new Call("version", "putAlias(version)", () -> guarded.putAlias(APP, PROD, null)),
                new Call("version", "putAlias(version, secondary, weight)",
                        () -> guarded.putAlias(APP, PROD, null, Version.of(2), 10)),
                new Call("target", "download", () -> guarded.download(APP, Version.of(1), null)),
                new Call("target", "putAlias(target, expectedRevision)", () -> guarded.putAlias(APP, PROD, null, 1)),
                new Call("routingKey", "resolve(name, alias, key)", () -> guarded.resolve(APP, PROD, null)),
                new Call("purgeOlderThan", "purgeArtifactVersions",
                        () -> guarded.purgeArtifactVersions(APP, 1, null)),
                new Call("purgeOlderThan", "purgeArtifactVersions(dryRun)",
                        () -> guarded.purgeArtifactVersions(APP, 1, null, true)));

        for (Call call : calls) {
            assertRefused(call, call.argument());
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void outOfRangeNumbersAreRefusedNamingTheArgument() {
        List<Call> calls = List.of(
                new Call("keepLastN", "purgeArtifactVersions",
                        () -> guarded.purgeArtifactVersions(APP, -1, Duration.ofDays(1))),
                new Call("keepLastN", "purgeArtifactVersions(dryRun)",
                        () -> guarded.purgeArtifactVersions(APP, -1, Duration.ofDays(1), true)),
                new Call("purgeOlderThan", "purgeArtifactVersions",
                        () -> guarded.purgeArtifactVersions(APP, 1, Duration.ofSeconds(-1))),
                new Call("purgeOlderThan", "purgeArtifactVersions(dryRun)",
                        () -> guarded.purgeArtifactVersions(APP, 1, Duration.ofNanos(-1), true)),
                new Call("expectedRevision", "putAlias(target, expectedRevision)",
                        () -> guarded.putAlias(APP, PROD, AliasTarget.of(Version.of(2)), -1)));

        for (Call call : calls) {
            assertRefused(call, call.argument());
        }
    }

    @Test
    void aFileThatDoesNotExistIsRefusedNamingTheFile() {
        Path missing = directory.resolve("missing.bin");

        assertRefused(new Call("file", "putArtifact(missing file)",
                () -> guarded.putArtifact(APP, missing, PutOptions.none())), "file");
        assertRefused(new Call("file", "putArtifact(directory)",
                () -> guarded.putArtifact(APP, directory, PutOptions.none())), "file");
    }

    @Test
    void downloadIntoAMissingDirectoryOrOntoADirectoryIsRefusedNamingTheTarget() {
        Path intoMissing = directory.resolve("missing").resolve("download.bin");

        assertRefused(new Call("target", "download(missing directory)",
                () -> guarded.download(APP, Version.of(1), intoMissing)), "target");
        assertRefused(new Call("target", "download(onto a directory)",
                () -> guarded.download(APP, Version.of(1), directory)), "target");
        assertThat(intoMissing.getParent()).doesNotExist();
    }

    @Test
    void versionsOutsideTheirRangeAreRefused() {
        for (int number : new int[] {0, -1, 1_000_000, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> Version.of(number),
                    "%s must throw %s", "Version.of(number)", "IllegalArgumentException")
                    .as("Version.of(%d)", number)
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        }
        for (String text : new String[] {"x", "-1", "1.5", "0", "", " ", "1000000", "0000000", "LATEST1", "5a"}) {
            assertThatThrownBy(() -> Version.parse(text),
                    "%s must throw %s", "Version.parse(text)", "IllegalArgumentException")
                    .as("Version.parse(\"%s\")", text)
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        }
        assertThatThrownBy(() -> Version.parse(null),
                "%s must throw %s", "Version.parse(null)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void versionsParseAndPrintAsDocumented() {
        assertThat(Version.parse("latest")).as("Version.parse(\"latest\")").isEqualTo(Version.LATEST);
        assertThat(Version.parse("LATEST")).as("Version.parse(\"LATEST\")").isEqualTo(Version.LATEST);
        assertThat(Version.parse("Latest").isLatest()).as("Version.parse(\"Latest\").isLatest()").isTrue();
        assertThat(Version.parse("000005")).as("Version.parse(\"000005\")").isEqualTo(Version.of(5));
        assertThat(Version.parse("5")).as("Version.parse(\"5\")").isEqualTo(Version.of(5));
        assertThat(Version.parse("999999")).as("Version.parse(\"999999\")").isEqualTo(Version.of(Version.MAX_NUMBER));
        assertThat(Version.of(1).number()).as("Version.of(1).number()").isEqualTo(1);
        assertThat(Version.of(5)).hasToString("5");
        assertThat(Version.LATEST).hasToString("LATEST");
        assertThat(Version.of(5).isLatest()).as("Version.of(5).isLatest()").isFalse();
        assertThat(List.of(Version.of(2), Version.LATEST, Version.of(10)).stream().sorted().toList())
                .containsExactly(Version.LATEST, Version.of(2), Version.of(10));
    }

    @Test
    void putOptionsRefuseBadValuesNamingTheArgument() {
        assertThatThrownBy(() -> PutOptions.builder().contentType("nonsense").build(),
                "%s must throw %s",
                "PutOptions.builder().contentType(\"nonsense\").build()", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("contentType");
        assertThatThrownBy(() -> PutOptions.builder().contentType(null),
                "%s must throw %s", "PutOptions.builder().contentType(null)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("contentType");
        assertThatThrownBy(() -> PutOptions.builder().metadata(null),
                "%s must throw %s", "PutOptions.builder().metadata(null)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> PutOptions.builder().metadata(Map.of("", "v")).build(),
                "%s must throw %s",
                "PutOptions.builder().metadata(Map.of(\"\", \"v\")).build()", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> PutOptions.builder().tags(null),
                "%s must throw %s", "PutOptions.builder().tags(null)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("tags");
        for (String type : List.of("", " ", "text", "text/", "/plain", " text/plain", "text /plain", "text/plain/x",
                "text/pl ain", "text/plain\n", "t\u00e9xt/plain", "text/" + "a".repeat(251))) {
            assertThatThrownBy(() -> PutOptions.builder().contentType(type).build(),
                    "%s must throw %s", "PutOptions.builder().contentType(type).build()", "IllegalArgumentException")
                    .as("contentType '%s'", type)
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("contentType");
        }
        for (String type : List.of("text/plain", "application/vnd.api+json", "text/plain; charset=utf-8",
                "text/plain;charset=\"utf-8\"", "application/x-sqlite3")) {
            assertThat(PutOptions.builder().contentType(type).build().contentType()).contains(type);
        }
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        for (Map<String, String> bad : List.of(nullKey, nullValue)) {
            assertThatThrownBy(() -> PutOptions.builder().metadata(bad).build(),
                    "%s must throw %s", "PutOptions.builder().metadata(bad).build()", "IllegalArgumentException")
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
            assertThatThrownBy(() -> PutOptions.builder().tags(bad).build(),
                    "%s must throw %s", "PutOptions.builder().tags(bad).build()", "IllegalArgumentException")
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("tags");
        }
        assertThatThrownBy(() -> new PutOptions(null, Map.of(), Map.of()),
                "%s must throw %s", "new PutOptions(null, Map.of(), Map.of())", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("contentType");
        assertThatThrownBy(() -> new PutOptions(Optional.empty(), null, Map.of()),
                "%s must throw %s", "new PutOptions(Optional.empty(), null, Map.of())", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> new PutOptions(Optional.empty(), Map.of(), null),
                "%s must throw %s", "new PutOptions(Optional.empty(), Map.of(), null)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("tags");
    }

    // ---- the limits of PutOptions, the same on every backend

    @Test
    void metadataAtEveryLimitIsStoredAndReadBackExactly() {
        Map<String, String> metadata = metadataOfExactly(PutOptions.MAX_METADATA_BYTES);
        byte[] content = Content.utf8("metadata at its limits");

        Artifact put = repository.putArtifact(APP, content, PutOptions.builder().metadata(metadata).build());
        Artifact published = repository.publishArtifactVersion(APP);
        Map<String, String> other = Map.of("k", "v\u0001\u007f\u0085\n\t\r\ufffe\uffff");
        Artifact updated = repository.putArtifact(APP, new ByteArrayInputStream(content),
                PutOptions.builder().metadata(other).build());

        assertThat(put.metadata()).as("put.metadata()").isEqualTo(metadata);
        assertThat(repository.getArtifactVersion(APP, published.version()).metadata()).isEqualTo(metadata);
        assertThat(updated.metadata()).as("updated.metadata()").isEqualTo(other);
        assertThat(repository.getArtifactVersion(APP).metadata()).as("repository.getArtifactVersion(APP).metadata()")
                .isEqualTo(other);
        assertThat(repository.getArtifactVersion(APP).sha256()).as("repository.getArtifactVersion(APP).sha256()")
                .isEqualTo(Content.sha256(content));
    }

    @Test
    void aContentTypeOfExactly255CharactersIsStoredAndOneMoreIsRefused() {
        String longest = "application/" + "x".repeat(243);
        String tooLong = longest + "x";
        assertThat(longest).hasSize(255);

        Artifact put = repository.putArtifact(APP, Content.utf8("typed"),
                PutOptions.builder().contentType(longest).build());

        assertThat(put.contentType()).as("put.contentType()").isEqualTo(longest);
        assertThat(repository.getArtifactVersion(APP).contentType()).isEqualTo(longest);
        assertRefused(new Call("contentType", "putArtifact(bytes) with a content type of 256 characters",
                () -> guarded.putArtifact(APP, Content.utf8("x"), PutOptions.builder().contentType(tooLong).build())),
                "contentType", "at most 255 characters");
    }

    @Test
    void metadataPastALimitIsRefusedNamingMetadataAndTheRule() {
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        String smile = "\ud83d\ude00";
        Map<String, String> tooLarge = new HashMap<>(metadataOfExactly(PutOptions.MAX_METADATA_BYTES));
        tooLarge.put("one more", "");
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("must be 1 to 128 characters, got 0", Map.of("", "v"));
        cases.put("must be 1 to 128 characters, got 129", Map.of("k".repeat(129), "v"));
        cases.put("must be 1 to 128 characters, got 129:", Map.of(smile.repeat(129), "v"));
        cases.put("keys must not contain ISO control characters", Map.of("a\u0000", "v"));
        cases.put("keys must not contain ISO control characters (U+0000 ", Map.of("a\nb", "v"));
        cases.put("keys must not contain ISO control characters (U+0000 to", Map.of("\u007f", "v"));
        cases.put("keys must not contain ISO control characters (U+0000 to U+001F", Map.of("a\u009f", "v"));
        cases.put("keys must be well-formed UTF-16", Map.of("a\ud800", "v"));
        cases.put("keys must be well-formed UTF-16 (no unpaired", Map.of("\udc00\ud800", "v"));
        cases.put("values must be well-formed UTF-16", Map.of("k", "\ude00"));
        cases.put("values must be well-formed UTF-16 (no unpaired surrogate)", Map.of("k", smile + "\ud83d"));
        cases.put("values must not contain U+0000", Map.of("k", "a\u0000b"));
        cases.put("must be at most 8192 bytes in UTF-8, got 8193", Map.of("k", "v".repeat(8192)));
        cases.put("must be at most 8192 bytes in UTF-8, got 8194", Map.of("\u00e9", "\u00e9".repeat(4096)));
        cases.put("must be at most 8192 bytes in UTF-8, got 8200", tooLarge);
        cases.put("keys must not be null", nullKey);
        cases.put("values must not be null, got null for key 'k'", nullValue);

        cases.forEach((rule, metadata) -> {
            assertRefused(new Call("metadata", "putArtifact(bytes) with metadata: " + rule,
                    () -> guarded.putArtifact(APP, Content.utf8("x"), PutOptions.builder().metadata(metadata).build())),
                    "metadata", rule);
            assertRefused(new Call("metadata", "putArtifact(file) with metadata: " + rule,
                    () -> guarded.putArtifact(APP, existingFile, new PutOptions(Optional.empty(), metadata, Map.of()))),
                    "metadata", rule);
        });
    }

    @Test
    void tagsAtEveryLimitAreAccepted() {
        String allowed = "Az09 \u00e9\u65e5\ud835\udc00\u0663\u00a0+-=._:/@";
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(padded("k", allowed, PutOptions.MAX_TAG_KEY_LENGTH), padded("v", allowed,
                PutOptions.MAX_TAG_VALUE_LENGTH));
        tags.put("\ud835\udc00".repeat(PutOptions.MAX_TAG_KEY_LENGTH), "\ud835\udc00".repeat(256));
        for (int i = tags.size(); i < PutOptions.MAX_TAGS; i++) {
            tags.put("tag " + i, i % 2 == 0 ? "" : "value " + i);
        }
        byte[] content = Content.utf8("tags at their limits");

        Artifact put = repository.putArtifact(APP, content, PutOptions.builder().tags(tags).build());

        assertThat(tags).hasSize(PutOptions.MAX_TAGS);
        assertThat(put.sha256()).as("put.sha256()").isEqualTo(Content.sha256(content));
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(content);
    }

    @Test
    void tagsPastALimitAreRefusedNamingTagsAndTheRule() {
        Map<String, String> eleven = new LinkedHashMap<>();
        for (int i = 0; i <= PutOptions.MAX_TAGS; i++) {
            eleven.put("tag" + i, "v");
        }
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("at most 10 tags, got 11", eleven);
        cases.put("keys must be 1 to 128 characters, got 0", Map.of("", "v"));
        cases.put("keys must be 1 to 128 characters, got 129", Map.of("k".repeat(129), "v"));
        cases.put("keys must be 1 to 128 characters, got 129:", Map.of("\ud835\udc00".repeat(129), "v"));
        cases.put("values must be at most 256 characters, got 257", Map.of("k", "v".repeat(257)));
        cases.put("keys must hold only letters, digits, white space and + - = . _ : / @", Map.of("a#b", "v"));
        cases.put("keys must hold only letters, digits, white space and + - = . _ : / @, got key", Map.of("a\tb", "v"));
        cases.put("keys must hold only letters, digits, white space", Map.of("\ud83d\ude00", "v"));
        cases.put("keys must hold only letters, digits", Map.of("a\ud800", "v"));
        cases.put("values must hold only letters, digits, white space and + - = . _ : / @", Map.of("k", "50%"));
        cases.put("values must hold only letters, digits, white space and + - = . _ : / @, got", Map.of("k", "a,b"));
        cases.put("values must hold only letters", Map.of("k", "a\u0000"));
        cases.put("values must not be null, got null for key 'k'", nullValue);

        cases.forEach((rule, tags) -> assertRefused(new Call("tags", "putArtifact(bytes) with tags: " + rule,
                () -> guarded.putArtifact(APP, Content.utf8("x"), PutOptions.builder().tags(tags).build())),
                "tags", rule));
    }

    /**
     * Metadata of exactly {@code bytes} bytes in UTF-8 (keys plus values) that uses every kind of character the
     * rules allow: a key of 128 characters some of which are supplementary, control characters other than U+0000
     * in values, an empty value, and characters of one to four bytes.
     */
    private static Map<String, String> metadataOfExactly(int bytes) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(padded("\ud83d\ude00 key \u65e5\u00e9", "k", PutOptions.MAX_METADATA_KEY_LENGTH), "");
        metadata.put("controls", "line\nbreak\ttab\r\u0001\u001f\u007f\u0085\u2028 \ud83d\ude00");
        metadata.put("quotes \"'\\", "{\"json\": [1, \"two\"]} <xml/> %s %n ${x}");
        int used = metadata.entrySet().stream().mapToInt(e -> utf8Length(e.getKey()) + utf8Length(e.getValue()))
                .sum();
        String key = "filler";
        int remaining = bytes - used - utf8Length(key);
        StringBuilder value = new StringBuilder();
        while (remaining >= 4) {
            value.append("\ud83d\ude00");
            remaining -= 4;
        }
        value.append("\u00e9".repeat(remaining / 2)).append("a".repeat(remaining % 2));
        metadata.put(key, value.toString());
        assertThat(metadata.entrySet().stream().mapToInt(e -> utf8Length(e.getKey()) + utf8Length(e.getValue()))
                .sum()).as("UTF-8 size of the metadata").isEqualTo(bytes);
        assertThat(metadata.keySet().iterator().next().codePointCount(0, metadata.keySet().iterator().next().length()))
                .isEqualTo(PutOptions.MAX_METADATA_KEY_LENGTH);
        return metadata;
    }

    /** {@code start} followed by {@code fill}'s characters, repeated, to exactly {@code length} characters. */
    private static String padded(String start, String fill, int length) {
        StringBuilder out = new StringBuilder(start);
        int[] fillers = fill.codePoints().toArray();
        for (int i = 0; out.codePointCount(0, out.length()) < length; i++) {
            out.appendCodePoint(fillers[i % fillers.length]);
        }
        return out.toString();
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aliasTargetsRefuseBadValuesNamingTheArgument() {
        assertThatThrownBy(() -> AliasTarget.of(null),
                "%s must throw %s", "AliasTarget.of(null)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageMatching("(?s).*\\bversion\\b.*");
        assertThatThrownBy(() -> new AliasTarget(Version.of(1), null, 0),
                "%s must throw %s", "new AliasTarget(Version.of(1), null, 0)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("secondaryVersion");
        for (int weight : new int[] {-1, 100}) {
            assertThatThrownBy(() -> new AliasTarget(Version.of(1), Optional.of(Version.of(2)), weight),
                    "%s must throw %s",
                    "new AliasTarget(Version.of(1), Optional.of(Version.of(2)), weight)", "IllegalArgumentException")
                    .as("weight %d", weight).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("secondaryVersionWeight");
        }
        assertThatThrownBy(() -> new AliasTarget(Version.of(1), Optional.empty(), 10),
                "%s must throw %s", "new AliasTarget(Version.of(1), Optional.empty(), 10)", "IllegalArgumentException")
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("secondaryVersionWeight");
    }

    @Test
    void badAliasTargetsAreRefusedBeforeAnyStorageCall() {
        List<Call> calls = List.of(
                new Call("secondaryWeight", "putAlias(weight above 99)",
                        () -> guarded.putAlias(APP, PROD, Version.of(1), Version.of(2), 100)),
                new Call("secondaryWeight", "putAlias(negative weight)",
                        () -> guarded.putAlias(APP, PROD, Version.of(1), Version.of(2), -1)),
                new Call("secondaryWeight", "putAlias(weight without secondary)",
                        () -> guarded.putAlias(APP, PROD, Version.of(1), null, 10)),
                new Call("secondary", "putAlias(secondary equal to primary)",
                        () -> guarded.putAlias(APP, PROD, Version.of(1), Version.of(1), 10)),
                new Call("secondary", "putAlias(target with secondary equal to primary, expectedRevision)",
                        () -> guarded.putAlias(APP, PROD,
                                new AliasTarget(Version.of(2), Optional.of(Version.of(2)), 10), 1)));

        for (Call call : calls) {
            assertRefused(call, call.argument());
        }
    }

    private void assertRefused(Call call, String argument) {
        assertRefused(call, argument, "");
    }

    /**
     * Asserts that {@code call} throws an {@link IllegalArgumentException} naming {@code argument} (and, when
     * {@code rule} is not empty, starting with {@code argument: } and stating {@code rule}) without any storage call
     * and without changing the store.
     */
    private void assertRefused(Call call, String argument, String rule) {
        StoreSnapshot before = snapshot();
        recording.clear();

        assertThatThrownBy(call.call(), "%s must throw IllegalArgumentException", call.label())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*\\b" + argument + "\\b.*")
                .hasMessageStartingWith(rule.isEmpty() ? "" : argument + ": ").hasMessageContaining(rule);

        assertThat(recording.calls()).as("storage calls made by %s", call.label()).isEmpty();
        assertThat(snapshot()).as("store after %s", call.label()).isEqualTo(before);
    }

    private StoreSnapshot snapshot() {
        return StoreSnapshot.of(ports, PROBED_NAMES, PROBED_ALIASES);
    }

    /** One call of the API, labelled for assertion messages, with the argument it gets wrong. */
    private record Call(String argument, String label, ThrowingCallable call) {

        Call(String label, ThrowingCallable call) {
            this("", label, call);
        }
    }
}
