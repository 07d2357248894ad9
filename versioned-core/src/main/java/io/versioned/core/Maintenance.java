package io.versioned.core;

import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.IntegrityException;
import io.versioned.api.Repository;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Repository upkeep: {@link #fsck()} verifies the bytes of every live version and lists what else the blob store
 * holds; {@link #gc(boolean, Duration)} removes orphan blobs and leftovers of interrupted puts.
 *
 * <p>What the blob store holds, besides the bytes records name:
 * <ul>
 *   <li>an <em>orphan</em> is a key of a shape this library writes ({@link BlobKeys#isOwn}) that no record of its
 *       artifact names: bytes of an upload whose record was never committed (a crashed or lost put), of a publish
 *       whose record was never created, or of a purge whose byte deletion failed. {@code {name}/LATEST}, where the
 *       Python library keeps LATEST, is named by every LATEST record of its artifact. Soft-deleted versions keep
 *       their bytes and are not orphans. The records of every artifact that has blobs are read, whether or not the
 *       artifact is in the name index (the Python library registers no names);</li>
 *   <li>a <em>leftover</em> is what an interrupted put left in the store that never became a blob
 *       ({@link BlobPort#leftovers()}: the temporary file of a killed put in a blob folder);</li>
 *   <li>a <em>foreign</em> key lies under an artifact's prefix {@code {name}/} but has no shape this library writes
 *       (the Python S3-only backend's {@code {name}/versions/...}, say). It is reported and never deleted. Keys
 *       outside every artifact's prefix (the {@code _meta/} documents of an S3-only metadata store) are not blobs
 *       and are not reported.</li>
 * </ul>
 *
 * <p><strong>A lost metadata store.</strong> When the metadata store holds no record at all while the blob store
 * holds published versions' bytes ({@code {name}/000005}), the metadata was lost, emptied or replaced by a new one
 * (an emptied H2 file, a wrong table name). Every blob would look like an orphan, so both {@code fsck} and
 * {@code gc} refuse with a {@link BackendException} and touch nothing.
 *
 * <p><strong>Age and concurrency.</strong> Between a put's upload and its record's commit (and between a publish's
 * copy and its record) the new bytes look like an orphan, and a put in progress has a leftover. {@code gc} deletes
 * only orphans and leftovers whose last-modified time, as the blob store lists it, is older than the grace period
 * ({@link #DEFAULT_GRACE} unless told otherwise), measured from this class's clock read before the listing. That is
 * safe for every put and publish that commits within the grace period of writing its bytes; a grace of zero takes
 * every orphan whatever its time (the store's clock may run ahead of this one) and is only safe with no writers.
 * {@code fsck} only reads and reports every orphan and leftover, young or old.
 *
 * <p>Errors: a store failure throws {@link BackendException}; findings are reported, not thrown.
 */
public final class Maintenance {

    /** The grace period of {@link #gc(boolean)}: one day, longer than any put or publish is expected to take. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(1);

    private final BlobPort blobs;
    private final MetadataPort metadata;
    private final Repository repository;
    private final Clock clock;

    /**
     * Maintenance of one repository; nothing is read until {@link #fsck()} or {@link #gc(boolean, Duration)} runs.
     *
     * @param blobs      the blob store of the repository
     * @param metadata   the metadata store of the repository
     * @param repository the repository over those two stores, used to read verified content
     * @param clock      the clock the grace period is measured with
     */
    @Inject
    public Maintenance(BlobPort blobs, MetadataPort metadata, Repository repository, Clock clock) {
        this.blobs = blobs;
        this.metadata = metadata;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Reads every live version of every artifact to its end through {@link Repository#openContent}, which
     * verifies SHA-256 and size, and lists orphans, leftovers and foreign keys. Versions deleted or purged while
     * the check runs are skipped.
     *
     * @throws BackendException if the store fails, or if the metadata store holds no record while published
     *                          versions' bytes exist (see the class comment)
     * @return what was checked and found; {@link FsckReport#intact()} tells whether every live version is sound
     */
    public FsckReport fsck() {
        Survey survey = survey();
        List<FsckReport.Finding> findings = new ArrayList<>();
        int versions = 0;
        long bytes = 0;
        for (List<VersionRecord> records : survey.records().values()) {
            for (VersionRecord record : records) {
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
                    findings.add(new FsckReport.Finding(record.name(), record.version(), e.getMessage()));
                }
            }
        }
        return new FsckReport(survey.records().size(), versions, bytes, findings, keys(survey.orphans()),
                survey.leftovers(), survey.foreign());
    }

    /**
     * {@link #gc(boolean, Duration)} with the {@link #DEFAULT_GRACE default grace period}.
     *
     * @param dryRun true to only report what would be removed
     * @return what was removed (or would be), kept and left alone
     * @throws BackendException as {@link #gc(boolean, Duration)}
     */
    public GcReport gc(boolean dryRun) {
        return gc(dryRun, DEFAULT_GRACE);
    }

    /**
     * Removes the orphans and leftovers last modified more than {@code grace} ago, or only lists them when
     * {@code dryRun}. Younger orphans are reported and kept; foreign keys are reported and never touched.
     *
     * @param dryRun true to only report what would be removed
     * @param grace  the age (by the store's last-modified time) an orphan or leftover must exceed to be removed, so
     *               that a put or publish still under way keeps its blob; zero removes every orphan and leftover
     * @return what was removed (or would be), kept and left alone
     * @throws IllegalArgumentException if {@code grace} is null or negative
     * @throws BackendException         if the store fails (keys deleted before the failure stay deleted), or if
     *                                  the metadata store holds no record while published versions' bytes exist;
     *                                  then nothing was deleted
     */
    public GcReport gc(boolean dryRun, Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace: must be a duration >= 0, got " + grace);
        }
        Instant cutOff = PurgeOperation.cutOff(clock.instant(), grace);
        Predicate<BlobEntry> old = entry -> grace.isZero() || entry.lastModified().isBefore(cutOff);
        Survey survey = survey();
        List<BlobEntry> orphans = survey.orphans().stream().filter(old).toList();
        List<BlobEntry> recent = survey.orphans().stream().filter(old.negate()).toList();
        List<BlobEntry> leftovers = survey.leftovers().stream().filter(old).toList();
        List<String> removed = new ArrayList<>();
        if (!dryRun) {
            for (BlobEntry orphan : orphans) {
                blobs.delete(orphan.key());
                removed.add(orphan.key());
            }
            for (BlobEntry leftover : leftovers) {
                blobs.deleteLeftover(leftover.key());
                removed.add(leftover.key());
            }
        }
        return new GcReport(keys(orphans), keys(recent), leftovers, survey.foreign(), removed, dryRun);
    }

    /**
     * What the stores hold: the records of every artifact, then what of the blob store no record names. Blobs are
     * listed before records are read, so a record committed in between counts.
     *
     * @param records   the records of each artifact (registered or with blobs), by artifact name, sorted
     * @param orphans   keys of this library's shapes that no record names, sorted
     * @param leftovers the leftovers of interrupted puts
     * @param foreign   keys under an artifact's prefix of no shape this library writes, sorted
     */
    private record Survey(Map<String, List<VersionRecord>> records, List<BlobEntry> orphans,
                          List<BlobEntry> leftovers, List<String> foreign) {
    }

    private Survey survey() {
        List<BlobEntry> entries = blobs.listEntries("").stream()
                .filter(entry -> BlobKeys.artifactOf(entry.key()).isPresent()).toList();
        List<BlobEntry> leftovers = blobs.leftovers();
        List<BlobEntry> own = entries.stream().filter(entry -> BlobKeys.isOwn(entry.key())).toList();
        List<String> foreign = entries.stream().map(BlobEntry::key).filter(key -> !BlobKeys.isOwn(key)).toList();
        TreeSet<String> names = new TreeSet<>(metadata.listArtifactNames());
        own.forEach(entry -> BlobKeys.artifactOf(entry.key()).ifPresent(names::add));
        Map<String, List<VersionRecord>> records = new LinkedHashMap<>();
        Set<String> referenced = new HashSet<>();
        for (String name : names) {
            List<VersionRecord> versions = metadata.listVersions(name);
            records.put(name, versions);
            for (VersionRecord record : versions) {
                referenced.add(record.blobKey());
                if (record.version().isLatest()) {
                    referenced.add(BlobKeys.sharedLatest(name));
                }
            }
        }
        requireRecords(records, own);
        List<BlobEntry> orphans = own.stream().filter(entry -> !referenced.contains(entry.key())).toList();
        return new Survey(records, orphans, leftovers, foreign);
    }

    /** Refuses to go on when no record exists but published versions' bytes do: the metadata store was lost. */
    private static void requireRecords(Map<String, List<VersionRecord>> records, List<BlobEntry> own) {
        if (records.values().stream().anyMatch(versions -> !versions.isEmpty())) {
            return;
        }
        List<String> versionKeys = own.stream().map(BlobEntry::key).filter(BlobKeys::isVersion).toList();
        if (!versionKeys.isEmpty()) {
            throw new BackendException("the metadata store holds no records, but the blob store holds the bytes of "
                    + versionKeys.size() + " published version" + (versionKeys.size() == 1 ? "" : "s") + " (such as "
                    + versionKeys.get(0) + "): the metadata is missing, emptied or not the one of these blobs; "
                    + "restore it from a backup. Nothing was checked or removed, since every blob would look "
                    + "unreferenced; if every artifact was purged on purpose, purge-all removes the remaining bytes",
                    null, false);
        }
    }

    private static List<String> keys(List<BlobEntry> entries) {
        return entries.stream().map(BlobEntry::key).toList();
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
}
