package io.versioned.bench.operations;

import io.versioned.bench.ScratchStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline of the S3-only backend: raw SDK calls on a bucket of its own, the bytes at {@code {name}/000001} and
 * {@code {name}/LATEST}, and the records in small JSON documents read with GetObject and written with PutObject
 * (Jackson): {@code {name}/_doc/versions.json} (LATEST and every version in one document: the fewest requests a store
 * written by hand needs for these operations) and
 * {@code {name}/_doc/alias-prod.json}. Resolve + read is two GetObjects (the alias document, the bytes); put is
 * PutObject of the bytes + GetObject and PutObject of the versions document; publish is GetObject of the document +
 * CopyObject + PutObject of the document; putAlias is one PutObject; list is one GetObject. Writes are unconditional.
 */
final class S3OnlyBaseline implements Workload {

    private static final String LATEST = "LATEST";

    /** One version in the versions document; 0 is LATEST. */
    record VersionEntry(int version, String sha256, long size, String updateAt) {
    }

    /** The versions document of one artifact. */
    record VersionsDocument(List<VersionEntry> versions) {
    }

    /** The document of one alias. */
    record AliasDocument(int version, String updateAt) {
    }

    private final S3Client s3;
    private final String bucket;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Fixture.FreshContent fresh = new Fixture.FreshContent();
    private final PublishRotation rotation = new PublishRotation();
    private int aliasTarget = 1;

    /**
     * Creates the bucket and the artifacts of {@link Fixture}; {@link #close()} deletes the bucket (the client stays
     * the caller's).
     */
    S3OnlyBaseline(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        s3.createBucket(r -> r.bucket(bucket));
        versionWithAlias(Fixture.SMALL, Fixture.content(Fixture.SMALL_SIZE));
        versionWithAlias(Fixture.LARGE, Fixture.content(Fixture.LARGE_SIZE));
        storeVersions(Fixture.LIST, Fixture.LISTED_VERSIONS);
        writeLatest(Fixture.LIST, fresh.next());
        writeLatest(Fixture.PUT, fresh.next());
        storeVersions(Fixture.SWITCH, 2);
        writeDocument(aliasKey(Fixture.SWITCH), new AliasDocument(1, Instant.now().toString()));
    }

    private void versionWithAlias(String name, byte[] content) {
        s3.putObject(r -> r.bucket(bucket).key(name + "/" + padded(1)), RequestBody.fromBytes(content));
        writeDocument(versionsKey(name), new VersionsDocument(List.of(entry(1, Sha256.hex(content),
                content.length))));
        writeDocument(aliasKey(name), new AliasDocument(1, Instant.now().toString()));
    }

    /** Versions 1 to {@code count} of {@code name}, new content each, and their document. */
    private void storeVersions(String name, int count) {
        List<VersionEntry> versions = new ArrayList<>();
        for (int version = 1; version <= count; version++) {
            byte[] content = fresh.next();
            String key = name + "/" + padded(version);
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
            versions.add(entry(version, Sha256.hex(content), content.length));
        }
        writeDocument(versionsKey(name), new VersionsDocument(versions));
    }

    @Override
    public byte[] resolveAndRead(String artifact) {
        AliasDocument alias = json.readValue(read(aliasKey(artifact)), AliasDocument.class);
        return read(artifact + "/" + padded(alias.version()));
    }

    @Override
    public Object put() {
        return writeLatest(Fixture.PUT, fresh.next());
    }

    private VersionsDocument writeLatest(String name, byte[] content) {
        String sha256 = Sha256.hex(content);
        s3.putObject(r -> r.bucket(bucket).key(name + "/" + LATEST), RequestBody.fromBytes(content));
        List<VersionEntry> versions = new ArrayList<>(versions(name).versions());
        versions.removeIf(entry -> entry.version() == 0);
        versions.add(0, entry(0, sha256, content.length));
        VersionsDocument document = new VersionsDocument(versions);
        writeDocument(versionsKey(name), document);
        return document;
    }

    /** Moves to a fresh artifact every {@link Fixture#PUBLISHES_PER_ARTIFACT} publishes; the bucket goes at close. */
    @Override
    public void prepareLatest() {
        rotation.advance();
        writeLatest(rotation.artifact(), fresh.next());
    }

    @Override
    public Object publish() {
        String name = rotation.artifact();
        List<VersionEntry> versions = new ArrayList<>(versions(name).versions());
        VersionEntry latest = versions.stream().filter(entry -> entry.version() == 0).findFirst().orElseThrow();
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(name + "/" + LATEST)
                .destinationBucket(bucket).destinationKey(name + "/" + padded(rotation.number())));
        versions.add(entry(rotation.number(), latest.sha256(), latest.size()));
        VersionsDocument document = new VersionsDocument(versions);
        writeDocument(versionsKey(name), document);
        return document;
    }

    @Override
    public Object switchAlias() {
        aliasTarget = aliasTarget == 1 ? 2 : 1;
        return writeDocument(aliasKey(Fixture.SWITCH), new AliasDocument(aliasTarget, Instant.now().toString()));
    }

    @Override
    public List<VersionEntry> listVersions() {
        return versions(Fixture.LIST).versions();
    }

    @Override
    public void close() {
        ScratchStores.deleteBucket(s3, bucket);
    }

    private VersionsDocument versions(String name) {
        try {
            return json.readValue(read(versionsKey(name)), VersionsDocument.class);
        } catch (NoSuchKeyException e) {
            return new VersionsDocument(List.of());
        }
    }

    private byte[] read(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    private Object writeDocument(String key, Object document) {
        byte[] bytes = json.writeValueAsBytes(document);
        return s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(bytes));
    }

    private static VersionEntry entry(int version, String sha256, long size) {
        return new VersionEntry(version, sha256, size, Instant.now().toString());
    }

    private static String versionsKey(String name) {
        return name + "/_doc/versions.json";
    }

    private static String aliasKey(String name) {
        return name + "/_doc/alias-" + Fixture.ALIAS + ".json";
    }

    private static String padded(int version) {
        return String.format(Locale.ROOT, "%06d", version);
    }
}
