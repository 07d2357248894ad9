package io.versioned.cache;

import io.versioned.api.Artifact;
import io.versioned.api.IntegrityException;
import io.versioned.api.VersionedException;
import io.versioned.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Content on local disk, one file per SHA-256 ({@code DIR/content/ab/abcdef...}): identical bytes are stored
 * once. A file is written to {@code DIR/tmp}, verified, and renamed into place, so a file under {@code content}
 * is always complete; it is never rewritten, only deleted (by eviction or when found corrupted), so a process
 * that opened it keeps reading it. The last use of a file is the modification time of its stamp,
 * {@code DIR/used/abcdef...} (the content file itself is left untouched, so that its change time tells
 * {@link VerifiedFiles} whether it changed); a file without a stamp (from an older release) counts its own
 * modification time. Eviction deletes the least recently used files until the total is within the bound. Safe for
 * several processes sharing the folder.
 */
final class ContentStore {

    private final Path content;
    private final Path tmp;
    private final Path used;
    private final long maxBytes;
    private final Clock clock;
    private final VerifiedFiles verified;

    ContentStore(Path directory, long maxBytes, Clock clock, VerifiedFiles verified) {
        this.content = directory.resolve("content");
        this.tmp = directory.resolve("tmp");
        this.used = directory.resolve("used");
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.verified = verified;
        try {
            Files.createDirectories(content);
            Files.createDirectories(tmp);
            Files.createDirectories(used);
        } catch (IOException e) {
            throw new IllegalArgumentException("cache: cannot create the cache folder " + directory + ": " + e, e);
        }
    }

    /** Where the bytes of {@code sha256} live when cached. */
    Path path(String sha256) {
        return content.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** The cached file of {@code artifact} when present with the right size, marked as just used. */
    Optional<Path> find(Artifact artifact) {
        Path file = path(artifact.sha256());
        try {
            if (Files.size(file) != artifact.size()) {
                return Optional.empty();
            }
            markUsed(artifact.sha256());
            return Optional.of(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new VersionedException("cache: cannot read " + file + ": " + e, e);
        }
    }

    /**
     * The cached file of {@code artifact}, read from {@code source} first when missing: written to a temporary
     * file, verified against the SHA-256 and the size, then renamed into place (and trusted by {@link VerifiedFiles}
     * once it has settled), then the least recently used files beyond the bound are evicted.
     *
     * @throws IntegrityException if the bytes read do not match; nothing is kept
     */
    Path fetch(Artifact artifact, Supplier<InputStream> source) {
        Optional<Path> found = find(artifact);
        if (found.isPresent()) {
            return found.get();
        }
        Path target = path(artifact.sha256());
        Path part = null;
        try {
            part = Files.createTempFile(tmp, artifact.sha256(), ".part");
            Instant started = Instant.now();
            MessageDigest digest = Sha256.newDigest();
            long size = 0;
            try (InputStream in = source.get(); OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    size += n;
                }
            }
            String sha256 = Sha256.hex(digest);
            if (!sha256.equals(artifact.sha256()) || size != artifact.size()) {
                throw new IntegrityException("cache: the bytes of " + artifact.name() + " " + artifact.version()
                        + " have SHA-256 " + sha256 + " (" + size + " bytes), expected " + artifact.sha256() + " ("
                        + artifact.size() + " bytes)");
            }
            Files.createDirectories(target.getParent());
            move(part, target);
            part = null;
            verified.verified(target, verified.state(target), started);
            markUsed(artifact.sha256());
            evict(target);
            return target;
        } catch (IOException e) {
            throw new VersionedException("cache: cannot write " + target + ": " + e, e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** Deletes a cached file found corrupted; the next {@link #fetch} reads it again. */
    void discard(Path file) {
        verified.forget(file);
        deleteQuietly(file);
    }

    /** The bytes of the cached files, summed. */
    long totalBytes() {
        return files().stream().mapToLong(Used::size).sum();
    }

    /**
     * Renames {@code part} over {@code target}, atomically where the file system can. Replacing an existing file (in
     * the cache: another process cached the same bytes meanwhile) is a rename: whoever opened the old file keeps
     * reading it.
     */
    static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void markUsed(String sha256) throws IOException {
        Path stamp = used.resolve(sha256);
        FileTime now = FileTime.from(clock.instant());
        try {
            Files.setLastModifiedTime(stamp, now);
        } catch (NoSuchFileException first) {
            try {
                Files.createFile(stamp);
            } catch (FileAlreadyExistsException anotherProcessMadeIt) {
                // its time is set below
            }
            Files.setLastModifiedTime(stamp, now);
        }
    }

    private void evict(Path keep) {
        List<Used> files = files();
        long total = files.stream().mapToLong(Used::size).sum();
        files.sort(Comparator.comparing(Used::lastUsed));
        for (Used file : files) {
            if (total <= maxBytes) {
                break;
            }
            if (!file.path().equals(keep)) {
                discard(file.path());
                deleteQuietly(used.resolve(file.path().getFileName().toString()));
                total -= file.size();
            }
        }
        deleteStampsWithoutContent();
    }

    /** Stamps whose file is gone: another process evicted it, or was killed between the two deletions. */
    private void deleteStampsWithoutContent() {
        try (DirectoryStream<Path> stamps = Files.newDirectoryStream(used)) {
            for (Path stamp : stamps) {
                String sha256 = stamp.getFileName().toString();
                if (sha256.length() > 2 && !Files.exists(path(sha256))) {
                    deleteQuietly(stamp);
                }
            }
        } catch (IOException e) {
            throw new VersionedException("cache: cannot list " + used + ": " + e, e);
        }
    }

    private FileTime lastUsed(Path file) throws IOException {
        try {
            return Files.getLastModifiedTime(used.resolve(file.getFileName().toString()));
        } catch (NoSuchFileException noStamp) {
            return Files.getLastModifiedTime(file);
        }
    }

    private List<Used> files() {
        List<Used> files = new ArrayList<>();
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(content)) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(shard)) {
                    for (Path entry : entries) {
                        try {
                            files.add(new Used(entry, Files.size(entry), lastUsed(entry)));
                        } catch (NoSuchFileException evictedMeanwhile) {
                            // another process evicted it
                        }
                    }
                } catch (NoSuchFileException | java.nio.file.NotDirectoryException ignored) {
                    // not a shard, or removed meanwhile
                }
            }
        } catch (IOException e) {
            throw new VersionedException("cache: cannot list " + content + ": " + e, e);
        }
        return files;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // left for the next eviction
            }
        }
    }

    private record Used(Path path, long size, FileTime lastUsed) {
    }
}
