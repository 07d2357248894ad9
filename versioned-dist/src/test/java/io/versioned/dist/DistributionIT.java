package io.versioned.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.cli.CliContext;
import io.versioned.cli.VersionedCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The distribution archives as users install them: unpacked with {@code tar} and {@code unzip} into an empty folder,
 * then {@code bin/versioned} run as a child process from another folder (directly and through a symbolic link), with a
 * {@code mvn} on the {@code PATH} that fails if anything calls it. Built by {@code package}, so this runs in
 * {@code verify}, through failsafe.
 */
class DistributionIT {

    private static final String VERSION = System.getProperty("versioned.version", "0.1.0-SNAPSHOT");
    /** The archives' path without the extension ({@code .tar.gz}, {@code .zip}). */
    private static final Path ARCHIVE = Path.of(System.getProperty("versioned.distribution",
            "target/versioned-" + VERSION + "-bin")).toAbsolutePath().normalize();
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void theUnpackedArchiveRunsVersionAndAPutGetRoundTripWithoutMaven(String format) throws Exception {
        Path home = unpack(format);
        Path launcher = home.resolve("bin/versioned");
        assertThat(Files.isExecutable(launcher)).as("bin/versioned is executable").isTrue();
        Path work = Files.createDirectories(dir.resolve("work"));

        Run version = run(work, launcher.toString(), "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).matches("(?s)versioned " + VERSION.replace(".", "\\.")
                + ", commit ([0-9a-f]{12}(-dirty)?|unknown)\nJava .*");

        Path file = work.resolve("model.bin");
        byte[] content = "the model, version 1\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        String repo = "embedded:" + dir.resolve("repository");
        assertOk(run(work, launcher.toString(), "--repo", repo, "put", "model", file.toString()));
        assertOk(run(work, launcher.toString(), "--repo", repo, "publish", "model"));
        // through a symbolic link from a folder on the PATH, as docs/cli.md suggests installing it
        Path bin = Files.createDirectories(dir.resolve("path-bin"));
        Files.createSymbolicLink(bin.resolve("versioned"), launcher);
        Path copy = work.resolve("copy.bin");
        assertOk(run(work, "bash", "-c", "versioned \"$@\"", "bash", "--repo", repo, "get", "model", "--version", "1",
                "-o", copy.toString()));
        assertThat(Files.readAllBytes(copy)).isEqualTo(content);

        assertThat(home.resolve("lib/versioned-cli.jsa")).as("the class-data archive written by the first run")
                .isRegularFile();
        assertThat(dir.resolve("mvn-was-called")).as("the launcher never calls Maven").doesNotExist();
    }

    @Test
    void theCompletionScriptCompletesSubcommandsAndOptionsInBash() throws Exception {
        Path home = unpack("tar.gz");
        Path script = home.resolve("completion/versioned.bash");

        assertThat(complete(script, "versioned pu")).containsExactlyInAnyOrder("publish", "purge", "purge-all",
                "purge-artifact", "put");
        assertThat(complete(script, "versioned alias s")).containsExactly("set");
        assertThat(complete(script, "versioned put model file --content-")).containsExactly("--content-type");
        assertThat(complete(script, "versioned --re")).containsExactly("--repo");
        // zsh runs the same script through bashcompinit, which the script turns on itself
        assertThat(Files.readString(script)).contains("bashcompinit");
    }

    @Test
    void everyCommandHasAManPageThatManRenders() throws Exception {
        Path home = unpack("tar.gz");
        Path man1 = home.resolve("man/man1");
        List<String> pages = new ArrayList<>();
        collectPages(VersionedCli.commandLine(CliContext.system()), "versioned", pages);

        assertThat(pages).contains("versioned", "versioned-put", "versioned-alias-set", "versioned-sync");
        for (String page : pages) {
            Path file = man1.resolve(page + ".1");
            assertThat(file).as(page).isRegularFile();
            assertThat(Files.readString(file)).as(page)
                    .contains(".TH \"" + page.toUpperCase(Locale.ROOT).replace("-", "\\-") + "\" \"1\"");
        }
        Run rendered = run(dir, "man", "-M", home.resolve("man").toString(), "versioned-put");
        assertThat(rendered.exitCode()).as(rendered.toString()).isZero();
        assertThat(rendered.out()).contains("versioned put").contains("--content-type");
    }

    private static void collectPages(CommandLine command, String page, List<String> pages) {
        pages.add(page);
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandName())) {
                collectPages(sub.getValue(), page + "-" + sub.getKey(), pages);
            }
        }
    }

    /** What the bash completion offers for {@code line} (the word being completed is its last). */
    private List<String> complete(Path script, String line) throws Exception {
        String[] words = (line.endsWith(" ") ? line + "''" : line).split(" ");
        String program = "source '" + script + "'\nCOMP_WORDS=(" + String.join(" ", words) + ")\nCOMP_CWORD="
                + (words.length - 1) + "\nCOMP_LINE='" + line + "'\nCOMP_POINT=${#COMP_LINE}\n"
                + "_complete_versioned versioned\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Run run = run(dir, "bash", "-c", program);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.out().lines().map(String::strip).filter(word -> !word.isEmpty()).toList();
    }

    /** Unpacks the archive of {@code format} into a new empty folder, with the tool users use; returns its top folder. */
    private Path unpack(String format) throws Exception {
        Path archive = Path.of(ARCHIVE + "." + format);
        assertThat(archive).as("the distribution archive (built by package)").isRegularFile();
        Path target = Files.createDirectories(dir.resolve("unpacked-" + format));
        Run unpacked = format.equals("zip") ? run(target, "unzip", "-q", archive.toString())
                : run(target, "tar", "-xzf", archive.toString());
        assertThat(unpacked.exitCode()).as(unpacked.toString()).isZero();
        try (Stream<Path> top = Files.list(target)) {
            assertThat(top.map(path -> path.getFileName().toString())).containsExactly("versioned-" + VERSION);
        }
        return target.resolve("versioned-" + VERSION);
    }

    private static void assertOk(Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /**
     * Runs {@code command} in {@code workingDirectory} with this test's Java as {@code JAVA_HOME}, no
     * {@code VERSIONED_REPO}, and a {@code PATH} that starts with the test's link folder and a {@code mvn} that
     * records being called.
     */
    private Run run(Path workingDirectory, String... command) throws IOException, InterruptedException {
        Path fakeMaven = Files.createDirectories(dir.resolve("fake-maven"));
        Path mvn = fakeMaven.resolve("mvn");
        if (!Files.exists(mvn)) {
            Files.writeString(mvn, "#!/bin/sh\ntouch '" + dir.resolve("mvn-was-called") + "'\nexit 99\n");
            Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove(CliContext.REPO_VARIABLE);
        environment.remove("VERSIONED_CLASSPATH");
        environment.remove("VERSIONED_JAVA_OPTS");
        environment.remove("VERSIONED_JAR");
        environment.put("JAVA_HOME", JAVA_HOME.toString());
        environment.put("PATH", dir.resolve("path-bin") + ":" + fakeMaven + ":"
                + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("'%s' finished", String.join(" ", command)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
