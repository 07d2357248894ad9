package io.versioned.adapter.filesystem;

import io.versioned.core.port.BlobUpload;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A process that puts an endless stream into a {@link FilesystemBlobPort} under {@code args[0]}, key {@code args[1]}:
 * it writes until it is killed, as a put of a huge file is when its process dies.
 */
public final class EndlessPut {

    private EndlessPut() {
    }

    public static void main(String[] args) {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                return length;
            }
        };
        new FilesystemBlobPort(Path.of(args[0]))
                .put(args[1], endless, new BlobUpload(-1, Optional.empty(), "application/octet-stream", Map.of()));
    }
}
