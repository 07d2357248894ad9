package io.versioned.bench.operations;

import io.versioned.adapter.inmemory.InMemoryBlobPort;
import io.versioned.adapter.inmemory.InMemoryMetadataPort;
import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.VersionRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The baseline of the in-memory backend: the adapter's ports called directly by one writer that knows the
 * revisions and the next version number it wrote, so it reads nothing it need not read and writes each record
 * once: resolve + read is getAlias + getVersion + open; put is delete + put of the blob and an update of the LATEST
 * record; publish is getVersion(LATEST) + copy + createVersion; putAlias is updateAlias; list is listVersions.
 */
final class InMemoryBaseline implements Workload {

    private static final String CONTENT_TYPE = "application/octet-stream";

    private final InMemoryBlobPort blobs = new InMemoryBlobPort("baseline");
    private final InMemoryMetadataPort metadata = new InMemoryMetadataPort();
    private final Clock clock = Clock.systemUTC();
    private final Fixture.FreshContent fresh = new Fixture.FreshContent();
    private final Map<String, Long> latestRevisions = new HashMap<>();
    private final PublishRotation rotation = new PublishRotation();
    private long aliasRevision;
    private Version aliasTarget;

    /** Sets up the artifacts of {@link Fixture} in fresh in-memory stores. */
    InMemoryBaseline() {
        versionWithAlias(Fixture.SMALL, Fixture.content(Fixture.SMALL_SIZE));
        versionWithAlias(Fixture.LARGE, Fixture.content(Fixture.LARGE_SIZE));
        for (int i = 1; i <= Fixture.LISTED_VERSIONS; i++) {
            storeVersion(Fixture.LIST, Version.of(i), fresh.next());
        }
        writeLatest(Fixture.LIST, fresh.next());
        writeLatest(Fixture.PUT, fresh.next());
        storeVersion(Fixture.SWITCH, Version.of(1), fresh.next());
        storeVersion(Fixture.SWITCH, Version.of(2), fresh.next());
        aliasTarget = Version.of(1);
        aliasRevision = 1;
        metadata.createAlias(new AliasRecord(Fixture.SWITCH, Fixture.ALIAS, now(), AliasTarget.of(aliasTarget),
                aliasRevision));
    }

    private void versionWithAlias(String name, byte[] content) {
        storeVersion(name, Version.of(1), content);
        metadata.createAlias(new AliasRecord(name, Fixture.ALIAS, now(), AliasTarget.of(Version.of(1)), 1));
    }

    private void storeVersion(String name, Version version, byte[] content) {
        String key = BlobKeys.of(name, version);
        blobs.put(key, new ByteArrayInputStream(content), upload(content));
        metadata.createVersion(record(name, version, Sha256.hex(content), content.length, key, 1));
    }

    @Override
    public byte[] resolveAndRead(String artifact) throws IOException {
        AliasRecord alias = metadata.getAlias(artifact, Fixture.ALIAS).orElseThrow();
        VersionRecord version = metadata.getVersion(artifact, alias.target().version()).orElseThrow();
        try (InputStream in = blobs.open(version.blobKey()).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    @Override
    public Object put() {
        return writeLatest(Fixture.PUT, fresh.next());
    }

    /** Replaces the bytes at {@code {name}/LATEST} and writes the LATEST record at its next revision. */
    private VersionRecord writeLatest(String name, byte[] content) {
        String key = BlobKeys.of(name, Version.LATEST);
        String sha256 = Sha256.hex(content);
        blobs.delete(key);
        blobs.put(key, new ByteArrayInputStream(content), upload(content));
        long revision = latestRevisions.getOrDefault(name, 0L);
        VersionRecord record = record(name, Version.LATEST, sha256, content.length, key, revision + 1);
        if (revision == 0) {
            metadata.createVersion(record);
        } else {
            metadata.updateVersion(record, revision);
        }
        latestRevisions.put(name, revision + 1);
        return record;
    }

    @Override
    public void prepareLatest() {
        rotation.advance().ifPresent(finished -> {
            blobs.list(BlobKeys.artifactPrefix(finished)).forEach(blobs::delete);
            metadata.purgeArtifact(finished);
            latestRevisions.remove(finished);
        });
        writeLatest(rotation.artifact(), fresh.next());
    }

    @Override
    public Object publish() {
        String name = rotation.artifact();
        VersionRecord latest = metadata.getVersion(name, Version.LATEST).orElseThrow();
        Version version = Version.of(rotation.number());
        String key = BlobKeys.of(name, version);
        blobs.copy(latest.blobKey(), latest.sha256(), key);
        VersionRecord record = record(name, version, latest.sha256(), latest.size(), key, 1);
        metadata.createVersion(record);
        return record;
    }

    @Override
    public Object switchAlias() {
        aliasTarget = aliasTarget.number() == 1 ? Version.of(2) : Version.of(1);
        AliasRecord record = new AliasRecord(Fixture.SWITCH, Fixture.ALIAS, now(), AliasTarget.of(aliasTarget),
                aliasRevision + 1);
        metadata.updateAlias(record, aliasRevision);
        aliasRevision++;
        return record;
    }

    @Override
    public List<VersionRecord> listVersions() {
        return metadata.listVersions(Fixture.LIST);
    }

    @Override
    public void close() {
        blobs.close();
    }

    private VersionRecord record(String name, Version version, String sha256, long size, String key, long revision) {
        return new VersionRecord(name, version, now(), false, sha256, size, CONTENT_TYPE, Map.of(), key, Map.of(),
                revision);
    }

    private Instant now() {
        return clock.instant();
    }

    private static BlobUpload upload(byte[] content) {
        return new BlobUpload(content.length, Optional.empty(), CONTENT_TYPE, Map.of());
    }
}
