package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.testsupport.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code versioned sync} as users run it: the shaded jar in a child process, following an alias of an {@code s3:}
 * repository (a store several processes use at once) that this test changes meanwhile.
 */
class SyncIT {

    private static final Path JAR = Path.of(System.getProperty("versioned.jar", "target/versioned-cli.jar"))
            .toAbsolutePath().normalize();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;
    @TempDir
    Path target;

    private String uri;
    private Repository repository;

    @BeforeEach
    void open() {
        uri = "s3://sync-" + UUID.randomUUID().toString().substring(0, 8) + "/repo?endpoint="
                + S3ProxyServer.shared().endpoint();
        repository = Versioned.open(uri, RepositoryOptions.builder().bootstrap(true)
                .component(S3Client.class, S3ProxyServer.shared().client()).build());
        for (String text : List.of("one", "two")) {
            repository.putArtifact("model", text.getBytes(StandardCharsets.UTF_8));
            repository.publishArtifactVersion("model");
        }
        repository.putAlias("model", "production", Version.of(1));
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void onceFetchesRunsTheCommandAndExits() throws Exception {
        Artifact one = repository.getArtifactVersion("model", Version.of(1));
        String exec = "echo \"$VERSIONED_VERSION $VERSIONED_SHA256\" > " + dir.resolve("reloaded.txt");

        Process first = start("sync", "model", "production", target.toString(), "--once", "--exec", exec);
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(output()).isZero();
        assertThat(Files.readString(target.resolve("model"))).isEqualTo("one");
        assertThat(Files.readString(dir.resolve("reloaded.txt"))).isEqualTo("1 " + one.sha256() + "\n");
        assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("version 1 sha256 " + one.sha256());

        Files.delete(dir.resolve("reloaded.txt"));
        Process unchanged = start("sync", "model", "production", target.toString(), "--once", "--exec", exec);
        assertThat(unchanged.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(unchanged.exitValue()).as(output()).isZero();
        assertThat(dir.resolve("reloaded.txt")).doesNotExist();
        assertThat(target.toFile().list()).containsExactly("model");
    }

    @Test
    void documentedExitCodes() throws Exception {
        assertThat(exitOf("sync", "model", "staging", target.toString(), "--once")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(exitOf("sync", "model", "production", target.toString(), "--interval", "soon"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(exitOf("sync", "model", "production", target.resolve("missing").toString(), "--once"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(exitOf("sync", "model", "production", target.toString(), "--once", "--exec", "exit 7"))
                .isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void followsPromotionsCanariesAndRollbacksWhileAnotherProcessWrites() throws Exception {
        String canaryKey = keyInBucketBelow(50);
        Path reloads = dir.resolve("reloads.txt");
        Process sync = start("sync", "model", "production", target.toString(), "--interval", "PT0.2S", "--key",
                canaryKey, "--exec", "echo $VERSIONED_VERSION >> " + reloads);
        try {
            awaitContent("one", sync);
            repository.putAlias("model", "production", Version.of(2));
            awaitContent("two", sync);
            repository.putAlias("model", "production", Version.of(2), Version.of(1), 50);
            awaitContent("one", sync);
            repository.putAlias("model", "production", Version.of(2));
            awaitContent("two", sync);
            assertThat(sync.isAlive()).isTrue();
        } finally {
            sync.destroy();
            sync.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readAllLines(reloads)).containsExactly("1", "2", "1", "2");
        assertThat(Files.readString(dir.resolve("stdout.txt")))
                .contains("version 2 sha256 " + repository.getArtifactVersion("model", Version.of(2)).sha256());
    }

    private static String keyInBucketBelow(int weight) {
        for (int i = 0; ; i++) {
            if (io.versioned.api.Routing.bucket("model", "production", "key-" + i) < weight) {
                return "key-" + i;
            }
        }
    }

    private void awaitContent(String expected, Process sync) throws IOException, InterruptedException {
        BooleanSupplier done = () -> {
            try {
                return Files.exists(target.resolve("model"))
                        && Files.readString(target.resolve("model")).equals(expected);
            } catch (IOException e) {
                return false;
            }
        };
        for (int i = 0; i < 600 && !done.getAsBoolean(); i++) {
            assertThat(sync.isAlive()).as(output()).isTrue();
            Thread.sleep(100);
        }
        assertThat(done.getAsBoolean()).as("the file holds '%s' within 60 s; %s", expected, output()).isTrue();
    }

    private int exitOf(String... args) throws Exception {
        Process process = start(args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private String output() {
        try {
            return "--- out\n" + Files.readString(dir.resolve("stdout.txt")) + "--- err\n"
                    + Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", JAR.toString(), "--repo", uri));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("VERSIONED_")
                || key.equals("CLASSPATH") || key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
        environment.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        environment.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        return builder.redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }
}
