package io.versioned.cache;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached files this process has verified and that have not changed since, so that reading them again need not
 * hash them again. A file is trusted while its identity (device and inode), size and change time are what they
 * were when its SHA-256 was checked. Writing into a file, truncating it or replacing it gives it a new change time
 * or identity, so it is hashed again on its next read.
 *
 * <p>File systems keep change times at a coarse granularity (a clock tick, up to seconds on some), so a file
 * changed in the same tick as a check could keep its change time. A check therefore only makes a file trusted when
 * its change time is at least {@link #SETTLE} older than the start of the check; a file changed more recently is
 * hashed on every read until it has settled (Git treats its "racily clean" index entries the same way). Change times
 * are wall-clock times of the file system, so they are compared with the system clock, not with the cache's clock.
 *
 * <p>What this does not see: bytes that rot on the disk without any write. The SHA-256 is checked when a file enters
 * the cache and on the first read by each process.
 *
 * <p>Thread-safe.
 */
final class VerifiedFiles {

    /** How much older than a check a file's change time must be for the check to make it trusted. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final boolean unixAttributes = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private final Map<Path, FileState> trusted = new ConcurrentHashMap<>();

    /** The identity, size and change time of {@code file} now. */
    FileState state(Path file) throws IOException {
        if (unixAttributes) {
            Map<String, Object> unix = Files.readAttributes(file, "unix:dev,ino,size,ctime");
            return new FileState(unix.get("dev") + ":" + unix.get("ino"), (Long) unix.get("size"),
                    (FileTime) unix.get("ctime"));
        }
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileState(basic.fileKey(), basic.size(), basic.lastModifiedTime());
    }

    /** Whether {@code file} in {@code state} was verified by this process and has not changed since. */
    boolean isTrusted(Path file, FileState state) {
        return state.equals(trusted.get(file));
    }

    /**
     * Records that {@code file}, in {@code state} when a check that started at {@code checkStarted} read it, had the
     * right bytes. The file is trusted from now on only if it had settled before the check started.
     */
    void verified(Path file, FileState state, Instant checkStarted) {
        if (state.changed().toInstant().isBefore(checkStarted.minus(SETTLE))) {
            trusted.put(file, state);
        } else {
            trusted.remove(file);
        }
    }

    /** Forgets {@code file}: it was deleted, or did not match. */
    void forget(Path file) {
        trusted.remove(file);
    }

    /** The identity, size and change time of a file. */
    record FileState(Object identity, long size, FileTime changed) {
    }
}
