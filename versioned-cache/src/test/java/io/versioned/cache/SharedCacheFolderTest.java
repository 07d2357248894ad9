package io.versioned.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes read through one cache folder at the same time, fetching and evicting the same files. */
class SharedCacheFolderTest {

    @TempDir
    Path cacheDir;
    @TempDir
    Path logs;

    @Test
    void twoProcessesShareOneCacheFolder() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SharedCacheWorker.class.getName(), cacheDir.toString(), "40")
                .redirectErrorStream(true).redirectOutput(logs.resolve("child.log").toFile()).start();
        try {
            assertThat(SharedCacheWorker.run(cacheDir.toString(), 40)).as("this process read the right bytes")
                    .isTrue();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
            assertThat(child.exitValue()).as("the child read the right bytes; its output: %s",
                    Files.readString(logs.resolve("child.log"))).isZero();
        } finally {
            child.destroyForcibly();
        }
        List<Path> files = files(cacheDir.resolve("content"));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(Sha256.of(in)).isEqualTo(file.getFileName().toString());
            }
        }
        assertThat(files(cacheDir.resolve("tmp"))).isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
