package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code fsck} and {@code gc} on the embedded default as users run them: the shaded jar in a child process
 * ({@code java -jar}, nothing else on the class path), on a repository folder changed behind its back.
 */
class MaintenanceIT {

    private static final Path JAR = Path.of(System.getProperty("versioned.launcher", "../versioned"))
            .toAbsolutePath().normalize().getParent().resolve("versioned-cli/target/versioned-cli.jar");
    private static final String NAME = "customers";
    private static final String OLD_ORPHAN = NAME + "/LATEST.0123456789abcdef0123456789abcdef";
    private static final String NEW_ORPHAN = NAME + "/LATEST.fedcba9876543210fedcba9876543210";
    private static final String FOREIGN = NAME + "/versions/999999_000001";
    private static final String LEFTOVER = NAME + "/.tmp-6f1c2b1e-0d7a-4f43-9a57-2a8f0b1c9d3e";

    @TempDir
    Path workingDirectory;

    private Path repository;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void putAndPublishTwice() throws Exception {
        repository = workingDirectory.resolve("repo");
        for (String content : List.of("id\n1\n", "id\n1\n2\n")) {
            Files.writeString(workingDirectory.resolve("customers.csv"), content);
            ok("put", NAME, "customers.csv");
            ok("publish", NAME);
        }
    }

    @Test
    void fsckAndGcRefuseAnEmptiedDatabaseAndKeepEveryBlob() throws Exception {
        Map<String, String> before = blobs();
        Files.write(repository.resolve("metadata.mv.db"), new byte[0]);

        Run fsck = run("fsck");
        Run gc = run("gc", "--yes", "--grace", "0s");

        for (Run refused : List.of(fsck, gc)) {
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err().lines().toList()).as(refused.err()).singleElement().asString()
                    .startsWith("versioned: error: the metadata store holds no records")
                    .contains("2 published versions", "restore it from a backup").doesNotContain("temporary");
        }
        assertThat(blobs()).isEqualTo(before);
    }

    @Test
    void gcListsUnlessToldYesAndThenRemovesOnlyOldOrphansAndLeftovers() throws Exception {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        plant(OLD_ORPHAN, "an upload whose record was never written", twoDaysAgo);
        plant(LEFTOVER, "x".repeat(1 << 20), twoDaysAgo);
        plant(NEW_ORPHAN, "a put in progress, about to commit", Instant.now());
        plant(FOREIGN, "written by another tool", twoDaysAgo);

        Run fsck = ok("fsck");
        assertThat(fsck.out()).contains("2 orphan blobs", OLD_ORPHAN, NEW_ORPHAN,
                "1 leftover temporary file of killed puts, 1.0 MiB", LEFTOVER,
                "1 foreign object (not written by versioned; left alone):", FOREIGN, "OK: every live version");

        Map<String, String> before = blobs();
        Run listed = ok("gc");
        assertThat(listed.out()).contains("Would remove 1 orphan blob:", OLD_ORPHAN,
                "Would remove 1 leftover temporary file of killed puts", LEFTOVER,
                "Kept 1 orphan blob younger than the grace period", NEW_ORPHAN,
                "Left alone 1 foreign object", FOREIGN, "add --yes");
        assertThat(blobs()).isEqualTo(before);

        JsonNode removed = CliHarness.JSON.readTree(ok("gc", "--yes", "--json").out());
        assertThat(removed.get("removed").size()).isEqualTo(2);
        assertThat(removed.get("removed").get(0).asString()).isEqualTo(OLD_ORPHAN);
        assertThat(removed.get("removed").get(1).asString()).isEqualTo(LEFTOVER);
        assertThat(removed.get("dryRun").asBoolean()).isFalse();
        Map<String, String> after = blobs();
        assertThat(after).doesNotContainKeys(OLD_ORPHAN, LEFTOVER).containsKeys(NEW_ORPHAN, FOREIGN,
                NAME + "/000001", NAME + "/000002");
        assertThat(after.get(FOREIGN)).isEqualTo("written by another tool");
        assertThat(ok("get", NAME, "--version", "1", "-o", "-").out()).isEqualTo("id\n1\n");
    }

    private void plant(String key, String content, Instant modified) throws IOException {
        Path file = repository.resolve("blobs").resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** Every file of the blob folder, by its path relative to the folder, with its content. */
    private Map<String, String> blobs() throws IOException {
        Path root = repository.resolve("blobs");
        Map<String, String> blobs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                blobs.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return blobs;
    }

    private Run ok(String... args) throws IOException, InterruptedException {
        Run run = run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "--repo", "embedded:" + repository));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove(CliContext.REPO_VARIABLE);
        Path out = workingDirectory.resolve("stdout.txt");
        Path err = workingDirectory.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("versioned %s finished", args[0]).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
