package io.versioned.embedded;

import static io.versioned.embedded.RepositoryCalls.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A put on the embedded backend whose content stream throws an {@link IOException} midway, after several MiB went to
 * the blob folder: the put fails with a {@link VersionedException} carrying that exception (the content failed, not
 * the store: no {@link BackendException}), no file of it stays under the blob folder (no {@code .tmp-*} upload, no
 * blob), LATEST is as it was, and the repository keeps working.
 */
class FailingContentStreamTest {

    private static final String NAME = "app";
    private static final long FAIL_AFTER = 3L * 1024 * 1024 + 123;

    @TempDir
    Path temp;

    private Repository repository;
    private Path blobs;

    @BeforeEach
    void open() {
        Path folder = temp.resolve("repository");
        repository = VersionedEmbedded.repository(folder);
        blobs = folder.resolve(EmbeddedModule.BLOB_DIRECTORY_NAME);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void aFailedPutOverAnExistingLatestLeavesNoFileAndLatestUnchanged() throws IOException {
        repository.putArtifact(NAME, bytes("version one"));
        repository.publishArtifactVersion(NAME);
        Artifact latest = repository.putArtifact(NAME, bytes("latest"));
        List<String> before = filesUnder(blobs);
        FailingStream content = new FailingStream(FAIL_AFTER);

        assertThatThrownBy(() -> repository.putArtifact(NAME, content, PutOptions.none()))
                .isInstanceOf(VersionedException.class)
                .isNotInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(e.getCause()).isSameAs(content.failure));

        assertThat(content.handedOut).as("bytes handed out before the failure").isEqualTo(FAIL_AFTER);
        assertThat(filesUnder(blobs)).as("files under the blob folder").isEqualTo(before)
                .noneMatch(file -> file.contains(".tmp-"));
        assertThat(repository.getArtifactVersion(NAME)).isEqualTo(latest);
        assertThat(repository.getContent(NAME, Version.LATEST)).isEqualTo(bytes("latest"));
        assertThat(repository.listArtifactVersions(NAME)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(1));
        assertThat(repository.putArtifact(NAME, bytes("after the failure")).sha256()).isNotEqualTo(latest.sha256());
        assertThat(repository.publishArtifactVersion(NAME).version()).isEqualTo(Version.of(2));
    }

    @Test
    void aFailedFirstPutLeavesNoFileAndNoLatest() throws IOException {
        FailingStream content = new FailingStream(FAIL_AFTER);

        assertThatThrownBy(() -> repository.putArtifact(NAME, content, PutOptions.none()))
                .isInstanceOf(VersionedException.class)
                .isNotInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(e.getCause()).isSameAs(content.failure));

        assertThat(filesUnder(blobs)).as("files under the blob folder").isEmpty();
        assertThatThrownBy(() -> repository.getArtifactVersion(NAME)).isInstanceOf(ArtifactNotFoundException.class);
        assertThat(repository.listArtifactVersions(NAME)).isEmpty();
        assertThat(repository.putArtifact(NAME, bytes("after the failure")).version()).isEqualTo(Version.LATEST);
    }

    /** Every regular file under {@code root}, hidden ones included, as paths relative to it. */
    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted().toList();
        }
    }

    /** Hands out {@code failAfter} bytes, then throws {@link #failure} from every read. */
    private static final class FailingStream extends InputStream {
        final IOException failure = new IOException("the network went away");
        private final long failAfter;
        long handedOut;

        FailingStream(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (handedOut == failAfter) {
                throw failure;
            }
            int count = (int) Math.min(length, failAfter - handedOut);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) (handedOut + i);
            }
            handedOut += count;
            return count;
        }
    }
}
