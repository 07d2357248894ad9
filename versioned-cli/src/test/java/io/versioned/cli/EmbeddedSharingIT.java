package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one {@code embedded:} folder, as users run them: a {@code versioned sync} keeps running (the
 * first process to open the H2 database serves it to the others) while other {@code java -jar versioned-cli.jar}
 * processes put, publish and move the alias; the sync follows each change. When the serving process is killed, the
 * next command opens the database itself.
 */
class EmbeddedSharingIT {

    private static final Path JAR = Path.of(System.getProperty("versioned.jar", "target/versioned-cli.jar"))
            .toAbsolutePath().normalize();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void aRunningSyncDoesNotLockOtherProcessesOut() throws Exception {
        String repo = "embedded:" + dir.resolve("repository");
        Path target = Files.createDirectories(dir.resolve("current"));
        for (String text : List.of("one", "two")) {
            Files.writeString(dir.resolve(text + ".txt"), text);
            ok(repo, "put", "model", dir.resolve(text + ".txt").toString());
            ok(repo, "publish", "model");
        }
        ok(repo, "alias", "set", "model", "production", "1");

        Process sync = start(repo, "sync", "sync", "model", "production", target.toString(), "--interval", "PT0.2S");
        try {
            awaitContent(target, "one", sync);
            ok(repo, "alias", "set", "model", "production", "2");
            awaitContent(target, "two", sync);
            assertThat(ok(repo, "names")).isEqualTo("model\n");
            Files.writeString(dir.resolve("three.txt"), "three");
            ok(repo, "put", "model", dir.resolve("three.txt").toString());
            ok(repo, "publish", "model");
            ok(repo, "alias", "set", "model", "production", "3");
            awaitContent(target, "three", sync);
            assertThat(sync.isAlive()).as(output("sync")).isTrue();
        } finally {
            sync.toHandle().destroyForcibly();
            sync.waitFor(30, TimeUnit.SECONDS);
        }

        ok(repo, "alias", "set", "model", "production", "1");
        ok(repo, "sync", "model", "production", target.toString(), "--once");
        assertThat(Files.readString(target.resolve("model"))).isEqualTo("one");
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

    /** Runs a command to its end; its standard output, after checking that it exited with 0. */
    private String ok(String repo, String... args) throws Exception {
        Process process = start(repo, "command", args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s ends", List.of(args)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", List.of(args), output("command")).isZero();
        return Files.readString(dir.resolve("command.out"));
    }

    private Process start(String repo, String logName, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", JAR.toString(), "--repo", repo));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("VERSIONED_") || key.equals("CLASSPATH")
                || key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
        return builder.redirectOutput(dir.resolve(logName + ".out").toFile())
                .redirectError(dir.resolve(logName + ".err").toFile()).start();
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
