package io.versioned.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.core.port.BlobEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A put whose process is killed (SIGKILL) while it writes leaves its temporary file behind: the store lists it as a
 * leftover, never as a blob, and removes it on request.
 */
class KilledPutLeftoverTest {

    private static final String KEY = "big/LATEST.0123456789abcdef0123456789abcdef";
    private static final long AT_LEAST = 8L * 1024 * 1024;

    @TempDir
    Path root;

    @Test
    void theTemporaryFileOfAKilledPutIsALeftoverUntilDeleted() throws Exception {
        Path temp = killPutMidway();
        FilesystemBlobPort blobs = new FilesystemBlobPort(root);

        List<BlobEntry> leftovers = blobs.leftovers();

        assertThat(leftovers).singleElement().satisfies(leftover -> {
            assertThat(leftover.key()).isEqualTo("big/" + temp.getFileName());
            assertThat(leftover.size()).isEqualTo(Files.size(temp)).isGreaterThanOrEqualTo(AT_LEAST);
            assertThat(leftover.lastModified()).isEqualTo(Files.getLastModifiedTime(temp).toInstant());
        });
        assertThat(blobs.list("")).isEmpty();
        assertThat(blobs.open(KEY)).isEmpty();

        blobs.deleteLeftover(leftovers.get(0).key());

        assertThat(temp).doesNotExist();
        assertThat(blobs.leftovers()).isEmpty();
        blobs.deleteLeftover(leftovers.get(0).key());
    }

    @Test
    void deleteLeftoverRefusesWhatIsNotALeftover() throws IOException {
        FilesystemBlobPort blobs = new FilesystemBlobPort(root);
        Path blob = Files.createDirectories(root.resolve("a")).resolve("000001");
        Files.writeString(blob, "a blob");

        for (String name : List.of("a/000001", "../.tmp-x", "a/../../.tmp-x", "a/.tmp-", "/tmp/.tmp-x", "")) {
            assertThatThrownBy(() -> blobs.deleteLeftover(name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leftover");
        }
        assertThat(blob).exists();
    }

    /** Runs {@link EndlessPut} in a child JVM, kills it once its temporary file holds {@link #AT_LEAST} bytes. */
    private Path killPutMidway() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EndlessPut.class.getName(), root.toString(), KEY).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path temp = null;
            for (int polls = 0; polls < 6_000 && temp == null; polls++) {
                temp = tempFileOf(AT_LEAST);
                Thread.sleep(10);
            }
            assertThat(temp).as("a temporary file of at least %d bytes", AT_LEAST).isNotNull();
            return temp;
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Path tempFileOf(long size) throws IOException {
        Path directory = root.resolve("big");
        if (!Files.isDirectory(directory)) {
            return null;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".tmp-"))
                    .filter(file -> file.toFile().length() >= size).findFirst().orElse(null);
        }
    }
}
