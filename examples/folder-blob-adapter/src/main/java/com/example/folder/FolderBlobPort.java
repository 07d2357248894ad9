package com.example.folder;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A third-party {@link BlobPort} on a folder, written against the installed {@code versioned-core} only: key
 * {@code name/000001} is the file {@code root/name/000001}. A put writes a temporary file ({@code .tmp-<uuid>}, never
 * listed) and publishes it with a hard link, which fails when the name exists: put-if-absent, whole or nothing, even
 * between processes. A root that exists but is not a folder is a broken store. Every I/O failure is a
 * {@link BackendException}.
 */
public final class FolderBlobPort implements BlobPort {

    private static final String TEMPORARY = ".tmp-";

    private final Path root;

    /** @param root the folder of the blobs, created by {@link #bootstrap()} */
    public FolderBlobPort(Path root) {
        this.root = root;
    }

    @Override
    public void bootstrap() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw failure("creating " + root, e);
        }
    }

    @Override
    public void put(String key, InputStream content, BlobUpload upload) {
        Path target = file(key);
        Path temporary = target.resolveSibling(TEMPORARY + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha256 = sha256();
            try (OutputStream out = new DigestOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW), sha256)) {
                content.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (upload.sha256().filter(expected -> !expected.equals(actual)).isPresent()) {
                throw new PreconditionFailedException("the bytes of " + key + " have SHA-256 " + actual);
            }
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw new PreconditionFailedException("blob " + key + " exists");
        } catch (IOException | UncheckedIOException e) {
            throw failure("putting " + key, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        requireUsableRoot();
        try {
            return Optional.of(Files.newInputStream(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("opening " + key, e);
        }
    }

    @Override
    public void copy(String sourceKey, String sourceSha256, String targetKey) {
        InputStream source = open(sourceKey)
                .orElseThrow(() -> new PreconditionFailedException("blob " + sourceKey + " is absent"));
        try (source) {
            put(targetKey, source, new BlobUpload(-1, Optional.of(sourceSha256), "application/octet-stream", Map.of()));
        } catch (IOException e) {
            throw failure("closing " + sourceKey, e);
        }
    }

    @Override
    public void delete(String key) {
        requireUsableRoot();
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw failure("deleting " + key, e);
        }
    }

    @Override
    public List<BlobEntry> listEntries(String prefix) {
        requireUsableRoot();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<BlobEntry> entries = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
                    String key = root.relativize(path).toString().replace('\\', '/');
                    if (attributes.isRegularFile() && !path.getFileName().toString().startsWith(TEMPORARY)
                            && key.startsWith(prefix)) {
                        entries.add(new BlobEntry(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // removed while listing: it is not there
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw failure("listing " + root, e);
        }
        entries.sort(Comparator.comparing(BlobEntry::key));
        return entries;
    }

    @Override
    public String uri(String key) {
        return file(key).toUri().toString();
    }

    @Override
    public Set<BlobCapability> capabilities() {
        return Set.of();
    }

    private Path file(String key) {
        if (key.isEmpty() || key.startsWith("/") || List.of(key.split("/")).contains("..")) {
            throw new IllegalArgumentException("key: a relative path without '..' segments, got '" + key + "'");
        }
        return root.resolve(key);
    }

    private void requireUsableRoot() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new BackendException("the blob folder " + root + " is not a folder", null, false);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is never listed
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static BackendException failure(String what, Exception cause) {
        return new BackendException(what + " failed: " + cause, cause, false);
    }
}
