package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one {@code embedded:} folder, as users run them: a {@code versioned sync} keeps running (the
 * first process to open the H2 database serves it to the others) while other {@code java -jar versioned-cli.jar}
 * processes put, publish and move the alias; the sync follows each change. When the serving process is killed, the
 * next command opens the database itself. Short commands started at the same moment all succeed.
 */
class EmbeddedSharingIT {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;
    @TempDir
    Path bin;

    @Test
    void aRunningSyncDoesNotLockOtherProcessesOut() throws Exception {
        String repo = "embedded:" + dir.resolve("repository");
        JarCli cli = new JarCli(dir, bin);
        Path target = Files.createDirectories(dir.resolve("current"));
        for (String text : List.of("one", "two")) {
            Files.writeString(dir.resolve(text + ".txt"), text);
            ok(cli, repo, "put model " + text + ".txt");
            ok(cli, repo, "publish model");
        }
        ok(cli, repo, "alias set model production 1");

        Process sync = startSync(repo, target);
        try {
            awaitContent(target, "one", sync);
            ok(cli, repo, "alias set model production 2");
            awaitContent(target, "two", sync);
            assertThat(ok(cli, repo, "names")).isEqualTo("model\n");
            Files.writeString(dir.resolve("three.txt"), "three");
            ok(cli, repo, "put model three.txt");
            ok(cli, repo, "publish model");
            ok(cli, repo, "alias set model production 3");
            awaitContent(target, "three", sync);
            assertThat(sync.isAlive()).as(output("sync")).isTrue();
        } finally {
            sync.toHandle().destroyForcibly();
            sync.waitFor(30, TimeUnit.SECONDS);
        }

        ok(cli, repo, "alias set model production 1");
        ok(cli, repo, "sync model production current --once");
        assertThat(Files.readString(target.resolve("model"))).isEqualTo("one");
    }

    /**
     * Short commands started together, on a new folder and then on an existing one: each process either opens the
     * database or reaches the one serving it, while the other processes come and go (H2 hands the file over through
     * its lock file, which takes seconds on a loaded machine). Every command succeeds and every put is kept.
     */
    @Test
    void commandsStartedTogetherAllSucceed() throws Exception {
        JarCli cli = new JarCli(dir, bin);
        Files.writeString(dir.resolve("bytes.txt"), "bytes");
        for (int round = 1; round <= 2; round++) {
            String repo = "embedded:" + dir.resolve("repository-" + round);
            StringBuilder together = new StringBuilder();
            for (String name : List.of("a", "b", "c")) {
                together.append("(versioned --repo '").append(repo).append("' put ").append(name)
                        .append(" bytes.txt >/dev/null; echo \"").append(name).append(" exit $?\") & ");
            }
            for (int started = 0; started < 2; started++) {
                JarCli.Run run = cli.shell(together + "wait");
                assertThat(run.out().lines().sorted().toList()).as("round %d, start %d: %s", round, started, run)
                        .containsExactly("a exit 0", "b exit 0", "c exit 0");
            }
            assertThat(ok(cli, repo, "names")).isEqualTo("a\nb\nc\n");
        }
    }

    private void awaitContent(Path target, String expected, Process sync) throws Exception {
        Path file = target.resolve("model");
        for (int i = 0; i < 600; i++) {
            if (Files.exists(file) && Files.readString(file).equals(expected)) {
                return;
            }
            assertThat(sync.isAlive()).as(output("sync")).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the synced file does not hold '" + expected + "' after 60 s; " + output("sync"));
    }

    /** Runs {@code versioned --repo REPO ARGS} to its end; its standard output, after checking it exited with 0. */
    private static String ok(JarCli cli, String repo, String args) throws Exception {
        JarCli.Run run = cli.shell("versioned --repo '" + repo + "' " + args);
        assertThat(run.exitCode()).as("%s: %s", args, run).isZero();
        return run.out();
    }

    /** Starts {@code versioned sync} polling every 0.2 s, in the background. */
    private Process startSync(String repo, Path target) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", JarCli.JAR.toString(), "--repo", repo, "sync", "model", "production", target.toString(),
                "--interval", "PT0.2S").directory(dir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("VERSIONED_"));
        return builder.redirectOutput(dir.resolve("sync.out").toFile())
                .redirectError(dir.resolve("sync.err").toFile()).start();
    }

    private String output(String logName) {
        try {
            return "--- out\n" + Files.readString(dir.resolve(logName + ".out")) + "--- err\n"
                    + Files.readString(dir.resolve(logName + ".err"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
