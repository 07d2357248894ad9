package io.versioned.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Puts, publishes, reads, downloads and puts again 512 MiB through the embedded {@link io.versioned.api.Repository}
 * in a forked JVM limited to a 64 MiB heap ({@link LargeArtifactRoundTrip}), so the test fails (with an
 * {@link OutOfMemoryError} in the child) if any step holds the content in memory. Only the exit code, the SHA-256s
 * and the sizes are asserted; the heap figures the child prints are for information.
 */
class LargeArtifactStreamingTest {

    private static final long SIZE = 512L * 1024 * 1024;
    private static final long SEED = 20_240_601L;
    private static final List<String> STEPS = List.of("generated", "put", "published", "read", "downloaded", "reput");
    private static final Pattern LINE = Pattern.compile("(?m)^(\\w+) ([0-9a-f]{64}) (\\d+)$");

    @TempDir
    Path temp;

    @Test
    void contentFarLargerThanTheHeapStreamsThroughPutPublishOpenDownloadAndAPutOfTheSameFile()
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = temp.resolve("round-trip.log");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), LargeArtifactRoundTrip.class.getName(),
                temp.resolve("repository").toString(), Long.toString(SIZE), Long.toString(SEED))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited = process.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);

        assertThat(exited).as("the round trip finished; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        Matcher lines = LINE.matcher(output);
        Map<String, String[]> results = lines.results()
                .collect(Collectors.toMap(m -> m.group(1), m -> new String[] {m.group(2), m.group(3)}));
        assertThat(results).as(output).containsOnlyKeys(STEPS);
        String generated = results.get("generated")[0];
        assertThat(results.values()).as(output).allSatisfy(result -> {
            assertThat(result[0]).isEqualTo(generated);
            assertThat(Long.parseLong(result[1])).isEqualTo(SIZE);
        });
        assertThat(output).contains("reput kept LATEST unchanged true");
    }
}
