package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shaded jar built by {@code package}, run as users run it: {@code versioned} is a script on the {@code PATH}
 * that executes {@code java -jar versioned-cli.jar}, and each call is a {@code bash -c} command line in a working
 * directory, without {@code VERSIONED_REPO}. For the integration tests (failsafe runs them after {@code package}).
 */
final class JarCli {

    /** The runnable jar; failsafe runs in the module's folder. */
    static final Path JAR = Path.of(System.getProperty("versioned.jar", "target/versioned-cli.jar"))
            .toAbsolutePath().normalize();

    private final Path workingDirectory;
    private final Path bin;

    /**
     * @param workingDirectory where the commands run
     * @param bin              an empty folder for the {@code versioned} script
     */
    JarCli(Path workingDirectory, Path bin) throws IOException {
        assertThat(JAR).as("the shaded jar (built by package)").isRegularFile();
        this.workingDirectory = workingDirectory;
        this.bin = bin;
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path script = bin.resolve("versioned");
        Files.writeString(script, "#!/usr/bin/env bash\nexec '" + java + "' -XX:TieredStopAtLevel=1 "
                + "-XX:+UseSerialGC -jar '" + JAR + "' \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * What one command line produced.
     *
     * @param exitCode the exit code of the command line (of its last command)
     * @param out      standard output
     * @param err      standard error
     */
    record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs {@code commandLine} with bash in the working directory, at most two minutes. */
    Run shell(String commandLine) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", commandLine))
                .directory(workingDirectory.toFile());
        builder.environment().remove(CliContext.REPO_VARIABLE);
        builder.environment().put("PATH", bin + ":" + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        Path out = Files.createTempFile(bin, "out", ".txt");
        Path err = Files.createTempFile(bin, "err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("'%s' finished", commandLine).isTrue();
        try {
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
