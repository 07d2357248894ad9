package io.versioned.cli;

import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a version's bytes to a file or to standard output, verified against their SHA-256, with a progress bar
 * for large transfers at a terminal. A regular file is replaced atomically, only after its bytes were verified (a
 * temporary file in its directory, renamed over it). A target that is not a regular file (a device such as
 * {@code /dev/null}, a FIFO) is never replaced: the bytes are written into it as they stream, like standard output.
 * A symbolic link is followed: what it points at is written, the link stays. Standard output, devices and FIFOs
 * receive the bytes as they stream, so a failed verification there is reported after the fact (exit code 4), as is
 * a failed write (a full disk, a closed pipe), which also stops the transfer.
 */
final class Downloads {

    private Downloads() {
    }

    /** The argument value that means standard output. */
    static final String STDOUT = "-";

    private static final int BUFFER_SIZE = 64 * 1024;

    /** Streams the bytes of the version to the context's binary output. */
    static void toStdout(VersionedCommand root, String name, Version version) {
        Repository repository = root.repository();
        root.output().flush();
        PrintStream out = root.context().binaryOut();
        ProgressBar bar = progress(root, name, version);
        try (InputStream in = repository.openContent(name, version)) {
            copy(bar == null ? in : bar.track(in), out, name, version);
        } catch (IOException e) {
            throw new VersionedException("writing version " + version + " of " + name + " to standard output failed: "
                    + e.getMessage(), e);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
    }

    /**
     * The file {@code text} names as a download target, checked before anything is read: the file a symbolic link
     * points at, else {@code text} as a path.
     *
     * @param option the option or parameter that named the target, for the error message
     * @throws IllegalArgumentException naming {@code option} if {@code text} is not a path, names a directory, its
     *                                  directory is missing, or it is a symbolic link to nothing
     */
    static Path target(String option, String text) {
        Path target;
        try {
            target = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + ": must be a file path, got '" + text + "' ("
                    + e.getReason() + ")");
        }
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException(option + ": is a symbolic link to a missing file, got '" + text
                        + "'");
            }
        }
        checked(option, target);
        return target;
    }

    /**
     * Downloads the version into {@code target} (a {@link #target checked} path): a regular file or a new one is
     * replaced atomically once verified, anything else (a device, a FIFO) is written into. Returns what was written.
     *
     * @throws IllegalArgumentException naming {@code -o} if {@code target} is a directory or its directory is missing
     */
    static Artifact toFile(VersionedCommand root, String name, Version version, Path target) {
        Path directory = checked("-o", target);
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return intoSpecialFile(root, name, version, target);
        }
        ProgressBar bar = progress(root, name, version);
        if (bar == null) {
            return root.repository().download(name, version, target);
        }
        Artifact artifact = root.repository().getArtifactVersion(name, version);
        Path partial = null;
        try (InputStream in = bar.track(root.repository().openContent(name, version))) {
            partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return artifact;
        } catch (IOException e) {
            throw new VersionedException("downloading version " + version + " of " + name + " to " + target
                    + " failed: " + e.getMessage(), e);
        } finally {
            bar.finish();
            deleteQuietly(partial);
        }
    }

    /**
     * Streams the version into {@code target}, which exists and is not a regular file (a device, a FIFO): opened for
     * writing, never created, truncated or replaced.
     */
    private static Artifact intoSpecialFile(VersionedCommand root, String name, Version version, Path target) {
        Artifact artifact = root.repository().getArtifactVersion(name, version);
        ProgressBar bar = progress(root, name, version);
        try (InputStream in = root.repository().openContent(name, version);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
            (bar == null ? in : bar.track(in)).transferTo(out);
            return artifact;
        } catch (IOException e) {
            throw new VersionedException("writing version " + version + " of " + name + " into " + target
                    + " failed: " + e.getMessage(), e);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
    }

    /** The directory of {@code target}, once {@code target} is known to be a file in an existing directory. */
    private static Path checked(String option, Path target) {
        Path directory = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(option + ": must be a file, not a directory, got '" + target + "'");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException(option + ": the file's directory must exist, got '" + target + "'");
        }
        return directory;
    }

    /**
     * Copies {@code in} to {@code out} chunk by chunk. A {@link PrintStream} such as {@code System.out} swallows write
     * errors, so each chunk is flushed and checked, and the first failed write ends the transfer.
     */
    private static void copy(InputStream in, PrintStream out, String name, Version version) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.checkError()) {
                throw new VersionedException("writing version " + version + " of " + name
                        + " to standard output failed (a full disk or a closed pipe?)");
            }
        }
    }

    /** A bar for this transfer when a person is watching and it is large; null otherwise. */
    private static ProgressBar progress(VersionedCommand root, String name, Version version) {
        if (!root.context().interactive()) {
            return null;
        }
        long size = root.repository().getArtifactVersion(name, version).size();
        return ProgressBar.wanted(true, size) ? new ProgressBar(root.err(), "get " + name, size) : null;
    }

    private static void deleteQuietly(Path partial) {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // A left-over hidden .part file is harmless; the download itself already succeeded or failed.
                partial.toFile().deleteOnExit();
            }
        }
    }
}
