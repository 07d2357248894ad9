package io.versioned.bench.streaming;

import io.versioned.api.Repository;
import io.versioned.embedded.EmbeddedModule;
import io.versioned.embedded.VersionedEmbedded;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The embedded backend ({@link VersionedEmbedded#repository(Path)}: H2 and a blob folder). Its baselines are
 * {@link Files#copy(Path, Path, java.nio.file.CopyOption...)} of the file: for a put, into the folder, then forced to
 * the disk with its directory entry (fsync of the copy and of the folder), as durable as the library's put, which
 * returns only once the bytes and the record are on the disk; for a get, out of the blob folder (a download is not
 * forced to the disk).
 */
final class EmbeddedBackend implements Backend {

    /** The backend's name in the report. */
    static final String NAME = "embedded (H2 + files)";

    private final Path folder;
    private final Path blobs;
    private final Repository repository;

    /** A repository in {@code folder}/repository; the baseline copies go to {@code folder}, created if missing. */
    EmbeddedBackend(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        Path directory = folder.resolve("repository");
        this.blobs = directory.resolve(EmbeddedModule.BLOB_DIRECTORY_NAME);
        this.repository = VersionedEmbedded.repository(directory);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Repository repository() {
        return repository;
    }

    @Override
    public String baselinePutCall() {
        return "baseline: Files.copy of the file, then fsync of the copy and its folder";
    }

    @Override
    public String baselineGetCall() {
        return "baseline: Files.copy of the stored blob";
    }

    @Override
    public void baselinePut(String name, Path file) throws IOException {
        Path copy = copyOf(name);
        Files.copy(file, copy);
        force(copy);
        force(folder);
    }

    @Override
    public void deleteBaseline(String name) throws IOException {
        Files.delete(copyOf(name));
    }

    @Override
    public Callable<Path> baselineGet(String name, long size, Path target) throws IOException {
        Path artifactBlobs = blobs.resolve(name);
        List<Path> candidates;
        try (Stream<Path> files = Files.walk(artifactBlobs)) {
            candidates = files.filter(Files::isRegularFile).filter(file -> sizeOf(file) == size).toList();
        }
        if (candidates.size() != 1) {
            throw new IllegalStateException("expected one blob of " + size + " bytes under " + artifactBlobs
                    + ", found " + candidates);
        }
        Path blob = candidates.get(0);
        return () -> Files.copy(blob, target);
    }

    @Override
    public void close() {
        repository.close();
    }

    private Path copyOf(String name) {
        return folder.resolve(name + ".copy");
    }

    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
