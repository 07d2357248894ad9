package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./versioned} launcher in a child process, from an unrelated working directory, on the shaded jar
 * built by {@code package} (so this runs in {@code verify}, through failsafe).
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("versioned.launcher", "../versioned"))
            .toAbsolutePath().normalize();

    @TempDir
    Path workingDirectory;

    private record Run(int exitCode, String out, String err) {
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        return launch(Map.of(), args);
    }

    private Run launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove(CliContext.REPO_VARIABLE);
        builder.environment().remove("VERSIONED_CLASSPATH");
        builder.environment().putAll(environment);
        Path out = workingDirectory.resolve("stdout.txt");
        Path err = workingDirectory.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherAndTheJarAreInPlace() {
        assertThat(LAUNCHER).isExecutable();
        assertThat(LAUNCHER.getParent().resolve("versioned-cli/target/versioned-cli.jar")).isRegularFile();
    }

    @Test
    void aThirdPartyProviderOnVersionedClasspathAddsItsScheme() throws Exception {
        Path providerJar = Path.of(System.getProperty("versioned.example-provider",
                "../examples/test-provider/target/versioned-example-provider-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(providerJar).as("built by the reactor before this module").isRegularFile();
        Files.writeString(workingDirectory.resolve("catalog.json"), "{}");

        Run put = launch(Map.of("VERSIONED_CLASSPATH", providerJar.toString()),
                "--repo", "example:shop", "put", "catalog", "catalog.json", "--json");
        Run init = launch(Map.of("VERSIONED_CLASSPATH", providerJar.toString()), "--repo", "example:shop", "init");

        assertThat(put.exitCode()).as(put.err()).isZero();
        assertThat(put.out()).contains("mem://example-shop/catalog/");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("example:shop");
    }

    @Test
    void withoutTheProviderTheSchemeIsUnknownAndTheFoundSchemesAreListed() throws Exception {
        Run run = launch("--repo", "example:shop", "names");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--repo: unknown scheme 'example'; the schemes on the class path are "
                + "embedded, jdbc, memory, s3, s3+dynamodb");
    }

    @Test
    void printsHelpFromAnyDirectory() throws Exception {
        Run run = launch("--help");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: versioned").contains("Commands:", "put", "alias", "demo");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void listsTheNamesOfAnEmptyMemoryRepository() throws Exception {
        Run run = launch("--repo", "memory:", "names");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("No artifacts yet");
    }

    @Test
    void usesTheEmbeddedRepositoryInTheWorkingDirectoryByDefault() throws Exception {
        Files.writeString(workingDirectory.resolve("customers.csv"), "id,segment\n1,a\n");

        Run put = launch("put", "customers", "customers.csv", "--content-type", "text/csv");
        Run publish = launch("publish", "customers");
        Run versions = launch("versions", "customers");

        assertThat(put.exitCode()).as(put.err()).isZero();
        assertThat(publish.out()).contains("Published customers version 1");
        assertThat(versions.out()).contains("LATEST", "text/csv");
        assertThat(workingDirectory.resolve(".versioned")).isDirectory();
        assertThat(workingDirectory.resolve(".versioned/blobs/customers/000001")).hasContent("id,segment\n1,a\n");
    }

    @Test
    void writesAClassDataSharingArchiveOnTheFirstRunAndMapsItQuietlyAfterwards() throws Exception {
        Path archive = LAUNCHER.getParent().resolve("versioned-cli/target/versioned-cli.jsa");
        Files.deleteIfExists(archive);

        Run first = launch("--repo", "memory:", "names");
        assertThat(archive).as("written by the first run").isRegularFile();
        FileTime written = Files.getLastModifiedTime(archive);
        Run second = launch("--repo", "memory:", "names");

        for (Run run : List.of(first, second)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("No artifacts yet");
            assertThat(run.err()).isEmpty();
        }
        assertThat(Files.getLastModifiedTime(archive)).as("mapped, not written again").isEqualTo(written);
        try (var leftovers = Files.list(archive.getParent())) {
            assertThat(leftovers).noneMatch(path -> path.getFileName().toString().startsWith("versioned-cli.jsa."));
        }
    }

    @Test
    void passesTheExitCodeAndOneErrorLineToTheShell() throws Exception {
        Run run = launch("--repo", "memory:", "show", "missing");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err().lines().toList()).hasSize(1).first().asString().startsWith("versioned: error: ");
    }
}
