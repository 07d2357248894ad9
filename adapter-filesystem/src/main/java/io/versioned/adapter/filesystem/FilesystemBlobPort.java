package io.versioned.adapter.filesystem;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.DiskFull;
import io.versioned.core.port.PreconditionFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link BlobPort} on a local directory: key {@code name/000001} is the file {@code root/name/000001}.
 * Keys that could reach outside the root are refused with {@link IllegalArgumentException} (see
 * {@link KeyPaths}).
 *
 * <p>A put streams the bytes into a temporary file ({@code .tmp-<uuid>}) in the target's directory through a
 * fixed-size buffer, computing their SHA-256 on the way only when one was given to check them against (so the bytes
 * are hashed once: here to check a given SHA-256, or else by the caller), forces it to disk, and then publishes it
 * with a hard link to the target name. Creating a hard link fails when the name exists, so publishing is atomic and
 * put-if-absent even between processes sharing the directory: a blob is visible whole or not at all, and an
 * existing blob is never replaced. The file system must therefore support hard links; where it does not, puts
 * fail with a non-retryable {@link BackendException} rather than fall back to a replace that is not atomic.
 * Temporary files are never listed as blobs; a crash may leave one behind: {@link #leftovers()} lists them and
 * {@link #deleteLeftover(String)} removes one (maintenance does, once it is older than its grace period).
 *
 * <p>Only regular files are blobs: open and list treat a directory, a symbolic link or a path below a file as
 * absent, and put refuses to write over any of them; delete removes a symbolic link, never what it points to. A root
 * that is missing is an empty store; a root that exists but is not a directory (say, replaced by a file) is a broken
 * one: every call then fails with a {@link BackendException} instead of finding its key absent. No
 * tagging. Thread-safe (it keeps no mutable state). Every I/O failure is a non-retryable {@link BackendException}.
 */
public final class FilesystemBlobPort implements BlobPort {

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final KeyPaths paths;

    /** @param root the directory holding the blobs; created by {@link #bootstrap()} (and by puts) if missing */
    public FilesystemBlobPort(Path root) {
        this.paths = new KeyPaths(Objects.requireNonNull(root, "root"));
    }

    /** Creates the root directory if missing. Idempotent. */
    @Override
    public void bootstrap() {
        try {
            Files.createDirectories(paths.root());
        } catch (IOException e) {
            throw failure("creating the blob directory " + paths.root(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code key} is not a valid key
     */
    @Override
    public void put(String key, InputStream content, BlobUpload upload) {
        Path target = paths.toPath(key);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(upload, "upload");
        publish(key, target, content, upload.sha256(), "the content of " + key);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code key} is not a valid key
     */
    @Override
    public Optional<InputStream> open(String key) {
        Path file = paths.toPath(key);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            requireUsableRoot();
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            requireUsableRoot();
            return Optional.empty();
        } catch (IOException e) {
            throw failure("opening blob " + key, e);
        }
    }

    /**
     * {@inheritDoc} The bytes are copied through the client (a real copy, not a link, so that damage to one
     * file never reaches the other).
     *
     * @throws IllegalArgumentException if a key is not a valid key
     */
    @Override
    public void copy(String sourceKey, String sourceSha256, String targetKey) {
        Path source = paths.toPath(sourceKey);
        Path target = paths.toPath(targetKey);
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        requireAbsent(targetKey, target);
        try (InputStream in = open(sourceKey).orElseThrow(() ->
                new PreconditionFailedException("copy source " + sourceKey + " does not exist"))) {
            publish(targetKey, target, in, Optional.of(sourceSha256), "copy source " + sourceKey);
        } catch (IOException e) {
            throw failure("closing copy source " + source, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code key} is not a valid key
     */
    @Override
    public void delete(String key) {
        Path file = paths.toPath(key);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            requireUsableRoot();
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("deleting blob " + key, e);
        }
    }

    /** {@inheritDoc} A blob's last-modified time is its file's modification time. */
    @Override
    public List<BlobEntry> listEntries(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        int slash = prefix.lastIndexOf('/');
        Optional<Path> start = slash < 0 ? Optional.of(paths.root()) : paths.toPathIfValid(prefix.substring(0, slash));
        return walk(start, false).stream().filter(entry -> entry.key().startsWith(prefix)).toList();
    }

    /**
     * {@inheritDoc} Here: the temporary files ({@code .tmp-<uuid>}) of puts whose process died before it could remove
     * them, named by their path relative to the root ({@code name/.tmp-<uuid>}); a put in progress has one too.
     */
    @Override
    public List<BlobEntry> leftovers() {
        return walk(Optional.of(paths.root()), true);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code leftover} is not a path inside the root whose file name starts with
     *                                  {@code .tmp-}
     */
    @Override
    public void deleteLeftover(String leftover) {
        Path file = paths.toLeftoverPath(leftover);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("deleting leftover " + leftover, e);
        }
    }

    /** The regular files under {@code start}: blobs, or temporary files when {@code temporary}; sorted by key. */
    private List<BlobEntry> walk(Optional<Path> start, boolean temporary) {
        if (start.isEmpty() || !Files.isDirectory(start.get())) {
            requireUsableRoot();
            return List.of();
        }
        List<BlobEntry> entries = new ArrayList<>();
        try {
            Files.walkFileTree(start.get(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()
                            && file.getFileName().toString().startsWith(KeyPaths.TEMP_PREFIX) == temporary) {
                        entries.add(new BlobEntry(paths.toKey(file), attributes.size(),
                                attributes.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException e) {
            requireUsableRoot();
            return List.of();
        } catch (IOException e) {
            throw failure("listing blobs under " + start.get(), e);
        }
        entries.sort(Comparator.comparing(BlobEntry::key));
        return entries;
    }

    /**
     * {@code file:} URI of the key's file, e.g. {@code file:///data/.versioned/blobs/name/000001}.
     *
     * @throws IllegalArgumentException if {@code key} is not a valid key
     */
    @Override
    public String uri(String key) {
        return paths.toPath(key).toUri().toString();
    }

    /** None: tags are ignored. */
    @Override
    public Set<BlobCapability> capabilities() {
        return Set.of();
    }

    private void publish(String key, Path target, InputStream content, Optional<String> expectedSha256,
                         String what) {
        requireAbsent(key, target);
        Path directory = target.getParent();
        Path temp = directory.resolve(KeyPaths.TEMP_PREFIX + UUID.randomUUID());
        try {
            ensureDirectory(directory);
            Optional<String> sha256;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                sha256 = HashingWriter.transfer(content, out, expectedSha256.isPresent(), what);
                out.force(false);
            }
            if (!sha256.equals(expectedSha256)) {
                throw new PreconditionFailedException(what + " does not match the expected sha256 "
                        + expectedSha256.get() + " (got " + sha256.get() + ")");
            }
            link(key, target, temp);
            Files.delete(temp);
            syncDirectory(directory);
        } catch (IOException e) {
            throw failure("storing blob " + key, e);
        } finally {
            deleteLeftover(temp);
        }
    }

    private static void link(String key, Path target, Path temp) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw new PreconditionFailedException("blob " + key + " already exists");
        } catch (UnsupportedOperationException e) {
            throw new BackendException("the file system of " + target.getParent()
                    + " does not support hard links, which atomic put-if-absent needs", e, false);
        }
    }

    /**
     * Called when a key or prefix was found absent: that only holds if the root is a directory or missing. A root
     * that exists but is not a directory is a broken store, not an empty one.
     */
    private void requireUsableRoot() {
        Path root = paths.root();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw failure("using the blob directory", new NotDirectoryException(root.toString()));
        }
    }

    private static void requireAbsent(String key, Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new PreconditionFailedException("blob " + key + " already exists");
        }
    }

    private static void ensureDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            syncDirectory(directory.getParent());
        }
    }

    /** Makes a directory's entries durable; not possible (nor needed) on Windows, where it is skipped. */
    private static void syncDirectory(Path directory) throws IOException {
        if (WINDOWS || directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Best effort: a temporary file that cannot be removed is never listed as a blob; it is a leftover. */
    private static void deleteLeftover(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // left behind: leftovers() lists it, and maintenance removes it once it is old
        }
    }

    private BackendException failure(String action, IOException e) {
        if (DiskFull.causedBy(e)) {
            return new BackendException("no space left on the device of " + paths.root() + ": " + action
                    + " failed; free some space", e, false);
        }
        return new BackendException(action + " under " + paths.root() + " failed: " + e, e, false);
    }
}
