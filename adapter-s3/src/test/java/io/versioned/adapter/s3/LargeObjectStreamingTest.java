package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Puts, copies and gets 256 MiB through S3BlobPort in a forked JVM limited to a 64 MiB heap, so the test fails if
 * any step holds the content in memory.
 */
class LargeObjectStreamingTest {

    private static final long SIZE = 256L * 1024 * 1024;
    private static final Pattern LINE = Pattern.compile("(?m)^(sent|received|copied) ([0-9a-f]{64}) (\\d+)$");

    @BeforeAll
    static void checkServer() {
        S3Fixture.requireConditionalWrites();
    }

    @Test
    void contentLargerThanTheHeapStreamsThroughPutCopyAndOpen() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargeObjectRoundTrip.class.getName(), S3Fixture.server().endpoint().toString(),
                S3Fixture.uniqueBucket(), Long.toString(SIZE))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }

        assertThat(exited).as("the round trip finished; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        Matcher lines = LINE.matcher(output);
        List<String[]> results = lines.results().map(m -> new String[] {m.group(1), m.group(2), m.group(3)}).toList();
        assertThat(results).as(output).hasSize(3);
        assertThat(results).allSatisfy(result -> {
            assertThat(result[1]).isEqualTo(results.get(0)[1]);
            assertThat(Long.parseLong(result[2])).isEqualTo(SIZE);
        });
    }
}
