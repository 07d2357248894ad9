package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar versioned-cli.jar --version}, in a child process: the project version and the git commit the jar
 * was built from (the commit of this clone's {@code HEAD}, as {@code git rev-parse} tells it; {@code unknown} where
 * the build had no git), then the Java runtime.
 */
class VersionOptionIT {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void versionNamesTheProjectVersionAndTheCommitTheJarWasBuiltFrom() throws Exception {
        String expectedCommit = headCommit();

        String out = run(JAVA.toString(), "-jar", JarCli.JAR.toString(), "--version");

        assertThat(out).matches("(?s)versioned " + Pattern.quote(System.getProperty("versioned.version",
                "0.1.0-SNAPSHOT")) + ", commit " + Pattern.quote(expectedCommit)
                + (expectedCommit.equals(VersionInfo.UNKNOWN) ? "" : "(-dirty)?") + "\nJava .*\n");
    }

    /** The abbreviated commit of {@code HEAD} (12 digits), or {@code unknown} where git or the clone is missing. */
    private static String headCommit() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : VersionInfo.UNKNOWN;
        } catch (IOException e) {
            return VersionInfo.UNKNOWN;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
