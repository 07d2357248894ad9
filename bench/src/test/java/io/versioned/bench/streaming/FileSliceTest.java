package io.versioned.bench.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSliceTest {

    @TempDir
    Path folder;

    @Test
    void aSliceGivesExactlyItsBytesAndThenEnds() throws IOException {
        byte[] bytes = new byte[10_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Path file = Files.write(folder.resolve("file.bin"), bytes);

        try (InputStream first = FileSlice.open(file, 0, 4096);
             InputStream last = FileSlice.open(file, 8192, 1808)) {
            assertThat(first.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 0, 4096));
            assertThat(last.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 8192, 10_000));
            assertThat(last.read()).isEqualTo(-1);
        }
    }
}
