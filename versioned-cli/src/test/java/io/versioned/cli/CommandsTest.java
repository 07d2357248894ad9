package io.versioned.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.cli.CliHarness.Result;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** Every subcommand against one shared {@code memory:} repository: the normal path and the bad-input path. */
class CommandsTest {

    private static final String NAME = "customer_analytics_db";

    @TempDir
    Path dir;

    private SharedMemoryFactory memory;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        memory = new SharedMemoryFactory();
        cli = new CliHarness(memory);
    }

    private Result ok(String... args) {
        Result result = cli.run(withRepo(args));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private Result fails(int exitCode, String... args) {
        Result result = cli.run(withRepo(args));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.err().strip().lines()).as("one line on stderr").hasSize(1);
        assertThat(result.err()).doesNotContain("\tat ");
        return result;
    }

    private static String[] withRepo(String... args) {
        List<String> all = new ArrayList<>(List.of("--repo", "memory:"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** True if {@code path} is a character device (the file type bits of its Unix mode are S_IFCHR). */
    private static boolean isCharacterDevice(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode");
        return (mode & 0170000) == 0020000;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private void putAndPublish(String content) throws IOException {
        ok("put", NAME, file("content-" + content.hashCode(), content).toString());
        ok("publish", NAME);
    }

    @Nested
    class Put {

        @Test
        void storesAFileAsLatestWithContentTypeMetadataAndTags() throws IOException {
            Result result = ok("put", NAME, file("v1.sqlite", "one").toString(), "--content-type",
                    "application/x-sqlite3", "--meta", "owner=analytics", "--meta", "source=etl", "--tag", "team=a");

            assertThat(result.out()).contains("Stored " + NAME + " LATEST: 3 B, sha256 ", "application/x-sqlite3");
            assertThat(memory.repository().getArtifactVersion(NAME).metadata())
                    .isEqualTo(Map.of("owner", "analytics", "source", "etl"));
            assertThat(memory.repository().getContent(NAME, Version.LATEST)).isEqualTo("one".getBytes(UTF_8));
        }

        @Test
        void readsStandardInputForDash() {
            Result result = cli.runWithInput("from stdin".getBytes(UTF_8), withRepo("put", NAME, "-", "--json"));

            assertThat(result.exitCode()).isZero();
            assertThat(result.json().get("size").asLong()).isEqualTo(10);
            assertThat(memory.repository().getContent(NAME, Version.LATEST)).isEqualTo("from stdin".getBytes(UTF_8));
        }

        @Test
        void jsonHasTheArtifactShape() throws IOException {
            JsonNode json = ok("put", NAME, file("a", "abc").toString(), "--json", "--meta", "k=v").json();

            assertThat(json.get("name").asString()).isEqualTo(NAME);
            assertThat(json.get("version").asString()).isEqualTo("LATEST");
            assertThat(json.get("sha256").asString())
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(json.get("size").asLong()).isEqualTo(3);
            assertThat(json.get("contentType").asString()).isEqualTo("application/octet-stream");
            assertThat(json.get("metadata").get("k").asString()).isEqualTo("v");
            assertThat(json.get("uri").asString()).startsWith("mem://");
            assertThat(json.get("updateAt").asString()).endsWith("Z");
        }

        @Test
        void refusesAMissingFile() {
            Result result = fails(ExitCodes.USAGE, "put", NAME, dir.resolve("nope").toString());
            assertThat(result.err()).contains("FILE: must be a readable file");
        }

        @Test
        void refusesABadName() throws IOException {
            Result result = fails(ExitCodes.USAGE, "put", "bad/name", file("a", "a").toString());
            assertThat(result.err()).contains("name: must match");
        }

        @Test
        void refusesABadNameBeforeLookingAtTheFile() {
            Result result = fails(ExitCodes.USAGE, "put", "bad name", dir.resolve("missing.csv").toString());

            assertThat(result.err()).contains("name: must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}", "got 'bad name'")
                    .doesNotContain("FILE");
            assertThat(memory.repository().listArtifactNames()).isEmpty();
        }

        @Test
        void refusesAnEmptyMetadataOrTagKeyNamingTheOption() throws IOException {
            String content = file("a", "a").toString();

            Result meta = fails(ExitCodes.USAGE, "put", NAME, content, "--meta", "=v");
            Result tag = fails(ExitCodes.USAGE, "put", NAME, content, "--tag", "owner=me", "--tag", "=v");

            assertThat(meta.err()).contains("--meta: must be KEY=VALUE with a non-empty KEY, got '=v'")
                    .doesNotContain("metadata:");
            assertThat(tag.err()).contains("--tag: must be KEY=VALUE with a non-empty KEY, got '=v'")
                    .doesNotContain("tags:");
            assertThat(memory.repository().listArtifactNames()).isEmpty();
        }

        @Test
        void refusesMetadataAndTagsPastTheirLimitsNamingTheOptionAndTheRule() throws IOException {
            String content = file("a", "a").toString();

            Result tooLarge = fails(ExitCodes.USAGE, "put", NAME, content, "--meta", "k=" + "v".repeat(8192));
            Result control = fails(ExitCodes.USAGE, "put", NAME, content, "--meta", "a\u0007b=v");
            Result nul = fails(ExitCodes.USAGE, "put", NAME, content, "--meta", "k=a\u0000b");
            Result tagCharacters = fails(ExitCodes.USAGE, "put", NAME, content, "--tag", "team#1=a");
            List<String> elevenTags = new ArrayList<>(List.of("put", NAME, content));
            for (int i = 0; i <= 10; i++) {
                elevenTags.addAll(List.of("--tag", "t" + i + "=v"));
            }
            Result tooMany = fails(ExitCodes.USAGE, elevenTags.toArray(String[]::new));

            assertThat(tooLarge.err()).contains("--meta: keys and values together must be at most 8192 bytes in UTF-8, "
                    + "got 8193");
            assertThat(control.err()).contains("--meta: keys must not contain ISO control characters");
            assertThat(nul.err()).contains("--meta: values must not contain U+0000");
            assertThat(tagCharacters.err()).contains("--tag: keys must hold only letters, digits, white space and "
                    + "+ - = . _ : / @, got key 'team#1'");
            assertThat(tooMany.err()).contains("--tag: at most 10 tags, got 11");
            assertThat(memory.repository().listArtifactNames()).isEmpty();
        }

        @Test
        void metadataAndTagsAtTheirLimitsAreStored() throws IOException {
            String value = "v".repeat(8192 - 1);

            ok("put", NAME, file("a", "a").toString(), "--meta", "k=" + value, "--tag", "k".repeat(128) + "=" + "v"
                    .repeat(256));

            assertThat(memory.repository().getArtifactVersion(NAME).metadata()).isEqualTo(Map.of("k", value));
        }

        @Test
        void checksMetadataAndTagsBeforeTheContentType() throws IOException {
            Result result = fails(ExitCodes.USAGE, "put", NAME, file("a", "a").toString(), "--content-type", "nope",
                    "--tag", "a,b=c");

            assertThat(result.err()).contains("--tag: keys must hold only").doesNotContain("contentType");
        }

        @Test
        void refusesAFileArgumentThatIsNotAPathNamingFile() {
            Result result = fails(ExitCodes.USAGE, "put", NAME, dir.resolve("a") + "\u0000b");

            assertThat(result.err()).contains("FILE: must be a readable file or -");
            assertThat(memory.repository().listArtifactNames()).isEmpty();
        }

        @Test
        void refusesMetadataWithoutEquals() throws IOException {
            Result result = fails(ExitCodes.USAGE, "put", NAME, file("a", "a").toString(), "--meta", "novalue");
            assertThat(result.err()).isEqualTo("versioned put: --meta: must be KEY=VALUE, got 'novalue' "
                    + "(see 'versioned put --help')\n");
        }

        @Test
        void namesAnUnknownOptionAsSuch() throws IOException {
            Path file = file("f.txt", "f");

            assertThat(fails(ExitCodes.USAGE, "put", "-x", file.toString()).err())
                    .isEqualTo("versioned put: Unknown option: '-x' (see 'versioned put --help')\n");
            assertThat(fails(ExitCodes.USAGE, "put", NAME, file.toString(), "-x").err())
                    .startsWith("versioned put: Unknown option: '-x'");
            assertThat(memory.repository().listArtifactNames()).isEmpty();
        }

        @Test
        void refusesABadContentType() throws IOException {
            Result result = fails(ExitCodes.USAGE, "put", NAME, file("a", "a").toString(), "--content-type", "nope");
            assertThat(result.err()).contains("contentType: must be a media type");
        }

        @Test
        void refusesAMissingFileParameter() {
            Result result = fails(ExitCodes.USAGE, "put", NAME);
            assertThat(result.err()).contains("Missing required parameter: 'FILE'");
        }

        @Test
        void showsTheBytesAndTheRateOfALargeStandardInputAtATerminal() {
            byte[] big = new byte[9 * 1024 * 1024];

            Result atATerminal = cli.interactive().runWithInput(big, withRepo("put", NAME, "-"));
            Result piped = cli.runWithInput(big, withRepo("put", "other", "-"));

            assertThat(atATerminal.exitCode()).isZero();
            assertThat(atATerminal.err()).contains("put " + NAME + "  9.0 MiB  ", "/s");
            assertThat(piped.exitCode()).isZero();
            assertThat(piped.err()).isEmpty();
        }

        @Test
        void showsAProgressBarOnlyForLargeFilesAtATerminal() throws IOException {
            Path big = dir.resolve("big.bin");
            Files.write(big, new byte[9 * 1024 * 1024]);
            Path small = file("small", "small");

            Result bigAtTerminal = cli.interactive().run(withRepo("put", NAME, big.toString()));
            Result smallAtTerminal = cli.interactive().run(withRepo("put", "small", small.toString()));
            Result bigInScript = cli.run(withRepo("put", "big", big.toString()));

            assertThat(bigAtTerminal.exitCode()).isZero();
            assertThat(bigAtTerminal.err()).contains("put " + NAME, "100%", "9.0 MiB / 9.0 MiB");
            assertThat(bigAtTerminal.out()).doesNotContain("%]");
            assertThat(smallAtTerminal.err()).isEmpty();
            assertThat(bigInScript.err()).isEmpty();
        }
    }

    @Nested
    class Publish {

        @Test
        void publishesLatestAsTheNextVersion() throws IOException {
            ok("put", NAME, file("a", "one").toString());
            Result first = ok("publish", NAME);
            ok("put", NAME, file("b", "two").toString());
            JsonNode second = ok("publish", NAME, "--json").json();

            assertThat(first.out()).contains("Published " + NAME + " version 1: 3 B");
            assertThat(second.get("version").asString()).isEqualTo("2");
        }

        @Test
        void failsWithNotFoundWithoutLatest() {
            Result result = fails(ExitCodes.NOT_FOUND, "publish", "missing");
            assertThat(result.err()).startsWith("versioned: error: ").contains("missing");
        }
    }

    @Nested
    class Get {

        @Test
        void downloadsAVersionToAFile() throws IOException {
            putAndPublish("version one");
            ok("put", NAME, file("x", "latest").toString());
            Path target = dir.resolve("out.sqlite");

            Result result = ok("get", NAME, "--version", "1", "-o", target.toString());

            assertThat(Files.readString(target)).isEqualTo("version one");
            assertThat(result.out()).contains("Downloaded " + NAME + " version 1", "sha256 verified");
        }

        @Test
        void writesBytesToStandardOutputForDash() throws IOException {
            ok("put", NAME, file("x", "latest bytes").toString());

            Result result = ok("get", NAME, "-o", "-");

            assertThat(new String(result.binary(), UTF_8)).isEqualTo("latest bytes");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void jsonNamesThePath() throws IOException {
            putAndPublish("one");
            Path target = dir.resolve("t");

            JsonNode json = ok("get", NAME, "--version", "1", "-o", target.toString(), "--json").json();

            assertThat(json.get("version").asString()).isEqualTo("1");
            assertThat(json.get("path").asString()).isEqualTo(target.toAbsolutePath().toString());
        }

        @Test
        void failsWithNotFoundForAMissingVersion() throws IOException {
            putAndPublish("one");
            Result result = fails(ExitCodes.NOT_FOUND, "get", NAME, "--version", "7", "-o", "-");
            assertThat(result.err()).contains("version 7 of " + NAME);
        }

        @Test
        void refusesAMalformedVersion() {
            Result result = fails(ExitCodes.USAGE, "get", NAME, "--version", "abc", "-o", "-");
            assertThat(result.err()).contains("version: must be LATEST or a number");
        }

        @Test
        void refusesADirectoryOrAMissingFolderAsTargetNamingTheOption() throws IOException {
            putAndPublish("one");
            Path missing = dir.resolve("no-such-folder").resolve("x");

            assertThat(fails(ExitCodes.USAGE, "get", NAME, "-o", dir.toString()).err())
                    .contains("-o: must be a file, not a directory");
            assertThat(fails(ExitCodes.USAGE, "get", NAME, "-o", missing.toString()).err())
                    .contains("-o: the file's directory must exist");
            ok("alias", "set", NAME, "production", "1");
            assertThat(fails(ExitCodes.USAGE, "resolve", NAME, "production", "-o", dir.toString()).err())
                    .contains("-o: must be a file, not a directory");
            Result atATerminal = cli.interactive().run(withRepo("get", NAME, "-o", dir.toString()));
            assertThat(atATerminal.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(atATerminal.err()).contains("-o: must be a file, not a directory");
            assertThat(missing.getParent()).doesNotExist();
        }

        @Test
        void failsWithIntegrityErrorWhenBytesWereAltered() throws IOException {
            putAndPublish("original");
            memory.blobs().corrupt(BlobKeys.of(NAME, Version.of(1)), "tampered".getBytes(UTF_8));
            Path target = dir.resolve("never");

            fails(ExitCodes.FAILURE, "get", NAME, "--version", "1", "-o", target.toString());

            assertThat(target).doesNotExist();
        }

        /**
         * On a node of the same device as {@code /dev/null} made in the temporary folder (the tests run as root), so
         * that a regression replaces that node, not the machine's {@code /dev/null}.
         */
        @Test
        void writesIntoADeviceWithoutReplacingIt() throws Exception {
            putAndPublish("one");
            Path devNull = dir.resolve("null");
            Process mknod = new ProcessBuilder("mknod", "-m", "666", devNull.toString(), "c", "1", "3")
                    .inheritIO().start();
            assertThat(mknod.waitFor()).as("mknod (needs root)").isZero();
            assertThat(isCharacterDevice(devNull)).as("a character device to begin with").isTrue();

            Result get = ok("get", NAME, "--version", "1", "-o", devNull.toString());
            ok("alias", "set", NAME, "production", "1");
            Result resolve = ok("resolve", NAME, "production", "-o", devNull.toString());

            assertThat(get.out()).contains("Downloaded " + NAME + " version 1", "to " + devNull);
            assertThat(resolve.out()).contains("Downloaded to " + devNull);
            assertThat(isCharacterDevice(devNull)).as("still a character device").isTrue();
            assertThat(Files.size(devNull)).isZero();
        }

        @Test
        void streamsIntoAFifoWithoutReplacingIt() throws Exception {
            putAndPublish("bytes for a reader at the other end of a pipe");
            Path fifo = dir.resolve("pipe");
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            assertThat(mkfifo.waitFor()).isZero();
            CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readString(fifo);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            ok("get", NAME, "--version", "1", "-o", fifo.toString());

            assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("bytes for a reader at the other end of a pipe");
            assertThat(Files.isRegularFile(fifo)).isFalse();
            assertThat(Files.readAttributes(fifo, BasicFileAttributes.class).isOther()).as("still a FIFO").isTrue();
            try (var entries = Files.list(dir)) {
                assertThat(entries).noneMatch(path -> path.getFileName().toString().endsWith(".part"));
            }
        }

        @Test
        void followsASymbolicLinkAndKeepsIt() throws IOException {
            putAndPublish("version one");
            Path real = file("real.csv", "old content");
            Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());

            ok("get", NAME, "--version", "1", "-o", link.toString());

            assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
            assertThat(Files.readString(real)).isEqualTo("version one");
        }

        @Test
        void refusesASymbolicLinkToNothing() throws IOException {
            putAndPublish("version one");
            Path link = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("nowhere.csv"));

            assertThat(fails(ExitCodes.USAGE, "get", NAME, "-o", link.toString()).err())
                    .contains("-o: is a symbolic link to a missing file");
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(dir.resolve("nowhere.csv")).doesNotExist();
        }

        @Test
        void showsAProgressBarForLargeDownloadsAtATerminal() throws IOException {
            Path big = dir.resolve("big.bin");
            Files.write(big, new byte[9 * 1024 * 1024]);
            ok("put", NAME, big.toString());
            Path target = dir.resolve("copy.bin");

            Result result = cli.interactive().run(withRepo("get", NAME, "-o", target.toString()));

            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).contains("get " + NAME, "100%");
            assertThat(Files.size(target)).isEqualTo(9 * 1024 * 1024);
            assertThat(Files.list(dir)).noneMatch(path -> path.getFileName().toString().endsWith(".part"));
        }
    }

    @Nested
    class ShowVersionsNames {

        @Test
        void showsTheMetadataOfAVersion() throws IOException {
            ok("put", NAME, file("a", "abc").toString(), "--meta", "owner=me", "--content-type", "text/csv");
            ok("publish", NAME);

            Result result = ok("show", NAME, "--version", "1");

            assertThat(result.out()).contains("version       1", "3 B (3 bytes)",
                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "text/csv", "owner=me",
                    "mem://");
            assertThat(ok("show", NAME, "--json").json().get("version").asString()).isEqualTo("LATEST");
        }

        @Test
        void showOfAMissingArtifactIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "show", "missing");
        }

        @Test
        void listsVersionsWithSizesShortHashesAndAliases() throws IOException {
            putAndPublish("one");
            putAndPublish("twotwo");
            ok("alias", "set", NAME, "production", "2");

            Result result = ok("versions", NAME);

            List<String> lines = result.out().lines().toList();
            assertThat(lines.get(0)).startsWith("VERSION").contains("SIZE", "SHA256", "UPDATED", "ALIASES");
            assertThat(lines.get(1)).startsWith("LATEST").contains("6 B", "just now");
            assertThat(lines.get(2)).startsWith("2      ").contains("6 B").endsWith("production");
            assertThat(lines.get(3)).startsWith("1      ").contains("3 B");
            assertThat(lines.get(1).split("\\s+")[3]).hasSize(12);
        }

        @Test
        void versionsJsonListsEveryLiveVersionLatestFirstThenNewestFirst() throws IOException {
            putAndPublish("one");
            putAndPublish("two");

            JsonNode json = ok("versions", NAME, "--json").json();

            assertThat(json.get("name").asString()).isEqualTo(NAME);
            assertThat(json.get("versions").valueStream().map(version -> version.get("version").asString()))
                    .containsExactly("LATEST", "2", "1");
        }

        @Test
        void versionsOfAnUnknownArtifactIsNotFound() throws IOException {
            assertThat(fails(ExitCodes.NOT_FOUND, "versions", "nothing").err())
                    .isEqualTo("versioned: error: artifact nothing does not exist\n");
            putAndPublish("one");
            ok("delete", NAME, "--version", "1");
            ok("delete", NAME, "--version", "LATEST");
            assertThat(ok("versions", NAME).out()).isEqualTo("No live versions of " + NAME + ".\n");
        }

        @Test
        void namesListsArtifactsSorted() throws IOException {
            ok("put", "zeta", file("z", "z").toString());
            ok("put", "alpha", file("a", "a").toString());

            assertThat(ok("names").out()).isEqualTo("alpha\nzeta\n");
            JsonNode json = ok("names", "--json").json();
            assertThat(json.get("names").get(0).asString()).isEqualTo("alpha");
            assertThat(json.get("names").size()).isEqualTo(2);
        }

        @Test
        void namesOfAnEmptyRepositoryGivesAHint() {
            assertThat(ok("names").out()).contains("No artifacts yet");
        }
    }

    @Nested
    class DeleteRestore {

        @Test
        void softDeletesAndRestoresAVersion() throws IOException {
            putAndPublish("one");

            assertThat(ok("delete", NAME, "--version", "1").out()).contains("Deleted version 1", "versioned restore");
            fails(ExitCodes.NOT_FOUND, "show", NAME, "--version", "1");
            JsonNode restored = ok("restore", NAME, "--version", "1", "--json").json();

            assertThat(restored.get("version").asString()).isEqualTo("1");
            assertThat(ok("show", NAME, "--version", "1").out()).contains("version       1");
        }

        @Test
        void deleteJsonShape() throws IOException {
            putAndPublish("one");
            JsonNode json = ok("delete", NAME, "--version", "1", "--json").json();
            assertThat(json.get("deleted").asBoolean()).isTrue();
            assertThat(json.get("version").asString()).isEqualTo("1");
        }

        @Test
        void deletingAnAliasedVersionIsAConflict() throws IOException {
            putAndPublish("one");
            ok("alias", "set", NAME, "production", "1");

            Result result = fails(ExitCodes.CONFLICT, "delete", NAME, "--version", "1");

            assertThat(result.err()).contains("production");
        }

        @Test
        void deleteNeedsAVersion() {
            Result result = fails(ExitCodes.USAGE, "delete", NAME);
            assertThat(result.err()).contains("--version");
        }

        @Test
        void restoringANeverCreatedVersionIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "restore", NAME, "--version", "3");
        }

        @Test
        void deletingAMissingOrAlreadyDeletedVersionSaysNothingChanged() throws IOException {
            putAndPublish("one");
            ok("delete", NAME, "--version", "1");

            Result again = ok("delete", NAME, "--version", "1");
            Result never = ok("delete", NAME, "--version", "77");
            JsonNode json = ok("delete", NAME, "--version", "77", "--json").json();
            Result unknownArtifact = ok("delete", "unknown", "--version", "LATEST");

            assertThat(again.out()).isEqualTo("Version 1 of " + NAME
                    + " does not exist or is already deleted; nothing changed.\n");
            assertThat(never.out()).isEqualTo("Version 77 of " + NAME
                    + " does not exist or is already deleted; nothing changed.\n");
            assertThat(json.get("name").asString()).isEqualTo(NAME);
            assertThat(json.get("version").asString()).isEqualTo("77");
            assertThat(json.get("deleted").asBoolean()).isFalse();
            assertThat(unknownArtifact.out()).contains("Version LATEST of unknown does not exist", "nothing changed");
            assertThat(ok("restore", NAME, "--version", "1", "--json").json().get("version").asString())
                    .isEqualTo("1");
        }
    }

    @Nested
    class Aliases {

        @Test
        void setGetListDeleteAndHistory() throws IOException {
            putAndPublish("one");
            putAndPublish("two");

            assertThat(ok("alias", "set", NAME, "production", "1").out()).contains("production -> 1, revision 1");
            JsonNode canary = ok("alias", "set", NAME, "production", "1", "--secondary", "2", "--weight", "10",
                    "--json").json();
            assertThat(canary.get("version").asString()).isEqualTo("1");
            assertThat(canary.get("secondaryVersion").asString()).isEqualTo("2");
            assertThat(canary.get("secondaryVersionWeight").asInt()).isEqualTo(10);
            assertThat(canary.get("revision").asLong()).isEqualTo(2);
            ok("alias", "set", NAME, "staging", "LATEST");

            assertThat(ok("alias", "get", NAME, "production").out()).contains("10% to 2");
            String list = ok("alias", "list", NAME).out();
            assertThat(list.lines().toList()).hasSize(3);
            assertThat(list).contains("production", "staging", "LATEST");
            assertThat(ok("alias", "list", NAME, "--json").json().get("aliases").size()).isEqualTo(2);

            ok("alias", "delete", NAME, "staging");
            fails(ExitCodes.NOT_FOUND, "alias", "get", NAME, "staging");

            String history = ok("alias", "history", NAME, "production").out();
            assertThat(history.lines().toList()).hasSize(3);
            assertThat(history).contains("(created)", "1 (10% to 2)");
            JsonNode json = ok("alias", "history", NAME, "staging", "--json").json();
            assertThat(json.get("history").get(0).get("deleted").asBoolean()).isTrue();
            assertThat(json.get("history").get(0).get("current").isNull()).isTrue();
            assertThat(json.get("history").get(1).get("previous").isNull()).isTrue();
            assertThat(json.get("history").get(1).get("current").get("version").asString()).isEqualTo("LATEST");
        }

        @Test
        void expectedRevisionGuardsAgainstStaleWriters() throws IOException {
            putAndPublish("one");
            putAndPublish("two");
            ok("alias", "set", NAME, "production", "1", "--expected-revision", "0");

            fails(ExitCodes.CONFLICT, "alias", "set", NAME, "production", "2", "--expected-revision", "0");
            assertThat(ok("alias", "set", NAME, "production", "2", "--expected-revision", "1", "--json").json()
                    .get("revision").asLong()).isEqualTo(2);
        }

        @Test
        void refusesWeightWithoutSecondaryAndOutOfRange() throws IOException {
            putAndPublish("one");
            putAndPublish("two");

            assertThat(fails(ExitCodes.USAGE, "alias", "set", NAME, "p", "1", "--weight", "10").err())
                    .contains("--weight: needs --secondary");
            assertThat(fails(ExitCodes.USAGE, "alias", "set", NAME, "p", "1", "--secondary", "2").err())
                    .contains("--secondary: needs --weight");
            assertThat(fails(ExitCodes.USAGE, "alias", "set", NAME, "p", "1", "--secondary", "2", "--weight", "100")
                    .err()).contains("--weight: must be from 0 to 99, got 100");
            assertThat(fails(ExitCodes.USAGE, "alias", "set", NAME, "p", "1", "--secondary", "2", "--weight", "-1")
                    .err()).contains("--weight: must be from 0 to 99, got -1");
            assertThat(fails(ExitCodes.USAGE, "alias", "set", NAME, "p", "1", "--secondary", "2", "--weight", "100",
                    "--expected-revision", "0").err()).contains("--weight: must be from 0 to 99, got 100");
            assertThat(ok("alias", "set", NAME, "p", "1", "--secondary", "2", "--weight", "0", "--json").json()
                    .get("secondaryVersionWeight").asInt()).isZero();
        }

        @Test
        void refusesABadAliasName() throws IOException {
            putAndPublish("one");
            assertThat(fails(ExitCodes.USAGE, "alias", "set", NAME, "prod-1", "1").err()).contains("alias: must match");
        }

        @Test
        void pointingAtAMissingVersionIsNotFound() throws IOException {
            putAndPublish("one");
            fails(ExitCodes.NOT_FOUND, "alias", "set", NAME, "production", "9");
        }

        @Test
        void aliasWithoutSubcommandIsAUsageError() {
            assertThat(fails(ExitCodes.USAGE, "alias").err()).contains("Missing required subcommand");
        }

        @Test
        void listingAndHistoryOfNothingAreNotFound() throws IOException {
            assertThat(fails(ExitCodes.NOT_FOUND, "alias", "list", NAME).err())
                    .isEqualTo("versioned: error: artifact " + NAME + " does not exist\n");
            assertThat(fails(ExitCodes.NOT_FOUND, "alias", "history", NAME, "production").err())
                    .isEqualTo("versioned: error: alias production of " + NAME + " was never set\n");
            putAndPublish("one");
            assertThat(ok("alias", "list", NAME).out()).contains("No aliases for " + NAME);
            fails(ExitCodes.NOT_FOUND, "alias", "history", NAME, "nope");
            ok("alias", "set", NAME, "production", "1");
            ok("alias", "delete", NAME, "production");
            assertThat(ok("alias", "history", NAME, "production").out()).contains("(deleted)");
        }

        @Test
        void deletingAMissingAliasSaysNothingChanged() throws IOException {
            putAndPublish("one");
            ok("alias", "set", NAME, "production", "1");

            JsonNode deleted = ok("alias", "delete", NAME, "production", "--json").json();
            Result again = ok("alias", "delete", NAME, "production");
            JsonNode json = ok("alias", "delete", NAME, "staging", "--json").json();

            assertThat(deleted.get("deleted").asBoolean()).isTrue();
            assertThat(again.out()).isEqualTo("Alias production of " + NAME + " does not exist; nothing changed.\n");
            assertThat(json.get("name").asString()).isEqualTo(NAME);
            assertThat(json.get("alias").asString()).isEqualTo("staging");
            assertThat(json.get("deleted").asBoolean()).isFalse();
            assertThat(ok("alias", "history", NAME, "production", "--json").json().get("history").size())
                    .isEqualTo(2);
            fails(ExitCodes.NOT_FOUND, "alias", "history", NAME, "staging", "--json");
        }
    }

    @Nested
    class Resolve {

        @Test
        void routingKeysAreSticky() throws IOException {
            putAndPublish("one");
            putAndPublish("two");
            ok("alias", "set", NAME, "production", "1", "--secondary", "2", "--weight", "50");
            String expected = Integer.toString(
                    memory.repository().getAlias(NAME, "production").route("customer-42").number());

            for (int i = 0; i < 5; i++) {
                JsonNode json = ok("resolve", NAME, "production", "--key", "customer-42", "--json").json();
                assertThat(json.get("version").asString()).isEqualTo(expected);
                assertThat(json.get("routingKey").asString()).isEqualTo("customer-42");
            }
        }

        @Test
        void resolvesAndDownloads() throws IOException {
            putAndPublish("one");
            ok("alias", "set", NAME, "production", "1");
            Path target = dir.resolve("resolved");

            Result result = ok("resolve", NAME, "production", "-o", target.toString());

            assertThat(result.out()).contains("production -> " + NAME + " version 1");
            assertThat(Files.readString(target)).isEqualTo("one");
            assertThat(new String(ok("resolve", NAME, "production", "-o", "-").binary(), UTF_8)).isEqualTo("one");
            assertThat(ok("resolve", NAME, "production").out()).contains("mem://");
        }

        @Test
        void refusesABadTargetBeforeResolvingEvenAMissingAlias() throws IOException {
            putAndPublish("one");

            assertThat(fails(ExitCodes.USAGE, "resolve", NAME, "nope", "-o", dir.toString()).err())
                    .contains("-o: must be a file, not a directory");
            assertThat(fails(ExitCodes.USAGE, "resolve", NAME, "nope", "-o", dir.resolve("missing").resolve("x")
                    .toString()).err()).contains("-o: the file's directory must exist");
            assertThat(fails(ExitCodes.USAGE, "get", NAME, "-o", dir.resolve("a") + "\u0000b").err())
                    .contains("-o: must be a file path");
        }

        @Test
        void resolvingAMissingAliasIsNotFound() throws IOException {
            putAndPublish("one");
            assertThat(fails(ExitCodes.NOT_FOUND, "resolve", NAME, "nope").err()).contains("alias nope");
        }
    }

    @Nested
    class Purge {

        @Test
        void purgesOldVersionsButKeepsAliasedOnes() throws IOException {
            putAndPublish("one");
            putAndPublish("two");
            putAndPublish("three");
            putAndPublish("four");
            ok("alias", "set", NAME, "production", "1");

            JsonNode dryRun = ok("purge", NAME, "--keep", "1", "--older-than", "0s", "--dry-run", "--json").json();
            assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
            assertThat(dryRun.get("purged").valueStream().map(JsonNode::asString)).containsExactly("3", "2");
            assertThat(ok("versions", NAME, "--json").json().get("versions").size()).isEqualTo(5);

            Result result = ok("purge", NAME, "--keep", "1", "--older-than", "PT0S");
            assertThat(result.out()).contains("Purged 2 versions (3, 2)", "kept because an alias points at them: 1");
            assertThat(ok("versions", NAME, "--json").json().get("versions").valueStream()
                    .map(version -> version.get("version").asString())).containsExactly("LATEST", "4", "1");
        }

        @Test
        void nothingIsPurgedWithinTheAgeLimit() throws IOException {
            putAndPublish("one");
            putAndPublish("two");
            assertThat(ok("purge", NAME, "--keep", "0", "--older-than", "30d").out()).contains("Purged no versions");
        }

        @Test
        void anAgeReachingBeforeTheEarliestInstantPurgesNothing() throws IOException {
            putAndPublish("one");
            putAndPublish("two");

            JsonNode json = ok("purge", NAME, "--keep", "0", "--older-than", "106751991167300d", "--json").json();

            assertThat(json.get("purged").size()).isZero();
            assertThat(ok("versions", NAME, "--json").json().get("versions").size()).isEqualTo(3);
        }

        @Test
        void refusesADurationTooLongToHold() {
            Result days = fails(ExitCodes.USAGE, "purge", NAME, "--keep", "1", "--older-than", "999999999999999d");
            Result digits = fails(ExitCodes.USAGE, "purge", NAME, "--keep", "1", "--older-than", "9".repeat(20) + "s");

            assertThat(days.err()).contains("--older-than", "duration: too long to hold", "'999999999999999d'");
            assertThat(digits.err()).contains("--older-than", "duration: too long to hold");
        }

        @Test
        void refusesABadDuration() {
            Result result = fails(ExitCodes.USAGE, "purge", NAME, "--keep", "1", "--older-than", "soon");
            assertThat(result.err()).contains("duration: must look like 30d");
        }

        @Test
        void needsKeepAndOlderThan() {
            assertThat(fails(ExitCodes.USAGE, "purge", NAME, "--older-than", "1d").err()).contains("--keep");
            assertThat(fails(ExitCodes.USAGE, "purge", NAME, "--keep", "1").err()).contains("--older-than");
        }

        @Test
        void refusesANegativeKeep() {
            assertThat(fails(ExitCodes.USAGE, "purge", NAME, "--keep", "-1", "--older-than", "1d").err())
                    .contains("--keep: must be >= 0");
        }

        @Test
        void purgeArtifactRemovesEverythingOfOneArtifact() throws IOException {
            putAndPublish("one");
            ok("put", "other", file("o", "o").toString());

            assertThat(ok("purge-artifact", NAME).out()).contains("Purged artifact " + NAME);
            assertThat(ok("names").out()).isEqualTo("other\n");
            assertThat(ok("purge-artifact", "other", "--json").json().get("purged").asBoolean()).isTrue();
        }

        @Test
        void purgeArtifactOfAMissingArtifactSaysNothingChanged() throws IOException {
            putAndPublish("one");

            Result text = ok("purge-artifact", "missing");
            JsonNode json = ok("purge-artifact", "missing", "--json").json();

            assertThat(text.out()).isEqualTo("Artifact missing does not exist; nothing changed.\n");
            assertThat(json.get("name").asString()).isEqualTo("missing");
            assertThat(json.get("purged").asBoolean()).isFalse();
            assertThat(ok("names").out()).isEqualTo(NAME + "\n");
        }

        @Test
        void purgeArtifactRemovesAnArtifactWhoseVersionsAreAllDeleted() throws IOException {
            putAndPublish("one");
            ok("delete", NAME, "--version", "1");
            ok("delete", NAME, "--version", "LATEST");

            assertThat(ok("purge-artifact", NAME, "--json").json().get("purged").asBoolean()).isTrue();
            assertThat(ok("names", "--json").json().get("names").size()).isZero();
            assertThat(fails(ExitCodes.NOT_FOUND, "restore", NAME, "--version", "1").err()).contains(NAME);
        }

        @Test
        void purgeAllNeedsYes() throws IOException {
            putAndPublish("one");

            assertThat(fails(ExitCodes.USAGE, "purge-all").err()).contains("--yes");
            assertThat(ok("names", "--json").json().get("names").size()).isEqualTo(1);
            assertThat(ok("purge-all", "--yes").out()).contains("Purged every artifact of memory:");
            assertThat(ok("names", "--json").json().get("names").size()).isZero();
        }
    }

    @Nested
    class Maintenance {

        @Test
        void fsckOfAHealthyRepository() throws IOException {
            putAndPublish("one");

            Result result = ok("fsck");

            assertThat(result.out()).contains("Checked 1 artifact, 2 versions, 6 B.", "OK:");
            JsonNode json = ok("fsck", "--json").json();
            assertThat(json.get("intact").asBoolean()).isTrue();
            assertThat(json.get("versionsChecked").asInt()).isEqualTo(2);
            assertThat(json.get("findings").size()).isZero();
        }

        @Test
        void fsckFindsAlteredBytesAndExitsWithFailure() throws IOException {
            putAndPublish("one");
            memory.blobs().corrupt(BlobKeys.of(NAME, Version.of(1)), "two".getBytes(UTF_8));

            Result result = cli.run(withRepo("fsck"));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.out()).contains("CORRUPT  " + NAME + " version 1", "FAILED: 1 version");
            JsonNode json = cli.run(withRepo("fsck", "--json")).json();
            assertThat(json.get("findings").get(0).get("version").asString()).isEqualTo("1");
        }

        @Test
        void gcListsAndRemovesOrphans() throws IOException {
            putAndPublish("one");
            String orphan = NAME + "/LATEST.0123456789abcdef0123456789abcdef";
            memory.blobs().put(orphan, new ByteArrayInputStream(new byte[1]),
                    new BlobUpload(1, Optional.empty(), "x/y", Map.of()));

            assertThat(ok("fsck").out()).contains("1 orphan blob", orphan);
            JsonNode dryRun = ok("gc", "--dry-run", "--grace", "0s", "--json").json();
            assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
            assertThat(dryRun.get("orphans").get(0).asString()).isEqualTo(orphan);
            assertThat(dryRun.get("removed").size()).isZero();
            assertThat(ok("gc", "--grace", "0s").out()).contains("Would remove 1 orphan blob", orphan, "add --yes");
            assertThat(ok("gc", "--yes").out()).contains("No orphan blobs older than the grace period.",
                    "Kept 1 orphan blob younger than the grace period", orphan);
            assertThat(ok("gc", "--yes", "--grace", "0s").out()).contains("Removed 1 orphan blob", orphan);
            assertThat(ok("gc", "--yes", "--grace", "0s").out()).contains("No orphan blobs.");
        }

        @Test
        void gcRefusesYesWithDryRun() {
            assertThat(fails(ExitCodes.USAGE, "gc", "--yes", "--dry-run").err()).contains("--yes and --dry-run");
        }

        @Test
        void gcRefusesABadGrace() {
            assertThat(fails(ExitCodes.USAGE, "gc", "--grace", "-1s").err()).contains("duration");
        }
    }

    @Nested
    class BadInput {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "init extra|Unmatched argument",
            "put|Missing required parameters: 'NAME', 'FILE'",
            "publish|Missing required parameter: 'NAME'",
            "publish bad/name|name: must match",
            "get|Missing required parameter: 'NAME'",
            "show db --version 0|Invalid value for option '--version': version: must be a number from 1 to 999999",
            "versions|Missing required parameter: 'NAME'",
            "names extra|Unmatched argument",
            "delete db --version|Missing required parameter for option '--version'",
            "restore db|Missing required option: '--version=V'",
            "alias set db production|Missing required parameter: 'VERSION'",
            "alias set db production 1 --expected-revision -1|expectedRevision: must be >= 0",
            "alias get db|Missing required parameter: 'ALIAS'",
            "alias list|Missing required parameter: 'NAME'",
            "alias delete db LATEST|alias: must not be LATEST",
            "alias history db|Missing required parameter: 'ALIAS'",
            "resolve db|Missing required parameter: 'ALIAS'",
            "purge db --keep x --older-than 1d|Invalid value for option '--keep'",
            "purge-artifact|Missing required parameter: 'NAME'",
            "purge-all extra|Unmatched argument",
            "fsck extra|Unmatched argument",
            "gc --grace soon|duration: must look like 30d",
            "demo extra|Unmatched argument"
        })
        void isReportedOnOneLineWithExitCodeTwo(String args, String message) {
            Result result = fails(ExitCodes.USAGE, args.split(" "));
            assertThat(result.err()).contains(message);
            assertThat(result.out()).isEmpty();
        }

        @Test
        void initPreparesTheRepository() {
            assertThat(ok("init").out()).isEqualTo("Repository ready: memory:\n");
            JsonNode json = ok("init", "--json").json();
            assertThat(json.get("ready").asBoolean()).isTrue();
            assertThat(json.get("repository").asString()).isEqualTo("memory:");
        }
    }

    @Nested
    class Global {

        @Test
        void helpIsACommandToo() {
            Result help = ok("help");
            Result put = ok("help", "put");

            assertThat(help.out()).isEqualTo(ok("--help").out()).contains("  help ");
            assertThat(put.out()).isEqualTo(ok("put", "--help").out());
        }

        @Test
        void helpKeepsTheDefaultRepositoryOnOneLineAndDoesNotSendTheReaderToItself() {
            String help = ok("--help").out();

            assertThat(help).contains("Default: $VERSIONED_REPO, else embedded:./.versioned.")
                    .doesNotContain("see versioned --help");
            assertThat(ok("names", "--help").out()).contains("(details: Repositories in 'versioned help').");
        }

        @Test
        void everyCommandHasHelpAndVersion() {
            List<String[]> paths = new ArrayList<>();
            collect(VersionedCli.commandLine(new CliContext(memory, Clock.systemUTC(), System.in,
                    System.out, Map.of(), false)), new ArrayList<>(), paths);
            assertThat(paths).hasSizeGreaterThan(20);
            for (String[] path : paths) {
                if (path.length > 0 && path[0].equals("help")) {
                    continue; // picocli's help command, see helpIsACommandToo
                }
                List<String> help = new ArrayList<>(List.of(path));
                help.add("--help");
                Result usage = cli.run(help.toArray(String[]::new));
                assertThat(usage.exitCode()).as(String.join(" ", help)).isZero();
                assertThat(usage.out()).startsWith(("Usage: versioned " + String.join(" ", path)).strip());
                List<String> version = new ArrayList<>(List.of(path));
                version.add("-V");
                Result versionResult = cli.run(version.toArray(String[]::new));
                assertThat(versionResult.exitCode()).as(String.join(" ", version)).isZero();
                assertThat(versionResult.out()).startsWith("versioned ");
            }
        }

        private void collect(CommandLine commandLine, List<String> prefix, List<String[]> paths) {
            paths.add(prefix.toArray(String[]::new));
            commandLine.getSubcommands().forEach((name, sub) -> {
                List<String> next = new ArrayList<>(prefix);
                next.add(name);
                collect(sub, next, paths);
            });
        }

        @Test
        void longVersionOptionPrintsTheProgramVersionWhereItIsNotAnArtifactVersion() {
            assertThat(cli.run("--version").out()).startsWith("versioned ");
            assertThat(cli.run("names", "--version").out()).startsWith("versioned ");
            assertThat(cli.run("alias", "set", "--version").out()).startsWith("versioned ");
        }

        @Test
        void unknownCommandsAndMissingCommandsAreUsageErrors() {
            Result typo = cli.run("pubish", NAME);
            assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(typo.err()).contains("did you mean publish");
            assertThat(cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.run("names", "--bogus").exitCode()).isEqualTo(ExitCodes.USAGE);
        }

        @Test
        void globalOptionsWorkBeforeAndAfterTheSubcommand() throws IOException {
            putAndPublish("one");
            assertThat(cli.run("--json", "--repo", "memory:", "names").json().get("names").size()).isEqualTo(1);
            assertThat(cli.run("names", "--repo", "memory:", "--json").json().get("names").size()).isEqualTo(1);
            assertThat(cli.run("alias", "--repo", "memory:", "list", NAME, "--json").json().get("aliases").size())
                    .isZero();
        }

        @Test
        void theRepositoryComesFromTheEnvironmentWhenNotGiven() throws IOException {
            putAndPublish("one");
            Result result = cli.withEnvironment(Map.of(CliContext.REPO_VARIABLE, "memory:")).run("names");
            assertThat(result.out()).isEqualTo(NAME + "\n");
        }

        @Test
        void aBadRepositoryUriIsAUsageError() {
            Result result = cli.run("--repo", "ftp://x", "names");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("--repo: unknown scheme 'ftp'");
        }

        @Test
        void verboseAddsTheStackTrace() {
            Result quiet = cli.run("--repo", "memory:", "show", "missing");
            Result verbose = cli.run("--repo", "memory:", "show", "missing", "--verbose");

            assertThat(quiet.err().lines().count()).isEqualTo(1);
            assertThat(verbose.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(verbose.err()).contains("ArtifactNotFoundException", "\tat io.versioned");
        }

        @Test
        void aStoreFailureExitsWithFour() {
            CliHarness broken = new CliHarness(uri -> {
                throw new BackendException("the store is down", null, true);
            });
            Result result = broken.run("--repo", "memory:", "names");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).isEqualTo("versioned: error: the store is down (temporary: try again)\n");
        }

        @Test
        void aPermanentStoreFailureDoesNotSuggestTryingAgain() {
            CliHarness broken = new CliHarness(uri -> {
                throw new BackendException("access denied", null, false);
            });
            Result result = broken.run("--repo", "memory:", "names");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).isEqualTo("versioned: error: access denied\n");
        }

        @Test
        void anUnexpectedErrorExitsWithFourAndSuggestsVerbose() {
            CliHarness broken = new CliHarness(uri -> {
                throw new IllegalStateException("bug");
            });
            Result result = broken.run("--repo", "memory:", "names");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).contains("IllegalStateException: bug", "--verbose");
        }
    }
}
