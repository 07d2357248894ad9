package io.versioned.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default ({@code embedded:DIR}: H2 file plus blob folder) across separate invocations, each one
 * opening the repository afresh as the real command does; and {@code fsck}/{@code gc} seeing changes made to
 * the blob folder behind the repository's back.
 */
class EmbeddedRepositoryTest {

    private static final String NAME = "customer_analytics_db";

    @TempDir
    Path dir;

    private String repo;
    private final CliHarness cli = new CliHarness(new ProviderRepositoryFactory(Map.of()));

    @BeforeEach
    void setUp() {
        repo = "embedded:" + dir.resolve("repo");
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--repo", repo));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private Result ok(String... args) {
        Result result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private Path blobs() {
        return dir.resolve("repo").resolve("blobs");
    }

    private void putAndPublish(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("content.bin"), content);
        ok("put", NAME, file.toString());
        ok("publish", NAME);
    }

    @Test
    void keepsEverythingBetweenInvocations() throws IOException {
        putAndPublish("first");
        putAndPublish("second");
        ok("alias", "set", NAME, "production", "1");

        assertThat(ok("names").out()).isEqualTo(NAME + "\n");
        assertThat(ok("versions", NAME, "--json").json().get("versions").size()).isEqualTo(3);
        assertThat(ok("resolve", NAME, "production", "--json").json().get("uri").asString()).startsWith("file:");
        assertThat(new String(ok("get", NAME, "--version", "1", "-o", "-").binary(), UTF_8)).isEqualTo("first");
        assertThat(dir.resolve("repo")).isDirectory();
        assertThat(blobs().resolve(NAME).resolve("000001")).isRegularFile();
    }

    @Test
    void theEnvironmentVariableChoosesTheRepository() throws IOException {
        putAndPublish("first");
        Result result = cli.withEnvironment(Map.of(CliContext.REPO_VARIABLE, repo)).run("names");
        assertThat(result.out()).isEqualTo(NAME + "\n");
    }

    @Test
    void fsckCatchesBytesAlteredOnDisk() throws IOException {
        putAndPublish("the original bytes");
        assertThat(ok("fsck").out()).contains("OK: every live version matches its sha256.");

        Files.writeString(blobs().resolve(NAME).resolve("000001"), "tampered");

        Result fsck = run("fsck");
        assertThat(fsck.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(fsck.out()).contains("CORRUPT  " + NAME + " version 1", "FAILED");
        JsonNode json = run("fsck", "--json").json();
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("findings").get(0).get("name").asString()).isEqualTo(NAME);
        Result get = run("get", NAME, "--version", "1", "-o", dir.resolve("never.bin").toString());
        assertThat(get.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(get.err().strip().lines()).hasSize(1);
        assertThat(dir.resolve("never.bin")).doesNotExist();
    }

    @Test
    void gcRemovesAnOrphanLeftInTheBlobFolder() throws IOException {
        putAndPublish("content");
        String key = NAME + "/LATEST.0123456789abcdef0123456789abcdef";
        Path orphan = blobs().resolve(key);
        Files.writeString(orphan, "an upload whose record was never written");

        assertThat(ok("fsck").out()).contains("1 orphan blob", key);
        assertThat(ok("gc", "--grace", "0s").out()).contains("Would remove 1 orphan blob");
        assertThat(orphan).exists();

        JsonNode gc = ok("gc", "--yes", "--grace", "0s", "--json").json();

        assertThat(gc.get("removed").get(0).asString()).isEqualTo(key);
        assertThat(orphan).doesNotExist();
        assertThat(ok("fsck", "--json").json().get("orphans").size()).isZero();
        assertThat(new String(ok("get", NAME, "-o", "-").binary(), UTF_8)).isEqualTo("content");
    }

    @Test
    void onlyInitAndPutCreateARepository() throws IOException {
        Path folder = dir.resolve("repo");
        String expected = "versioned: error: no repository at embedded:" + folder + ": check --repo "
                + "or $VERSIONED_REPO; 'versioned init' or a put creates one\n";
        for (String[] command : List.of(new String[] {"names"}, new String[] {"versions", NAME},
                new String[] {"show", NAME}, new String[] {"get", NAME, "-o", "-"},
                new String[] {"alias", "list", NAME}, new String[] {"alias", "history", NAME, "production"},
                new String[] {"resolve", NAME, "production"}, new String[] {"publish", NAME},
                new String[] {"delete", NAME, "--version", "1"}, new String[] {"fsck"}, new String[] {"gc"})) {
            Result result = run(command);
            assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).as(String.join(" ", command)).isEqualTo(expected);
            assertThat(folder).as(String.join(" ", command) + " created nothing").doesNotExist();
        }

        assertThat(ok("init").out()).startsWith("Repository ready: embedded:" + folder);
        assertThat(ok("names").out()).startsWith("No artifacts yet");
        Path other = dir.resolve("other");
        Path file = Files.writeString(dir.resolve("content.bin"), "bytes");
        assertThat(cli.run("--repo", "embedded:" + other, "put", NAME, file.toString()).exitCode()).isZero();
        assertThat(cli.run("--repo", "embedded:" + other, "names").out()).isEqualTo(NAME + "\n");
    }

    @Test
    void anEmbeddedLocationThatIsAFileIsRefusedInOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        for (List<String> command : List.of(List.of("names"), List.of("init"), List.of("put", NAME, file.toString()))) {
            List<String> args = new ArrayList<>(List.of("--repo", "embedded:" + file));
            args.addAll(command);
            Result result = cli.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(command + ": " + result).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).isEqualTo("versioned: error: --repo: embedded: must name a folder, got the file "
                    + file + "\n");
        }
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void aCorruptedDatabaseIsReportedAsSuchNotAsTemporary() throws IOException {
        putAndPublish("content");
        Path database = dir.resolve("repo").resolve("metadata.mv.db");
        try (var channel = java.nio.channels.FileChannel.open(database, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        Result result = run("versions", NAME);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).isEqualTo("versioned: error: the database " + database + " is corrupted: restore it "
                + "from a backup; this is not temporary\n");
    }

    /**
     * A full disk, made with a 2 MiB tmpfs (the tests run as root; skipped where mounting is not allowed): the blob
     * folder and the H2 file each fail with one plain line, not retryable, exit code 4.
     */
    @Test
    void aFullDiskIsReportedInOnePlainLine() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small-disk"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mounting.waitFor() == 0, "mounting a tmpfs needs root");
        try {
            String small = "embedded:" + mount.resolve("repo");
            Path content = Files.write(dir.resolve("content.bin"), new byte[600 * 1024]);
            assertThat(cli.run("--repo", small, "put", NAME, content.toString()).exitCode()).isZero();
            Path big = Files.write(dir.resolve("big.bin"), new byte[3 * 1024 * 1024]);

            Result blob = cli.run("--repo", small, "put", NAME, big.toString());

            assertThat(blob.exitCode()).as(blob.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(blob.err()).startsWith("versioned: error: no space left on the device of "
                    + mount.resolve("repo").resolve("blobs") + ": storing blob ").endsWith(" failed; free some space\n");

            Files.write(mount.resolve("filler"), new byte[0]);
            fill(mount.resolve("filler"));
            Result database = cli.run("--repo", small, "alias", "set", NAME, "alias_0", "LATEST");
            for (int i = 1; i < 100 && database.exitCode() == 0; i++) {
                // H2 fills the free space inside its file first; once the file must grow, the write fails
                database = cli.run("--repo", small, "alias", "set", NAME, "alias_" + i, "LATEST");
            }

            assertThat(database.exitCode()).as(database.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(database.err()).startsWith("versioned: error: no space left on the device of the database: ")
                    .endsWith(" failed; free some space\n").doesNotContain("temporary");
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    /** Appends to {@code file} until the device is full. */
    private static void fill(Path file) throws IOException {
        try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            byte[] block = new byte[64 * 1024];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // the device is full
        }
        try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // and not one byte more fits
        }
    }

    @Test
    void demoRunsToTheEndOnATemporaryEmbeddedRepository() {
        Result result = cli.run("demo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("versioned demo: a walkthrough on a fresh temporary repository, embedded:",
                "== 1/16. Put a SQLite database", "application/x-sqlite3", "== 16/16. Verify the content",
                "2,000 requests to production, routed by customer id:", "0 customers moved back from 3 to 2",
                "Purged 1 version (1) of customer_analytics_db", "kept because an alias points at them: 2",
                "version 1 is gone, as purged", "Demo finished: 16 steps, every content check passed.");
        assertThat(result.out().lines().filter(line -> line.contains("ok: ")).count()).isGreaterThan(15);
        assertThat(result.err()).isEmpty();
        String deleted = result.out().lines().filter(line -> line.startsWith("The temporary repository "))
                .findFirst().orElseThrow();
        Path temporary = Path.of(deleted.substring("The temporary repository ".length(),
                deleted.length() - " was deleted.".length()));
        assertThat(temporary).doesNotExist();
    }
}
