package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.PostgresServer;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

/**
 * The shaded jar as users run it: every command is {@code java -jar versioned-cli.jar ...} in a child process with
 * nothing else on the class path, once per repository scheme the CLI accepts, against real servers (embedded
 * PostgreSQL, s3proxy, dynalite). The jar is built by {@code package}, so this runs in {@code verify}, through
 * failsafe.
 */
class ShippedJarIT {

    private static final Path JAR = Path.of(System.getProperty("versioned.jar", "target/versioned-cli.jar"))
            .toAbsolutePath().normalize();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /** The JVM options of the {@code ./versioned} launcher, which favour a fast start. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final String NAME = "model";

    @TempDir
    Path dir;

    private record Run(List<String> args, int exitCode, String out, String err) {

        JsonNode json() {
            return CliHarness.JSON.readTree(out);
        }

        @Override
        public String toString() {
            return String.join(" ", args) + ": exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    @Test
    void embeddedRepository() throws Exception {
        walkthrough("embedded:" + dir.resolve("repository"));
    }

    @Test
    void postgresRepository() throws Exception {
        PostgresServer.Schema schema = PostgresServer.shared().freshSchema();
        try {
            walkthrough(schema.jdbcUrl() + "&blobs=" + dir.resolve("blobs"));
        } finally {
            PostgresServer.shared().drop(schema);
        }
    }

    @Test
    void s3AndDynamoDbRepository() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        walkthrough("s3+dynamodb://jar-s3dynamo-" + suffix + "/repo?table=versioned-" + suffix + "&endpoint="
                + S3ProxyServer.shared().endpoint() + "&dynamodb-endpoint=" + DynaliteServer.shared().endpoint());

        assertThat(keysOf("jar-s3dynamo-" + suffix, "repo/" + NAME + "/")).as("the copy the Python library reads")
                .contains("repo/" + NAME + "/LATEST");
    }

    @Test
    void s3AndDynamoDbRepositoryNoPythonProcessReads() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        walkthrough("s3+dynamodb://jar-s3dynamo-" + suffix + "/repo?table=versioned-" + suffix + "&python=false"
                + "&endpoint=" + S3ProxyServer.shared().endpoint() + "&dynamodb-endpoint="
                + DynaliteServer.shared().endpoint());

        assertThat(keysOf("jar-s3dynamo-" + suffix, "repo/" + NAME + "/")).isNotEmpty()
                .doesNotContain("repo/" + NAME + "/LATEST");
    }

    private static List<String> keysOf(String bucket, String prefix) {
        try (S3Client s3 = S3ProxyServer.shared().clientBuilder().build()) {
            return s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    @Test
    void s3OnlyRepository() throws Exception {
        String bucket = "jar-s3only-" + UUID.randomUUID().toString().substring(0, 8);
        walkthrough("s3://" + bucket + "/team/repo?endpoint=" + S3ProxyServer.shared().endpoint());
    }

    /**
     * {@code memory:} lives in one process, so nothing a command writes is there for the next one: each command
     * below runs on a fresh, empty repository, and the test checks exactly that (a put works; a publish, an alias,
     * a resolve and a get find nothing; versions finds no artifact; fsck finds an intact empty repository). The whole
     * walkthrough on {@code memory:} runs in one JVM in {@link CommandsTest}.
     */
    @Test
    void memoryRepositoryStartsEmptyInEveryProcess() throws Exception {
        String uri = "memory:";
        Path one = Files.writeString(dir.resolve("one.bin"), "model one");

        JsonNode put = ok(uri, "put", NAME, one.toString(), "--json").json();
        assertThat(put.get("version").asString()).isEqualTo("LATEST");
        assertThat(run(uri, "publish", NAME).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run(uri, "alias", "set", NAME, "production", "1").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run(uri, "resolve", NAME, "production").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run(uri, "get", NAME, "-o", dir.resolve("copy.bin").toString()).exitCode())
                .isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run(uri, "versions", NAME, "--json").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        JsonNode fsck = ok(uri, "fsck", "--json").json();
        assertThat(fsck.get("intact").asBoolean()).isTrue();
        assertThat(fsck.get("versionsChecked").asInt()).isZero();
    }

    private void walkthrough(String uri) throws Exception {
        Path one = Files.writeString(dir.resolve("one.bin"), "model one");
        Path two = Files.writeString(dir.resolve("two.bin"), "model two");

        ok(uri, "init");
        ok(uri, "put", NAME, one.toString(), "--content-type", "text/plain");
        assertThat(ok(uri, "publish", NAME, "--json").json().get("version").asString()).isEqualTo("1");
        ok(uri, "put", NAME, two.toString());
        assertThat(ok(uri, "publish", NAME, "--json").json().get("version").asString()).isEqualTo("2");
        ok(uri, "alias", "set", NAME, "production", "1");

        assertThat(ok(uri, "resolve", NAME, "production", "--json").json().get("version").asString())
                .isEqualTo("1");
        Path copy = dir.resolve("copy.bin");
        ok(uri, "get", NAME, "--version", "1", "-o", copy.toString());
        assertThat(copy).hasContent("model one");
        JsonNode versions = ok(uri, "versions", NAME, "--json").json().get("versions");
        assertThat(versions.valueStream().map(version -> version.get("version").asString()).toList())
                .containsExactly("LATEST", "2", "1");
        JsonNode fsck = ok(uri, "fsck", "--json").json();
        assertThat(fsck.get("intact").asBoolean()).as(fsck.toString()).isTrue();
        assertThat(fsck.get("versionsChecked").asInt()).isEqualTo(3);
    }

    private Run ok(String uri, String... args) throws IOException, InterruptedException {
        Run run = run(uri, args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Run run(String uri, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", JAR.toString(), "--repo", uri));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("VERSIONED_")
                || key.equals("CLASSPATH") || key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
        // the keys of the test S3 server, through the AWS SDK's default credentials chain; no profile files
        environment.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        environment.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 120 seconds");
        }
        return new Run(command.subList(JVM_OPTIONS.size() + 3, command.size()), process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
