package io.versioned.adapter.s3only;

import io.versioned.adapter.s3only.Documents.Edit;
import io.versioned.adapter.s3only.Documents.Type;
import io.versioned.adapter.s3only.MetadataObjects.Stored;
import io.versioned.adapter.s3only.MetadataObjects.Write;
import io.versioned.api.Version;
import io.versioned.core.port.VersionRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The version records of the artifacts, in format 2 (docs/s3-only.md, "Layout"): LATEST's record in
 * {@code versions/LATEST.json}, the published records in blocks of 1000 consecutive numbers
 * ({@link VersionBlock}), and {@code versions.json} as the index that makes releases reading format 1 refuse the
 * artifact instead of starting a document of their own. Reading or writing one record touches one document whose
 * size does not grow with the artifact.
 *
 * <p>An artifact written by an earlier release (format 1: every record in {@code versions.json}) is migrated the
 * first time this class finds none of the format-2 documents it looks for (see {@link #migrate}); every read and
 * write of this release finishes a migration it finds under way before it goes on. Thread-safe.
 */
final class VersionDocuments {

    private final MetadataObjects objects;
    private final MetadataKeys keys;
    private final MetadataCodec codec;
    private final Documents documents;
    private final DecodedDocuments decoded = new DecodedDocuments();

    VersionDocuments(MetadataObjects objects, MetadataKeys keys, MetadataCodec codec) {
        this.objects = objects;
        this.keys = keys;
        this.codec = codec;
        this.documents = new Documents(objects);
    }

    /** The record of {@code version}: one GetObject (more only when the record is absent, see the class comment). */
    Optional<VersionRecord> get(String name, Version version) {
        VersionBlock block = VersionBlock.of(version);
        Optional<VersionsDocument> document = read(name, block);
        if (document.isEmpty() && migrateIfNeeded(name, listing(name))) {
            document = read(name, block);
        }
        return document.flatMap(found -> found.get(version));
    }

    /**
     * Every record, LATEST first then numbers ascending: one ListObjectsV2, then one GetObject per document listed
     * (LATEST's and one per 1000 numbers) that changed since this object last read it.
     */
    List<VersionRecord> list(String name) {
        Listing listing = currentListing(name);
        List<Map.Entry<VersionBlock, String>> lowestFirst = new ArrayList<>(listing.blocks().entrySet());
        lowestFirst.sort(Map.Entry.comparingByKey(Comparator.comparingInt(VersionBlock::index)));
        List<VersionRecord> records = new ArrayList<>();
        for (Map.Entry<VersionBlock, String> listed : lowestFirst) {
            read(name, listed.getKey(), listed.getValue())
                    .ifPresent(document -> records.addAll(document.list()));
        }
        return Collections.unmodifiableList(records);
    }

    /**
     * LATEST's record, then the published records from the highest number down to the highest live one (see
     * {@link io.versioned.core.port.MetadataPort#newestVersions}): one ListObjectsV2, LATEST's GetObject and the
     * GetObject of the highest block (more only while whole blocks hold deleted records alone).
     */
    List<VersionRecord> newest(String name) {
        Listing listing = currentListing(name);
        List<VersionRecord> newest = new ArrayList<>();
        String latestETag = listing.blocks().get(VersionBlock.LATEST);
        if (latestETag != null) {
            read(name, VersionBlock.LATEST, latestETag).flatMap(document -> document.get(Version.LATEST))
                    .ifPresent(newest::add);
        }
        for (Map.Entry<VersionBlock, String> listed : listing.blocks().entrySet()) {
            if (listed.getKey().isLatest()) {
                continue;
            }
            Optional<VersionsDocument> document = read(name, listed.getKey(), listed.getValue());
            if (document.isEmpty()) {
                continue;
            }
            for (VersionRecord record : document.get().versions().descendingMap().values()) {
                newest.add(record);
                if (!record.deleted()) {
                    return List.copyOf(newest);
                }
            }
        }
        return List.copyOf(newest);
    }

    /**
     * Applies {@code edit} to the document of {@code block} and stores the result conditionally (see
     * {@link Documents#update}). Uncontended: one GetObject and one PutObject; creating a block's document first
     * lists the artifact's version objects (one ListObjectsV2) and, for the artifact's first document, writes the
     * index.
     */
    <R> R update(String name, VersionBlock block, Edit<VersionsDocument, R> edit) {
        String key = keys.versionDocument(name, block);
        return documents.update(new Type<>(key, bytes -> codec.decodeVersions(objects.location(key), name, block, bytes),
                document -> codec.encodeVersions(document, block), () -> VersionsDocument.empty(name),
                new Absence(name)), edit);
    }

    /** The document of {@code block}, or empty when its object does not exist. One GetObject. */
    private Optional<VersionsDocument> read(String name, VersionBlock block) {
        String key = keys.versionDocument(name, block);
        return objects.get(key).map(stored -> {
            VersionsDocument document = codec.decodeVersions(objects.location(key), name, block, stored.bytes());
            decoded.put(key, stored.eTag(), document);
            return document;
        });
    }

    /**
     * The document of {@code block} as a listing found it, at {@code eTag}: no request when this object decoded those
     * very bytes before, otherwise one GetObject (which may find a newer document, or none).
     */
    private Optional<VersionsDocument> read(String name, VersionBlock block, String eTag) {
        Optional<VersionsDocument> known = decoded.get(keys.versionDocument(name, block), eTag);
        return known.isPresent() ? known : read(name, block);
    }

    /**
     * What one listing of an artifact's version objects found.
     *
     * @param blocks the version documents with their ETags, the highest block first, LATEST's document last
     */
    private record Listing(boolean index, boolean migrating, Map<VersionBlock, String> blocks) {
    }

    /**
     * Lists {@code versions.json} and everything under {@code versions/} in one ListObjectsV2 (both start with
     * {@code versions}). The blocks come highest first, LATEST's document last. Keys of other shapes are not
     * documents of this class and are left out (s3proxy's file system store lists the temporary file of a write
     * under way, {@code 999.json-<uuid>}, beside the document).
     */
    private Listing listing(String name) {
        String index = keys.versionsIndex(name);
        String migration = keys.versionsMigration(name);
        String documentsPrefix = keys.versionDocuments(name);
        boolean indexFound = false;
        boolean migrating = false;
        Map<VersionBlock, String> blocks = new LinkedHashMap<>();
        for (MetadataObjects.Listed listed : objects.listWithETags(keys.artifactPrefix(name) + "versions")) {
            String key = listed.key();
            if (key.equals(index)) {
                indexFound = true;
            } else if (key.equals(migration)) {
                migrating = true;
            } else if (key.startsWith(documentsPrefix)) {
                VersionBlock.ofFileName(key.substring(documentsPrefix.length()))
                        .ifPresent(block -> blocks.put(block, listed.eTag()));
            }
        }
        return new Listing(indexFound, migrating, Collections.unmodifiableMap(blocks));
    }

    /** A listing of an artifact that is not being migrated: a migration found is finished first. */
    private Listing currentListing(String name) {
        for (int attempt = 0; ; attempt++) {
            Listing listing = listing(name);
            if (!migrateIfNeeded(name, listing)) {
                return listing;
            }
            if (attempt > 0) {
                Contention.lostRace(attempt - 1, "migrate " + objects.location(keys.versionsIndex(name)));
            }
        }
    }

    /**
     * Migrates the artifact (or finishes its migration) if {@code listing} shows one under way, or shows
     * {@code versions.json} alone and it is in format 1. When it shows {@code versions.json} alone and that is the
     * format-2 index already, another process may have migrated the artifact since the listing was made, so the
     * artifact is listed once more: the index turns format 2 only after the migration document is written, which is
     * deleted only after the documents are, so that listing shows one or the other.
     *
     * @return true if the artifact was migrated since the caller's reads, which the caller must then repeat
     */
    private boolean migrateIfNeeded(String name, Listing listing) {
        if (!listing.migrating() && (!listing.index() || !listing.blocks().isEmpty())) {
            return false;
        }
        if (listing.migrating() || inFormat1(name)) {
            migrate(name);
            return true;
        }
        Listing again = listing(name);
        if (again.migrating()) {
            migrate(name);
        }
        return again.migrating() || !again.blocks().isEmpty();
    }

    private boolean inFormat1(String name) {
        String key = keys.versionsIndex(name);
        return objects.get(key).flatMap(stored -> codec.decodeVersionsIndex(objects.location(key), name,
                stored.bytes())).isPresent();
    }

    /**
     * Moves the records of a format-1 {@code versions.json} to format 2, safely against other processes doing the
     * same and against writers of either format:
     * <ol>
     *   <li>the records are copied to {@code versions/_migration.json};</li>
     *   <li>{@code versions.json} is replaced by the format-2 index, {@code If-Match} the ETag the records were
     *       read at (a format-1 writer that changed it meanwhile makes both steps start again); from now on
     *       releases reading format 1 refuse the artifact;</li>
     *   <li>each format-2 document is created from the copied records with {@code If-None-Match: *}, so one that
     *       another process created already (and a writer may have changed since) is left as it is;</li>
     *   <li>{@code versions/_migration.json} is deleted.</li>
     * </ol>
     * A process that stops anywhere leaves a state that the next call finishes: before step 2 the artifact is
     * still in format 1; after it, the migration document is listed, and every read and write finishes the
     * migration before it goes on.
     */
    private void migrate(String name) {
        String index = keys.versionsIndex(name);
        String migration = keys.versionsMigration(name);
        for (int attempt = 0; ; attempt++) {
            Optional<Stored> indexObject = objects.get(index);
            Optional<Stored> migrationObject = objects.get(migration);
            Optional<VersionsDocument> format1 = indexObject.flatMap(stored ->
                    codec.decodeVersionsIndex(objects.location(index), name, stored.bytes()));
            VersionsDocument records;
            if (format1.isPresent()) {
                byte[] copy = codec.encodeVersionsMigration(format1.get());
                Write copied = migrationObject.isPresent()
                        ? objects.putIfMatch(migration, copy, migrationObject.get().eTag())
                        : objects.putIfAbsent(migration, copy);
                if (copied != Write.WRITTEN || objects.putIfMatch(index, codec.encodeVersionsIndex(name),
                        indexObject.get().eTag()) != Write.WRITTEN) {
                    Contention.lostRace(attempt, "migrate " + objects.location(index));
                    continue;
                }
                records = format1.get();
            } else if (migrationObject.isPresent()) {
                records = codec.decodeVersionsMigration(objects.location(migration), name,
                        migrationObject.get().bytes());
            } else {
                return;
            }
            createDocuments(name, records);
            objects.delete(migration);
            return;
        }
    }

    /** Creates the format-2 document of each block of {@code records}, unless it exists. */
    private void createDocuments(String name, VersionsDocument records) {
        Map<VersionBlock, TreeMap<Version, VersionRecord>> byBlock = new LinkedHashMap<>();
        records.versions().forEach((version, record) ->
                byBlock.computeIfAbsent(VersionBlock.of(version), block -> new TreeMap<>()).put(version, record));
        byBlock.forEach((block, blockRecords) -> {
            String key = keys.versionDocument(name, block);
            byte[] body = codec.encodeVersions(new VersionsDocument(name, blockRecords), block);
            for (int attempt = 0; ; attempt++) {
                Write written = objects.putIfAbsent(key, body);
                if (written == Write.WRITTEN || written == Write.PRECONDITION_FAILED || objects.get(key).isPresent()) {
                    break;
                }
                Contention.lostRace(attempt, "migrate to " + objects.location(key));
            }
        });
    }

    /**
     * What an update of a version document does when the document does not exist: it may not exist only because
     * the artifact is in format 1 or being migrated (then migrate, and read again), and the artifact's first
     * format-2 document is created only after the index, so that releases reading format 1 never start a
     * {@code versions.json} of their own beside it.
     */
    private final class Absence implements Documents.Absence {

        private final String name;
        private boolean indexFound;

        Absence(String name) {
            this.name = name;
        }

        @Override
        public boolean readAgain() {
            Listing listing = listing(name);
            indexFound = listing.index();
            return migrateIfNeeded(name, listing);
        }

        @Override
        public boolean readAgainBeforeCreating() {
            if (indexFound) {
                return false;
            }
            String index = keys.versionsIndex(name);
            Write written = objects.putIfAbsent(index, codec.encodeVersionsIndex(name));
            indexFound = written == Write.WRITTEN;
            return !indexFound;
        }
    }
}
