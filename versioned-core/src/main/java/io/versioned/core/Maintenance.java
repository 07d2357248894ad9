package io.versioned.core;

import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.IntegrityException;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Repository upkeep: {@link #fsck()} verifies the bytes of every live version and lists orphan blobs;
 * {@link #gc(boolean)} removes orphan blobs.
 *
 * <p>An <em>orphan</em> is a blob key of the layout {@code {name}/...} (see
 * {@link io.versioned.core.port.BlobKeys}) that no version record references: bytes of an upload whose record was
 * never committed (a crashed or lost put), of a publish whose record was never created, or of a purge whose
 * byte deletion failed. Soft-deleted versions keep their bytes and are not orphans. The records of every artifact
 * that has blobs are read, whether or not the artifact is in the name index (other writers, such as the Python
 * library, do not register names), so a blob is an orphan only when no record of its artifact names it;
 * {@code {name}/LATEST}, where the Python library keeps LATEST's bytes, is referenced by any LATEST record. Keys
 * outside that layout (whose first segment is not an artifact name, such
 * as the {@code _meta/} objects of a metadata store sharing the blob store's prefix) are never orphans: they are
 * not this library's blobs.
 *
 * <p><strong>Concurrency.</strong> Between a put's upload and its record's commit (and between a publish's copy
 * and its record) the new bytes look like an orphan. Blob stores do not expose upload times through the port,
 * so {@code gc} cannot tell those in-flight bytes from real orphans by age. Either run {@code gc} while no put or
 * publish runs on the repository, or give it a grace period: {@link #gc(boolean, Duration)} deletes only keys
 * that were orphans in two listings taken {@code grace} apart, which is safe for every put and publish that
 * completes within the grace period. {@code fsck} only reads and may report such in-flight bytes as orphans.
 *
 * <p>Errors: a store failure throws {@link BackendException}; findings are reported, not thrown.
 */
public final class Maintenance {

    private final BlobPort blobs;
    private final MetadataPort metadata;
    private final Repository repository;

    /**
     * @param blobs      the blob store of the repository
     * @param metadata   the metadata store of the repository
     * @param repository the repository over those two stores, used to read verified content
     */
    @Inject
    public Maintenance(BlobPort blobs, MetadataPort metadata, Repository repository) {
        this.blobs = blobs;
        this.metadata = metadata;
        this.repository = repository;
    }

    /**
     * Reads every live version of every artifact to its end through {@link Repository#openContent}, which
     * verifies SHA-256 and size, and lists orphan blobs. Versions deleted or purged while the check runs are
     * skipped.
     *
     * @throws BackendException if the store fails
     */
    public FsckReport fsck() {
        List<String> keys = blobKeys();
        List<String> names = artifactNames(keys);
        List<String> orphans = orphans(keys, names);
        List<FsckReport.Finding> findings = new ArrayList<>();
        int versions = 0;
        long bytes = 0;
        for (String name : names) {
            for (VersionRecord record : metadata.listVersions(name)) {
                if (record.deleted()) {
                    continue;
                }
                try {
                    bytes += readToEnd(record);
                    versions++;
                } catch (ArtifactNotFoundException e) {
                    continue;
                } catch (IntegrityException | ConflictException e) {
                    versions++;
                    findings.add(new FsckReport.Finding(name, record.version(), e.getMessage()));
                }
            }
        }
        return new FsckReport(names.size(), versions, bytes, findings, orphans);
    }

    /**
     * Removes orphan blobs, or only lists them when {@code dryRun}. Must not run while puts or publishes run on
     * the repository (see the class comment); use {@link #gc(boolean, Duration)} otherwise.
     *
     * @throws BackendException if the store fails; keys deleted before the failure stay deleted
     */
    public GcReport gc(boolean dryRun) {
        return gc(dryRun, Duration.ZERO);
    }

    /**
     * Removes the blobs that were orphans in a first listing and still are after {@code grace}; a dry run lists
     * the orphans of one listing and does not wait.
     *
     * @throws IllegalArgumentException if {@code grace} is null or negative
     * @throws BackendException         if the store fails; keys deleted before the failure stay deleted
     * @throws VersionedException       if the thread is interrupted while waiting; nothing was deleted
     */
    public GcReport gc(boolean dryRun, Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace: must be a duration >= 0, got " + grace);
        }
        List<String> candidates = orphans();
        if (dryRun) {
            return new GcReport(candidates, List.of(), true);
        }
        List<String> confirmed = candidates;
        if (!grace.isZero() && !candidates.isEmpty()) {
            pause(grace);
            Set<String> still = new HashSet<>(orphans());
            confirmed = candidates.stream().filter(still::contains).toList();
        }
        confirmed.forEach(blobs::delete);
        return new GcReport(confirmed, confirmed, false);
    }

    /** Keys no record references. Blobs are listed before records are read, so a commit in between counts. */
    private List<String> orphans() {
        List<String> keys = blobKeys();
        return orphans(keys, artifactNames(keys));
    }

    private List<String> orphans(List<String> keys, List<String> names) {
        Set<String> referenced = new HashSet<>();
        for (String name : names) {
            for (VersionRecord record : metadata.listVersions(name)) {
                referenced.add(record.blobKey());
                if (record.version().isLatest()) {
                    referenced.add(BlobKeys.of(name, Version.LATEST));
                }
            }
        }
        return keys.stream().filter(key -> !referenced.contains(key)).sorted().toList();
    }

    /** The keys of the blob layout; other objects sharing the store are not this library's blobs. */
    private List<String> blobKeys() {
        return blobs.list("").stream().filter(key -> BlobKeys.artifactOf(key).isPresent()).toList();
    }

    /** The registered artifacts and every artifact that has blobs, sorted. */
    private List<String> artifactNames(List<String> keys) {
        TreeSet<String> names = new TreeSet<>(metadata.listArtifactNames());
        keys.forEach(key -> BlobKeys.artifactOf(key).ifPresent(names::add));
        return List.copyOf(names);
    }

    private long readToEnd(VersionRecord record) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = repository.openContent(record.name(), record.version())) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new BackendException("reading version " + record.version() + " of " + record.name() + " failed: "
                    + e.getMessage(), e, true);
        }
    }

    private static void pause(Duration grace) {
        try {
            Thread.sleep(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VersionedException("gc was interrupted during its grace period; nothing was deleted", e);
        }
    }
}
