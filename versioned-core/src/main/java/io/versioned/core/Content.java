package io.versioned.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The content of a put: where it comes from, and what is known about it before it is read. */
sealed interface Content {

    /** The SHA-256 when it is known before the upload (lets a put of unchanged bytes skip the upload). */
    Optional<String> knownSha256();

    /** The number of bytes, or -1 when unknown. */
    long length();

    /** A stream of the content. */
    InputStream open() throws IOException;

    /** Whether the stream belongs to the caller of put, who closes it. */
    boolean callerOwned();

    static Content of(byte[] bytes) {
        return new Bytes(bytes, Sha256.of(bytes));
    }

    /**
     * A file of known size, not read yet: {@link File#hashed()} reads it for its SHA-256 where that is worth a read
     * of its own (see {@code PutOperation}).
     *
     * @throws IllegalArgumentException if the file is not a readable regular file
     */
    static Content of(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("file: must be a readable regular file, got " + file);
        }
        try {
            return new File(file, Files.size(file), Optional.empty());
        } catch (IOException e) {
            throw new IllegalArgumentException("file: cannot be read: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    static Content of(InputStream stream) {
        return new Stream(stream);
    }

    /** Bytes in memory. */
    record Bytes(byte[] bytes, String sha256) implements Content {
        public Optional<String> knownSha256() {
            return Optional.of(sha256);
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
    }

    /** A local file of known size, and of known SHA-256 once {@link #hashed()}. */
    record File(Path path, long size, Optional<String> sha256) implements Content {
        public Optional<String> knownSha256() {
            return sha256;
        }

        public long length() {
            return size;
        }

        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        public boolean callerOwned() {
            return false;
        }

        /**
         * This file with its SHA-256, read now (this one when already known).
         *
         * @throws IllegalArgumentException if the file cannot be read
         */
        File hashed() {
            if (sha256.isPresent()) {
                return this;
            }
            try (InputStream in = open()) {
                return new File(path, size, Optional.of(Sha256.of(in)));
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalArgumentException("file: cannot be read: " + path + " (" + e.getMessage() + ")", e);
            }
        }
    }

    /** A caller's stream of unknown length, read once to its end. */
    record Stream(InputStream stream) implements Content {
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
    }
}
