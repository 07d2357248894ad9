package io.versioned.adapter.s3only;

import io.versioned.adapter.s3only.Documents.Outcome;
import io.versioned.adapter.s3only.Documents.Type;
import io.versioned.api.AliasChange;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A {@link MetadataPort} kept entirely in S3 objects, with no database: it pairs with an S3
 * {@link io.versioned.core.port.BlobPort} on the same bucket and prefix.
 *
 * <h2>Layout</h2>
 * Every metadata object is a small JSON document (see {@link MetadataCodec}) under {@code {prefix}/_meta/}.
 * Artifact names never start with {@code _}, so no metadata key can collide with a blob key
 * {@code {prefix}/{name}/...}.
 * <pre>
 * {prefix}/_meta/_names/{name}                  one marker per artifact name (the name index)
 * {prefix}/_meta/{name}/versions.json           the index: the version records are in format 2
 * {prefix}/_meta/{name}/versions/LATEST.json    LATEST's record
 * {prefix}/_meta/{name}/versions/{block}.json   the records of 1000 consecutive numbers ({@link VersionBlock})
 * {prefix}/_meta/{name}/aliases.json            every alias record of the artifact
 * {prefix}/_meta/{name}/counter.json            the highest version number handed out
 * {prefix}/_meta/{name}/history/{alias}.json    every history entry of one alias
 * </pre>
 * An artifact written by an earlier release (every version record in {@code versions.json}, format 1) is migrated
 * by the first call that finds none of its format-2 documents ({@link VersionDocuments}).
 *
 * <h2>Writes</h2>
 * Objects are changed only with S3 conditional writes: created with {@code If-None-Match: *}, replaced with
 * {@code If-Match: <etag of the content read>}; there are no lock files and no timing assumptions. A record
 * write is a read-modify-write of its document: the record-level precondition (absent, or at the expected
 * revision) is checked on the content read, and a conditional write that loses because another record of the
 * same document changed is retried inside the port on fresh content, as the library's one
 * {@link io.versioned.core.port.RetryPolicy#LOST_RACES} says (then a retryable {@link BackendException}). {@link PreconditionFailedException} is thrown only
 * when the record-level precondition itself fails. Writers of one document (LATEST, one block of versions, an
 * artifact's aliases, one alias's history) are thus serialized by its ETag; writers of different documents never
 * contend.
 *
 * <h2>Requests per method (uncontended; each lost race adds one GET and one PUT; docs/s3-only.md has the table)</h2>
 * <ul>
 *   <li>{@code getVersion}, {@code getAlias}, {@code listAliases}, {@code aliasHistory}: 1 GetObject, whatever the
 *       number of versions, aliases or entries ({@code getVersion} of an absent record: + 1 ListObjectsV2)</li>
 *   <li>{@code listVersions}: 1 ListObjectsV2 + 1 GetObject per document (LATEST's, one per 1000 numbers)</li>
 *   <li>{@code newestVersions}: 1 ListObjectsV2 + 2 GetObjects, however many versions</li>
 *   <li>{@code createVersion}, {@code updateVersion}, {@code createAlias}, {@code updateAlias},
 *       {@code appendAliasHistory}, {@code allocateVersionNumber}: 1 GetObject + 1 PutObject (creating a version
 *       document: + 1 ListObjectsV2, and + 1 PutObject of the index for the artifact's first)</li>
 *   <li>{@code deleteVersion}, {@code deleteAlias}: 1 GetObject + 1 PutObject; 1 GetObject when absent</li>
 *   <li>{@code deleteVersions}: 1 GetObject + 1 PutObject per block holding some of the records, however many
 *       it removes; 1 GetObject for a block where none is there to remove</li>
 *   <li>{@code registerArtifactName}: 1 PutObject ({@code If-None-Match: *}; 412 means already registered)</li>
 *   <li>{@code listArtifactNames}: 1 ListObjectsV2 per 1000 names</li>
 *   <li>{@code purgeArtifact}: 1 ListObjectsV2 + 1 DeleteObjects per 1000 metadata objects of the artifact,
 *       + 1 DeleteObject for the name marker (3 for an artifact with fewer than 1000 aliases and blocks)</li>
 *   <li>{@code bootstrap}: 1 HeadBucket, + 1 CreateBucket when the bucket is missing</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * An object under the metadata prefix that is not a valid document of the expected kind (corrupt JSON,
 * another format, another artifact) makes the call fail with a non-retryable {@link BackendException} naming
 * its key, never with a wrong answer. S3 failures map as described in {@link S3Failures}; no SDK exception
 * type leaves this class. Bad names, and timestamps finer than a microsecond (they are stored with six
 * fraction digits), throw {@link IllegalArgumentException} before any request.
 *
 * <p>{@link #purgeArtifact(String)} is not atomic: a writer racing it on the same artifact may leave objects
 * behind, which a later purge removes. Thread-safe.
 */
public final class S3OnlyMetadataPort implements MetadataPort, AutoCloseable {

    private static final int NANOS_PER_MICRO = 1000;

    private final S3Client s3;
    private final boolean ownsClient;
    private final MetadataKeys keys;
    private final MetadataObjects objects;
    private final Documents documents;
    private final MetadataCodec codec = new MetadataCodec();
    private final VersionDocuments versions;

    /**
     * A port with its own S3 client built from {@code config}; {@link #close()} closes that client.
     *
     * @throws IllegalArgumentException if {@code config} is null
     */
    public S3OnlyMetadataPort(S3MetadataConfig config) {
        this(S3Clients.create(requireConfig(config)), config.bucket(), config.prefix(), true);
    }

    /**
     * A port on an existing client (which stays the caller's to close), e.g. one with request-counting
     * interceptors.
     *
     * @throws IllegalArgumentException if {@code s3} is null or {@code bucket} or {@code prefix} is invalid
     *                                  (see {@link S3MetadataConfig})
     */
    public S3OnlyMetadataPort(S3Client s3, String bucket, String prefix) {
        this(requireClient(s3), bucket, prefix, false);
    }

    private S3OnlyMetadataPort(S3Client s3, String bucket, String prefix, boolean ownsClient) {
        this.s3 = s3;
        this.ownsClient = ownsClient;
        this.keys = new MetadataKeys(prefix);
        this.objects = new MetadataObjects(s3, MetadataKeys.requireBucket(bucket));
        this.documents = new Documents(objects);
        this.versions = new VersionDocuments(objects, keys, codec);
    }

    /** Creates the bucket if it is missing. Idempotent; metadata objects need no other set-up. */
    @Override
    public void bootstrap() {
        objects.createBucketIfMissing();
    }

    @Override
    public Optional<VersionRecord> getVersion(String name, Version version) {
        requireNonNull("version", version);
        return versions.get(MetadataKeys.requireArtifact(name), version);
    }

    @Override
    public List<VersionRecord> listVersions(String name) {
        return versions.list(MetadataKeys.requireArtifact(name));
    }

    /**
     * One ListObjectsV2, then LATEST's document and the highest block's: the same requests at 10,000 versions as
     * at 10.
     */
    @Override
    public List<VersionRecord> newestVersions(String name) {
        return versions.newest(MetadataKeys.requireArtifact(name));
    }

    @Override
    public void createVersion(VersionRecord record) {
        requireMicros("record.updateAt", requireNonNull("record", record).updateAt());
        updateVersions(record.name(), record.version(), (current, afterLostRace) -> {
            Optional<VersionRecord> stored = current.get(record.version());
            if (stored.isEmpty()) {
                return Outcome.write(current.with(record), null);
            }
            if (afterLostRace && stored.get().equals(record)) {
                return Outcome.keep(null);
            }
            throw new PreconditionFailedException(
                    "version " + record.version() + " of " + record.name() + " already exists");
        });
    }

    @Override
    public void updateVersion(VersionRecord record, long expectedRevision) {
        requireMicros("record.updateAt", requireNonNull("record", record).updateAt());
        updateVersions(record.name(), record.version(), (current, afterLostRace) -> {
            Optional<VersionRecord> stored = current.get(record.version());
            if (stored.isPresent() && stored.get().revision() == expectedRevision) {
                return Outcome.write(current.with(record), null);
            }
            if (afterLostRace && stored.isPresent() && stored.get().equals(record)) {
                return Outcome.keep(null);
            }
            throw new PreconditionFailedException("version " + record.version() + " of " + record.name()
                    + " is " + stored.map(s -> "at revision " + s.revision()).orElse("absent")
                    + ", not at revision " + expectedRevision);
        });
    }

    @Override
    public void deleteVersion(String name, Version version, long expectedRevision) {
        requireNonNull("version", version);
        updateVersions(name, version, (current, afterLostRace) -> {
            Optional<VersionRecord> stored = current.get(version);
            if (stored.isEmpty()) {
                return Outcome.keep(null);
            }
            if (stored.get().revision() != expectedRevision) {
                throw new PreconditionFailedException("version " + version + " of " + name + " is at revision "
                        + stored.get().revision() + ", not at revision " + expectedRevision);
            }
            return Outcome.write(current.without(version), null);
        });
    }

    /**
     * Removes the records at their expected revision with one conditional write of each block document that holds
     * some of them, however many they are: 1 GetObject + 1 PutObject per block (1 GetObject for a block where none
     * is there to remove). After a lost race the records are checked again on the fresh content; one this call
     * already removed in a write whose answer was lost is absent there and counts as removed.
     */
    @Override
    public Set<Version> deleteVersions(String name, Map<Version, Long> expectedRevisions) {
        requireNonNull("expectedRevisions", expectedRevisions).forEach((version, revision) -> {
            requireNonNull("version", version);
            requireNonNull("expected revision of " + version, revision);
        });
        Map<VersionBlock, Map<Version, Long>> byBlock = new LinkedHashMap<>();
        expectedRevisions.forEach((version, revision) ->
                byBlock.computeIfAbsent(VersionBlock.of(version), block -> new LinkedHashMap<>()).put(version, revision));
        Set<Version> removed = new HashSet<>();
        byBlock.forEach((block, inBlock) -> removed.addAll(versions.update(MetadataKeys.requireArtifact(name), block,
                (current, afterLostRace) -> {
                    Set<Version> absentNow = new HashSet<>();
                    inBlock.forEach((version, revision) -> {
                        if (current.get(version).map(stored -> stored.revision() == revision).orElse(true)) {
                            absentNow.add(version);
                        }
                    });
                    VersionsDocument next = current.without(absentNow);
                    return next.versions().size() == current.versions().size() ? Outcome.keep(absentNow)
                            : Outcome.write(next, absentNow);
                })));
        Set<Version> inOrder = new LinkedHashSet<>();
        expectedRevisions.keySet().stream().filter(removed::contains).forEach(inOrder::add);
        return Collections.unmodifiableSet(inOrder);
    }

    @Override
    public int allocateVersionNumber(String name, int atLeast) {
        return documents.update(counter(name), (current, afterLostRace) -> {
            int next = current.next(atLeast);
            return Outcome.write(new CounterDocument(name, next), next);
        });
    }

    @Override
    public Optional<AliasRecord> getAlias(String name, String alias) {
        MetadataKeys.requireAlias(alias);
        return documents.read(aliases(name)).get(alias);
    }

    @Override
    public List<AliasRecord> listAliases(String name) {
        return documents.read(aliases(name)).list();
    }

    @Override
    public void createAlias(AliasRecord record) {
        requireMicros("record.updateAt", requireNonNull("record", record).updateAt());
        MetadataKeys.requireAlias(record.alias());
        documents.update(aliases(record.name()), (current, afterLostRace) -> {
            Optional<AliasRecord> stored = current.get(record.alias());
            if (stored.isEmpty()) {
                return Outcome.write(current.with(record), null);
            }
            if (afterLostRace && stored.get().equals(record)) {
                return Outcome.keep(null);
            }
            throw new PreconditionFailedException("alias " + record.alias() + " of " + record.name() + " exists");
        });
    }

    @Override
    public void updateAlias(AliasRecord record, long expectedRevision) {
        requireMicros("record.updateAt", requireNonNull("record", record).updateAt());
        MetadataKeys.requireAlias(record.alias());
        documents.update(aliases(record.name()), (current, afterLostRace) -> {
            Optional<AliasRecord> stored = current.get(record.alias());
            if (stored.isPresent() && stored.get().revision() == expectedRevision) {
                return Outcome.write(current.with(record), null);
            }
            if (afterLostRace && stored.isPresent() && stored.get().equals(record)) {
                return Outcome.keep(null);
            }
            throw new PreconditionFailedException("alias " + record.alias() + " of " + record.name() + " is "
                    + stored.map(s -> "at revision " + s.revision()).orElse("absent") + ", not at revision "
                    + expectedRevision);
        });
    }

    @Override
    public void deleteAlias(String name, String alias, long expectedRevision) {
        MetadataKeys.requireAlias(alias);
        documents.update(aliases(name), (current, afterLostRace) -> {
            Optional<AliasRecord> stored = current.get(alias);
            if (stored.isEmpty()) {
                return Outcome.keep(null);
            }
            if (stored.get().revision() != expectedRevision) {
                throw new PreconditionFailedException("alias " + alias + " of " + name + " is at revision "
                        + stored.get().revision() + ", not at revision " + expectedRevision);
            }
            return Outcome.write(current.without(alias), null);
        });
    }

    @Override
    public void appendAliasHistory(AliasChange change) {
        requireMicros("change.time", requireNonNull("change", change).time());
        documents.update(history(change.name(), change.alias()), (current, afterLostRace) -> {
            Optional<AliasChange> stored = current.get(change.revision());
            if (stored.isEmpty()) {
                return Outcome.write(current.with(change), null);
            }
            if (afterLostRace && stored.get().equals(change)) {
                return Outcome.keep(null);
            }
            throw new PreconditionFailedException("history of alias " + change.alias() + " of " + change.name()
                    + " already has revision " + change.revision());
        });
    }

    @Override
    public List<AliasChange> aliasHistory(String name, String alias, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must be 0 or more, got " + limit);
        }
        Type<HistoryDocument> type = history(name, alias);
        return limit == 0 ? List.of() : documents.read(type).newestFirst(limit);
    }

    @Override
    public void registerArtifactName(String name) {
        String key = keys.nameMarker(name);
        byte[] body = codec.encodeNameMarker(name);
        int unanswered = 0;
        for (int attempt = 0; ; attempt++) {
            MetadataObjects.Write result = objects.putIfAbsent(key, body);
            if (result == MetadataObjects.Write.WRITTEN || result == MetadataObjects.Write.PRECONDITION_FAILED) {
                return;
            }
            if (result == MetadataObjects.Write.UNANSWERED) {
                unanswered = Contention.unanswered(unanswered, "register " + objects.location(key));
            }
            Contention.lostRace(attempt, "register " + objects.location(key));
        }
    }

    /**
     * @throws BackendException naming the key if an object under the name index is not a valid name marker
     */
    @Override
    public List<String> listArtifactNames() {
        List<String> names = new ArrayList<>();
        for (String key : objects.list(keys.namesPrefix())) {
            names.add(keys.nameOfMarker(key).orElseThrow(() -> new BackendException("metadata object "
                    + objects.location(key) + " is not a valid artifact name marker: the part after "
                    + keys.namesPrefix() + " is not an artifact name. It was not written by this library; "
                    + "remove it by hand", null, false)));
        }
        names.sort(null);
        return names;
    }

    @Override
    public void purgeArtifact(String name) {
        String marker = keys.nameMarker(name);
        objects.deleteAll(objects.list(keys.artifactPrefix(name)));
        objects.delete(marker);
    }

    /** Closes the S3 client if this port created it (see {@link #S3OnlyMetadataPort(S3MetadataConfig)}). */
    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }

    private <R> R updateVersions(String name, Version version, Documents.Edit<VersionsDocument, R> edit) {
        return versions.update(MetadataKeys.requireArtifact(name), VersionBlock.of(version), edit);
    }

    private Type<CounterDocument> counter(String name) {
        String key = keys.counter(name);
        return new Type<>(key, bytes -> codec.decodeCounter(objects.location(key), name, bytes),
                codec::encodeCounter, () -> CounterDocument.empty(name));
    }

    private Type<AliasesDocument> aliases(String name) {
        String key = keys.aliases(name);
        return new Type<>(key, bytes -> codec.decodeAliases(objects.location(key), name, bytes),
                codec::encodeAliases, () -> AliasesDocument.empty(name));
    }

    private Type<HistoryDocument> history(String name, String alias) {
        String key = keys.history(name, alias);
        return new Type<>(key, bytes -> codec.decodeHistory(objects.location(key), name, alias, bytes),
                codec::encodeHistory, () -> HistoryDocument.empty(name, alias));
    }

    private static S3MetadataConfig requireConfig(S3MetadataConfig config) {
        return requireNonNull("config", config);
    }

    private static S3Client requireClient(S3Client s3) {
        return requireNonNull("s3", s3);
    }

    /** Timestamps are stored with six fraction digits, so a finer one could not be given back unchanged. */
    private static void requireMicros(String argument, Instant instant) {
        if (instant.getNano() % NANOS_PER_MICRO != 0) {
            throw new IllegalArgumentException(argument + ": must be truncated to microseconds, got " + instant);
        }
    }

    private static <T> T requireNonNull(String argument, T value) {
        if (value == null) {
            throw new IllegalArgumentException(argument + ": must not be null");
        }
        return value;
    }
}
