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
