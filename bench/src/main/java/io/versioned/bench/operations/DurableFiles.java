package io.versioned.bench.operations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * How a careful raw writer replaces a file with java.nio: write a temporary file beside it, force it to disk, move it
 * over the target atomically, and force the directory so the rename survives a crash (what the library's file blob
 * store does too, with a hard link in place of the move).
 */
final class DurableFiles {

    private DurableFiles() {
    }

    /** Replaces {@code target} with {@code bytes}. */
    static void write(Path target, byte[] bytes) throws IOException {
        Path temp = temp(target);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
        commit(temp, target);
    }

    /** Replaces {@code target} with a copy of {@code source}. */
    static void copy(Path source, Path target) throws IOException {
        Path temp = temp(target);
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            out.force(false);
        }
        commit(temp, target);
    }

    private static Path temp(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return target.resolveSibling(".tmp-" + target.getFileName());
    }

    private static void commit(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
