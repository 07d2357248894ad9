package io.versioned.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import io.versioned.api.BackendException;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file-system specific guarantees of the blob port, on a fresh directory per test (the contract kit runs in
 * {@link FilesystemAdapterTest}).
 */
class FilesystemBlobPortTest {

    private static final BlobUpload UPLOAD = new BlobUpload(-1, Optional.empty(), "application/octet-stream", Map.of());

    @TempDir
    Path workDir;

    private Path root() {
        return workDir.resolve("store");
    }

    private BlobPort blobs;

    @BeforeEach
    void createBlobPort() {
        blobs = new FilesystemBlobPort(root());
        blobs.bootstrap();
    }

    private BlobPort blobs() {
        return blobs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside", "doc/../../outside", "doc/../x", "/etc/passwd", "/tmp/x", "doc\\..\\x",
            "doc//000001", "doc/", "/", "", ".", "./doc", "doc/./000001", "..", "doc/..", "doc/.tmp-123", "doc/\0x"})
    void hostileKeysAreRefusedAndNothingIsWrittenOutsideTheRoot(String key) throws IOException {
        byte[] bytes = "hostile".getBytes(StandardCharsets.UTF_8);
        BlobPort blobs = blobs();

        assertThatThrownBy(() -> blobs.put(key, new ByteArrayInputStream(bytes), UPLOAD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.uri(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.copy(key, "0".repeat(64), "doc/000001"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.copy("doc/000001", "0".repeat(64), key))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(filesUnder(workDir)).isEmpty();
    }

    @Test
    void listWithAHostilePrefixFindsNothingOutsideTheRoot() throws IOException {
        Files.writeString(workDir.resolve("outside"), "secret");
        blobs().put("doc/000001", new ByteArrayInputStream(new byte[1]), UPLOAD);

        assertThat(blobs().list("../")).isEmpty();
        assertThat(blobs().list("doc/../../")).isEmpty();
        assertThat(blobs().list("/")).isEmpty();
        assertThat(blobs().list("doc\\")).isEmpty();
    }

    @Test
    void namesThatContainTwoDotsAreValidKeys() {
        byte[] bytes = "dots".getBytes(StandardCharsets.UTF_8);

        blobs().put("a..b/000001", new ByteArrayInputStream(bytes), UPLOAD);

        assertThat(blobs().list("")).containsExactly("a..b/000001");
        assertThat(root().resolve("a..b").resolve("000001")).hasBinaryContent(bytes);
    }

    @Test
    void aKeyIsTheRelativePathOfItsFile() throws IOException {
        byte[] bytes = "layout".getBytes(StandardCharsets.UTF_8);

        blobs().put("customer_db/000001", new ByteArrayInputStream(bytes), UPLOAD);
        Files.createDirectories(root().resolve("other"));
        Files.write(root().resolve("other").resolve("LATEST"), bytes);

        assertThat(root().resolve("customer_db").resolve("000001")).hasBinaryContent(bytes);
        assertThat(blobs().list("")).containsExactly("customer_db/000001", "other/LATEST");
        assertThat(Content.read(blobs().open("other/LATEST").orElseThrow())).isEqualTo(bytes);
    }

    @Test
    void uriIsTheFileUriOfTheBlob() {
        String uri = blobs().uri("doc/000001");

        assertThat(uri).startsWith("file:");
        assertThat(Path.of(URI.create(uri))).isEqualTo(root().toAbsolutePath().resolve("doc").resolve("000001"));
    }

    @Test
    void aPutWhoseStreamFailsMidwayLeavesNoFileAtAll() throws IOException {
        InputStream failing = new InputStream() {
            private int remaining = 200_000;

            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    throw new IOException("disk unplugged");
                }
                remaining--;
                return 7;
            }
        };

        assertThatThrownBy(() -> blobs().put("doc/000001", failing, UPLOAD))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("doc/000001")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());

        assertThat(filesUnder(root())).isEmpty();
    }

    @Test
    void aPutWhoseStreamThrowsAnUncheckedExceptionLeavesNoFileAtAll() throws IOException {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new UncheckedIOException(new IOException("socket reset"));
            }
        };

        assertThatThrownBy(() -> blobs().put("doc/000001", failing, UPLOAD)).isInstanceOf(BackendException.class);

        assertThat(filesUnder(root())).isEmpty();
    }

    @Test
    void aRefusedSha256LeavesNoFileAtAll() throws IOException {
        BlobUpload wrongSha = new BlobUpload(3, Optional.of("0".repeat(64)), "text/plain", Map.of());

        assertThatThrownBy(() -> blobs().put("doc/000001", new ByteArrayInputStream(new byte[3]), wrongSha))
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(filesUnder(root())).isEmpty();
    }

    @Test
    void aRefusedCopyLeavesNoTemporaryFile() throws IOException {
        blobs().put("doc/LATEST.a", new ByteArrayInputStream(new byte[3]), UPLOAD);

        assertThatThrownBy(() -> blobs().copy("doc/LATEST.a", "0".repeat(64), "doc/000001"))
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(filesUnder(root())).containsExactly(root().resolve("doc").resolve("LATEST.a"));
    }

    @Test
    void leftoverTemporaryFilesOfACrashedPutAreNeverListed() throws IOException {
        blobs().put("doc/000001", new ByteArrayInputStream(new byte[1]), UPLOAD);
        Files.write(root().resolve("doc").resolve(".tmp-crashed"), new byte[10]);

        assertThat(blobs().list("")).containsExactly("doc/000001");
        assertThat(blobs().list("doc/")).containsExactly("doc/000001");
        assertThat(blobs().list("doc/.")).isEmpty();
    }

    @Test
    void aRootThatIsNoLongerADirectoryIsAStoreFailureNotAnEmptyStore() throws IOException {
        blobs().put("doc/000001", new ByteArrayInputStream(new byte[1]), UPLOAD);
        deleteRecursively(root());
        Files.writeString(root(), "not a directory");

        assertThatThrownBy(() -> blobs().open("doc/000001")).isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> blobs().list("")).isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> blobs().delete("doc/000001")).isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> blobs().copy("doc/000001", "0".repeat(64), "doc/000002"))
                .isInstanceOf(BackendException.class);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void aDirectoryOrAPathBelowABlobIsAnAbsentKey() {
        blobs().put("doc/000001", new ByteArrayInputStream(new byte[1]), UPLOAD);

        assertThat(blobs().open("doc")).isEmpty();
        assertThat(blobs().open("doc/000001/below")).isEmpty();
        blobs().delete("doc");
        blobs().delete("doc/000001/below");
        assertThat(blobs().list("")).containsExactly("doc/000001");
    }

    @Test
    void aSymbolicLinkIsNeitherReadNorWrittenThrough() throws IOException {
        Path outside = Files.writeString(workDir.resolve("outside"), "secret");
        Files.createDirectories(root().resolve("doc"));
        Files.createSymbolicLink(root().resolve("doc").resolve("000001"), outside);

        assertThat(blobs().open("doc/000001")).isEmpty();
        assertThat(blobs().list("")).isEmpty();
        assertThatThrownBy(() -> blobs().put("doc/000001", new ByteArrayInputStream(new byte[1]), UPLOAD))
                .isInstanceOf(PreconditionFailedException.class);
        blobs().delete("doc/000001");
        assertThat(outside).hasContent("secret");
        assertThat(root().resolve("doc").resolve("000001")).doesNotExist();
    }

    @Test
    void theModuleBindsAFilesystemBlobPortOnTheRoot() {
        BlobPort bound = Guice.createInjector(new FilesystemModule(root())).getInstance(BlobPort.class);

        assertThat(bound).isInstanceOf(FilesystemBlobPort.class);
        assertThat(bound.uri("doc/000001")).isEqualTo(blobs().uri("doc/000001"));
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Reads a stream to its end and closes it. */
    private static final class Content {
        static byte[] read(InputStream in) {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
