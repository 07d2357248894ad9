package io.versioned.core;

import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.IntegrityException;
import io.versioned.api.ResolvedContent;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.TargetFacts;
import io.versioned.core.port.VersionRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the bytes of live versions, always verified against their SHA-256. */
final class ContentReader {

    private static final Logger LOG = LoggerFactory.getLogger(ContentReader.class);
    private static final int REREADS = 5;

    private final Stores stores;
    private final RecordViews views;

    ContentReader(Stores stores, RecordViews views) {
        this.stores = stores;
        this.views = views;
    }

    /** The record of a live version, or {@link ArtifactNotFoundException}. */
    VersionRecord live(String name, Version version) {
        return stores.metadata().getVersion(name, version).filter(record -> !record.deleted())
                .orElseThrow(() -> new ArtifactNotFoundException(
                        "version " + version + " of " + name + " does not exist or is deleted"));
    }

    /**
     * A verifying stream of the version's bytes, with the record it verifies against. Bytes missing under an
     * unchanged record are an {@link IntegrityException}; under a record that changed meanwhile (a put of LATEST,
     * a purge) the record is read again, so a version purged under the read is {@link ArtifactNotFoundException}.
     */
    Opened open(String name, Version version) {
        for (int attempt = 0; ; attempt++) {
            VersionRecord record = live(name, version);
            Optional<InputStream> stream = stores.blobs().open(record.blobKey());
            if (stream.isPresent()) {
                return new Opened(record, new VerifyingInputStream(stream.get(), record.sha256(), record.size(),
                        "version " + version + " of " + name));
            }
            if (stores.metadata().getVersion(name, version).equals(Optional.of(record))) {
                throw new IntegrityException("the bytes of version " + version + " of " + name + " are missing at "
                        + stores.blobs().uri(record.blobKey()));
            }
            if (attempt + 1 >= REREADS) {
                throw new ConflictException("version " + version + " of " + name
                        + " kept changing while it was read; try again");
            }
        }
    }

    byte[] bytes(String name, Version version) {
        return readAll(open(name, version).stream(), name, version);
    }

    /**
     * The bytes of {@code picked}, a target of {@code alias}, with its artifact. When the alias record carries the
     * target's facts, the bytes are read from the blob they name and verified against their SHA-256 and size, with no
     * read of the version record (the facts cannot change while the alias points at the version); when it does not
     * (LATEST, an alias row another tool wrote), or that blob is gone (the alias moved on and the version was purged
     * after the alias was read), the version is read as {@link #open} reads it.
     */
    ResolvedContent resolvedContent(AliasRecord alias, Version picked) {
        String name = alias.name();
        Optional<TargetFacts> facts = alias.factsOf(picked);
        if (facts.isPresent()) {
            Optional<InputStream> stream = stores.blobs().open(facts.get().blobKey());
            if (stream.isPresent()) {
                InputStream verifying = new VerifyingInputStream(stream.get(), facts.get().sha256(),
                        facts.get().size(), "version " + picked + " of " + name);
                return new ResolvedContent(views.artifact(name, picked, facts.get()),
                        readAll(verifying, name, picked));
            }
        }
        Opened opened = open(name, picked);
        return new ResolvedContent(views.artifact(opened.record()), readAll(opened.stream(), name, picked));
    }

    private static byte[] readAll(InputStream verifying, String name, Version version) {
        try (InputStream in = verifying) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BackendException("reading version " + version + " of " + name + " failed: " + e.getMessage(),
                    e, true);
        }
    }

    Artifact download(String name, Version version, Path target) {
        Path directory = target.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("target: its directory must exist, got " + target);
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("target: must be a file path, not a directory, got " + target);
        }
        Opened opened = open(name, version);
        Path partial = null;
        try (InputStream in = opened.stream()) {
            partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return views.artifact(opened.record());
        } catch (IOException | UncheckedIOException e) {
            throw new VersionedException("downloading version " + version + " of " + name + " to " + target
                    + " failed: " + e.getMessage(), e);
        } finally {
            deleteIfPresent(partial);
        }
    }

    private static void deleteIfPresent(Path partial) {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.warn("could not delete the partial download {}: {}", partial, e.getMessage());
            }
        }
    }

    /** An open stream and the record whose SHA-256 it is verified against. */
    record Opened(VersionRecord record, InputStream stream) {
    }
}
