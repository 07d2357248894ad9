package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Choosing a backend": one application ({@link ChoosingABackendExample}) run unchanged, as its own
 * process, on {@code memory:} (tests), {@code embedded:} (a laptop) and {@code s3+dynamodb://} (production, here
 * on the test servers), chosen by the environment variable {@code ARTIFACTS_REPO} alone; and the README shows
 * exactly that code.
 */
class ChoosingABackendTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "io", "versioned", "aws",
            "ChoosingABackendExample.java");

    @TempDir
    Path work;

    @Test
    void inTestsInMemory() throws Exception {
        assertThat(run("memory:", "bytes")).startsWith("production is version 1 at mem://");
    }

    @Test
    void onALaptopInAnEmbeddedFolder() throws Exception {
        Path folder = work.resolve("laptop");
        assertThat(run("embedded:" + folder, "day 1")).startsWith("production is version 1 at ");
        assertThat(run("embedded:" + folder, "day 2")).as("the folder keeps what earlier runs published")
                .startsWith("production is version 2 at ");
        assertThat(folder.resolve("blobs/model/000002")).isRegularFile();
    }

    @Test
    void inProductionOnS3AndDynamoDb() throws Exception {
        String bucket = AwsTestStores.freshBucket();
        String uri = "s3+dynamodb://" + bucket + "/artifacts?table=" + AwsTestStores.freshTable()
                + "&endpoint=" + S3ProxyServer.shared().endpoint()
                + "&dynamodb-endpoint=" + DynaliteServer.shared().endpoint();

        assertThat(run(uri, "bytes")).isEqualTo("production is version 1 at s3://" + bucket + "/artifacts/model/000001\n");
        assertThat(AwsTestStores.s3().headObject(b -> b.bucket(bucket).key("artifacts/model/000001"))
                .contentLength()).isEqualTo(5);
    }

    @Test
    void theReadmeShowsTheApplicationAsWritten() throws IOException {
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        String snippet = source.subList(source.indexOf("        // choosing a backend: begin") + 1,
                        source.indexOf("        // choosing a backend: end")).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        assertThat(snippet).contains("Versioned.open(uri, options)");
        assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains(snippet);
    }

    /** Runs the application on a file of {@code content} in a new JVM with {@code ARTIFACTS_REPO=uri}; its output. */
    private String run(String uri, String content) throws IOException, InterruptedException {
        Path model = Files.writeString(work.resolve("model.bin"), content);
        Path output = work.resolve("output.txt");
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChoosingABackendExample.class.getName(), model.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("ARTIFACTS_REPO", uri);
        environment.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not finish on " + uri);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
