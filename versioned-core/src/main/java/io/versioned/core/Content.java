package io.versioned.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The content of a put: where it comes from, and what is known about it before it is read. */
interface Content {

    /** The SHA-256 when it is known before the upload (lets a put of unchanged bytes skip the upload). */
    Optional<String> knownSha256();

    /** The number of bytes, or -1 when unknown. */
    long length();

    /** A stream of the content; the caller closes it. */
    InputStream open() throws IOException;

    /** Whether the stream belongs to the caller of put (and must not be closed). */
    boolean callerOwned();

    static Content of(byte[] bytes) {
        String sha = Sha256.of(bytes);
        return new Content() {
            public Optional<String> knownSha256() {
                return Optional.of(sha);
            }

            public long length() {
                return bytes.length;
            }

            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            public boolean callerOwned() {
                return false;
            }
        };
    }

    static Content of(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("file: must be a readable regular file, got " + file);
        }
        long size;
        String sha;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            sha = Sha256.of(in);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("file: cannot be read: " + file + " (" + e.getMessage() + ")", e);
        }
        return new Content() {
            public Optional<String> knownSha256() {
                return Optional.of(sha);
            }

            public long length() {
                return size;
            }

            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            public boolean callerOwned() {
                return false;
            }
        };
    }

    static Content of(InputStream stream) {
        return new Content() {
            public Optional<String> knownSha256() {
                return Optional.empty();
            }

            public long length() {
                return -1;
            }

            public InputStream open() {
                return stream;
            }

            public boolean callerOwned() {
                return true;
            }
        };
    }
}
