package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Alias;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.IntegrityException;
import io.versioned.api.PurgeResult;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.ResolvedContent;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.Maintenance;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable contract of {@link Repository} for LATEST and numbered versions (docs/semantics.md §2 to §4, §8 and
 * the Javadoc): put in its four forms, publish, soft delete and restore, listing, verified reads and downloads, and
 * the product walkthrough from the first put to a purge. Every failure is checked for its exact exception type and
 * for having written nothing. An adapter's test class extends this class and implements {@link #createPorts()} and
 * {@link #corruptBlob(StorePorts, String, byte[])} (without it the integrity tests fail, naming the hook).
 */
public abstract class RepositoryContract extends RepositoryContractSupport {

    private static final String APP = "app";
    private static final String OTHER = "other";
    private static final String GHOST = "ghost";
    private static final String PROD = "prod";
    private static final String CANARY = "canary";
    private static final String BINARY = "application/octet-stream";
    private static final int LARGE_SIZE = 6 * 1024 * 1024 + 7;

    @TempDir
    private Path directory;

    /**
     * Replaces the bytes stored under {@code key} behind the repository's back, to simulate corruption in the store.
     * A {@link io.versioned.core.port.BlobPort} cannot overwrite a key, so the adapter reaches its storage directly
     * (a file, an object). The default fails the calling test, naming this hook: the integrity tests never skip.
     */
    protected void corruptBlob(StorePorts ports, String key, byte[] bytes) {
        throw new AssertionError("override corruptBlob(StorePorts, String, byte[]) in " + getClass().getName()
                + ": overwrite the bytes stored under the key directly in the store, for the integrity tests");
    }

    // ---- put (semantics §2)

    @Test
    void putStoresTheBytesInAllFourForms() throws IOException {
        byte[] plain = Content.utf8("plain bytes");
        byte[] withOptions = Content.random(1000, 1);
        byte[] fromFile = Content.random(70_000, 2);
        byte[] fromStream = Content.random(130_000, 3);
        Path file = Files.write(directory.resolve("content.bin"), fromFile);
        PutOptions options = PutOptions.builder().contentType("text/plain").metadata(Map.of("team", "data")).build();

        Artifact a = repository.putArtifact("plain", plain);
        Artifact b = repository.putArtifact("with-options", withOptions, options);
        Artifact c = repository.putArtifact("from-file", file, options);
        Artifact d = repository.putArtifact("from-stream", new ByteArrayInputStream(fromStream), PutOptions.none());

        assertStored(a, "plain", plain, BINARY, Map.of());
        assertStored(b, "with-options", withOptions, "text/plain", Map.of("team", "data"));
        assertStored(c, "from-file", fromFile, "text/plain", Map.of("team", "data"));
        assertStored(d, "from-stream", fromStream, BINARY, Map.of());
        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()")
                .containsExactly("from-file", "from-stream", "plain", "with-options");
    }

    @Test
    void onAStoreSharedWithPythonLatestIsCopiedWhereThePythonLibraryReadsIt() throws IOException {
        Assumptions.assumeTrue(ports.blobs().capabilities().contains(BlobCapability.SHARED_WITH_PYTHON),
                "not claimed: SHARED_WITH_PYTHON (the store's BlobPort.capabilities() does not contain it)");
        String pythonKey = BlobKeys.of(APP, Version.LATEST);
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        assertThat(blobBytes(pythonKey)).as("blobBytes(pythonKey)").isEqualTo(Content.utf8("one"));

        repository.putArtifact(APP, new ByteArrayInputStream(Content.utf8("two")), PutOptions.none());
        repository.deleteArtifactVersion(APP, Version.LATEST);
        repository.putArtifact(APP, Content.utf8("three"));

        assertThat(blobBytes(pythonKey)).as("blobBytes(pythonKey)").isEqualTo(Content.utf8("three"));
        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()").containsExactly(APP);
        Maintenance maintenance = new Maintenance(ports.blobs(), ports.metadata(), repository, Clock.systemUTC());
        assertThat(maintenance.gc(false, Duration.ZERO).removed()).as("maintenance.gc(false, Duration.ZERO).removed()")
                .isEmpty();
        assertThat(blobBytes(pythonKey)).as("blobBytes(pythonKey)").isEqualTo(Content.utf8("three"));
    }

    private byte[] blobBytes(String key) throws IOException {
        try (InputStream in = ports.blobs().open(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    @Test
    void putOfEmptyContentStoresAnEmptyArtifact() {
        Artifact empty = repository.putArtifact(APP, new byte[0]);

        assertStored(empty, APP, new byte[0], BINARY, Map.of());
        assertThat(repository.publishArtifactVersion(APP).size()).as("repository.publishArtifactVersion(APP).size()")
                .isZero();
        assertThat(repository.getContent(APP, Version.of(1))).as("repository.getContent(APP, Version.of(1))").isEmpty();
    }

    @Test
    void putOfLargeContentFromAStreamKeepsEveryByte() {
        byte[] large = Content.random(LARGE_SIZE, 4);

        Artifact stored = repository.putArtifact(APP, new ByteArrayInputStream(large), PutOptions.none());

        assertThat(stored.size()).as("stored.size()").isEqualTo(LARGE_SIZE);
        assertThat(stored.sha256()).as("stored.sha256()").isEqualTo(Content.sha256(large));
        assertThat(Content.readAndClose(repository.openContent(APP, Version.LATEST))).isEqualTo(large);
        repository.publishArtifactVersion(APP);
        assertThat(repository.getContent(APP, Version.of(1))).as("repository.getContent(APP, Version.of(1))")
                .isEqualTo(large);
    }

    @Test
    void putOfIdenticalBytesWithoutOptionsReturnsTheStoredLatestAndUploadsNothing() throws IOException {
        byte[] bytes = Content.utf8("same bytes");
        Path file = Files.write(directory.resolve("same.bin"), bytes);
        Artifact first = repository.putArtifact(APP, bytes,
                PutOptions.builder().contentType("text/plain").metadata(Map.of("k", "v")).build());
        clock.advance(Duration.ofMinutes(1));
        StoreSnapshot before = snapshot();

        RecordingPorts recording = new RecordingPorts(ports);
        Repository recorded = RepositoryFixture.repository(recording.ports(), clock);
        recording.clear();

        List<Artifact> knownHash = List.of(
                recorded.putArtifact(APP, bytes),
                recorded.putArtifact(APP, bytes.clone(), PutOptions.none()),
                recorded.putArtifact(APP, file, PutOptions.none()));

        assertThat(recording.calls()).as("storage calls").doesNotContain("BlobPort.put", "BlobPort.copy");
        Artifact fromStream = repository.putArtifact(APP, new ByteArrayInputStream(bytes), PutOptions.none());
        assertThat(knownHash).allSatisfy(artifact -> assertThat(artifact).isEqualTo(first));
        assertThat(fromStream).isEqualTo(first);
        assertThat(repository.getArtifactVersion(APP)).as("repository.getArtifactVersion(APP)").isEqualTo(first);
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void aFileIsHashedBeforeItsUploadOnlyWhereThatCanSpareTheUploadOrTheStoreKeepsTheSha256() throws IOException {
        boolean keeps = ports.blobs().capabilities().contains(BlobCapability.KEEPS_GIVEN_SHA256);
        byte[] first = Content.random(5000, 21);
        byte[] sameSize = Content.random(5000, 22);
        byte[] otherSize = Content.random(7000, 23);
        RecordingPorts recording = new RecordingPorts(ports);
        Repository recorded = RepositoryFixture.repository(recording.ports(), clock);

        Artifact a = recorded.putArtifact(APP, Files.write(directory.resolve("first.bin"), first), PutOptions.none());
        Artifact b = recorded.putArtifact(APP, Files.write(directory.resolve("same-size.bin"), sameSize),
                PutOptions.none());
        Artifact c = recorded.putArtifact(APP, Files.write(directory.resolve("other-size.bin"), otherSize),
                PutOptions.none());

        assertThat(recording.uploads()).as("the SHA-256 given to each BlobPort.put (KEEPS_GIVEN_SHA256: %s)", keeps)
                .map(BlobUpload::sha256).containsExactly(
                        keeps ? Optional.of(Content.sha256(first)) : Optional.empty(),
                        Optional.of(Content.sha256(sameSize)),
                        keeps ? Optional.of(Content.sha256(otherSize)) : Optional.empty());
        assertThat(List.of(a.sha256(), b.sha256(), c.sha256())).containsExactly(Content.sha256(first),
                Content.sha256(sameSize), Content.sha256(otherSize));
        assertStored(c, APP, otherSize, BINARY, Map.of());
        assertThat(repository.publishArtifactVersion(APP).sha256()).isEqualTo(Content.sha256(otherSize));
        assertThat(repository.getContent(APP, Version.of(1))).isEqualTo(otherSize);
    }

    @Test
    void resolveOfAnAliasToPublishedVersionsReadsOnlyTheAliasRecord() {
        List<Artifact> published = publishOneAndTwoWithCanaryAndEdge();
        Artifact one = published.get(0);
        Artifact two = published.get(1);
        RecordingPorts recording = new RecordingPorts(ports);
        Repository recorded = RepositoryFixture.repository(recording.ports(), clock);

        for (int key = 0; key < 40; key++) {
            recording.clear();
            Artifact resolved = recorded.resolve(APP, "canary", "key-" + key);
            assertThat(storageReads(recording)).as("storage reads of resolve to %s", resolved.version())
                    .containsExactly("MetadataPort.getAlias");
            assertThat(resolved).isEqualTo(resolved.version().equals(one.version()) ? one : two);
        }
        recording.clear();
        assertThat(recorded.resolve(APP, "edge")).as("recorded.resolve(APP, \"edge\")")
                .isEqualTo(repository.getArtifactVersion(APP));
        assertThat(storageReads(recording)).as("storage reads of resolve to LATEST")
                .containsExactly("MetadataPort.getAlias", "MetadataPort.getVersion");
    }

    @Test
    void resolveContentOfAnAliasToPublishedVersionsReadsTheAliasRecordAndTheBytesOnly() {
        List<Artifact> published = publishOneAndTwoWithCanaryAndEdge();
        Artifact one = published.get(0);
        Artifact two = published.get(1);
        RecordingPorts recording = new RecordingPorts(ports);
        Repository recorded = RepositoryFixture.repository(recording.ports(), clock);

        for (int key = 0; key < 40; key++) {
            recording.clear();
            ResolvedContent resolved = recorded.resolveContent(APP, "canary", "key-" + key);
            assertThat(storageReads(recording)).as("storage reads of resolveContent to %s",
                    resolved.artifact().version()).containsExactly("MetadataPort.getAlias", "BlobPort.open");
            assertThat(resolved.artifact()).as("the artifact of resolveContent(APP, \"canary\", \"key-%s\")", key)
                    .isEqualTo(repository.resolve(APP, "canary", "key-" + key));
            assertThat(resolved.content()).as("the bytes of resolveContent(APP, \"canary\", \"key-%s\")", key)
                    .isEqualTo(Content.utf8(resolved.artifact().equals(one) ? "one" : "two"));
        }
        recording.clear();
        ResolvedContent edge = recorded.resolveContent(APP, "edge");
        assertThat(edge).as("recorded.resolveContent(APP, \"edge\")")
                .isEqualTo(new ResolvedContent(repository.getArtifactVersion(APP), Content.utf8("two")));
        assertThat(storageReads(recording)).as("storage reads of resolveContent to LATEST")
                .containsExactly("MetadataPort.getAlias", "MetadataPort.getVersion", "BlobPort.open");
        assertThatThrownBy(() -> repository.resolveContent(APP, "missing"),
                "%s must throw %s", "repository.resolveContent(APP, \"missing\")", "AliasNotFoundException")
                .isExactlyInstanceOf(AliasNotFoundException.class);
    }

    @Test
    void resolveContentVerifiesTheBytesItReadsWithoutTheVersionRecord() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        repository.putAlias(APP, "production", Version.of(1));
        String key = blobKey(APP, Version.of(1));
        ports.blobs().delete(key);

        assertThatThrownBy(() -> repository.resolveContent(APP, "production"),
                "%s must throw %s", "repository.resolveContent(APP, \"production\") with the bytes missing",
                "IntegrityException")
                .isExactlyInstanceOf(IntegrityException.class);

        byte[] other = Content.utf8("two");
        ports.blobs().put(key, new ByteArrayInputStream(other),
                new BlobUpload(other.length, Optional.empty(), BINARY, Map.of()));
        assertThatThrownBy(() -> repository.resolveContent(APP, "production", "user-1"),
                "%s must throw %s", "repository.resolveContent(APP, \"production\", \"user-1\") with other bytes"
                        + " stored under its key", "IntegrityException")
                .isExactlyInstanceOf(IntegrityException.class);
    }

    /**
     * Publishes versions 1 ({@code "one"}, text/plain with metadata) and 2 ({@code "two"}, also LATEST) of
     * {@code APP} and points alias {@code canary} at both, 50 % each, and alias {@code edge} at LATEST.
     */
    private List<Artifact> publishOneAndTwoWithCanaryAndEdge() {
        repository.putArtifact(APP, Content.utf8("one"),
                PutOptions.builder().contentType("text/plain").metadata(Map.of("k", "v")).build());
        Artifact one = repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, Content.utf8("two"));
        Artifact two = repository.publishArtifactVersion(APP);
        repository.putAlias(APP, "canary", one.version(), two.version(), 50);
        repository.putAlias(APP, "edge", Version.LATEST);
        return List.of(one, two);
    }

    /** The recorded calls that reach storage: all but {@code BlobPort.uri}, which only computes a URI. */
    private static List<String> storageReads(RecordingPorts recording) {
        return recording.calls().stream().filter(call -> !call.equals("BlobPort.uri")).toList();
    }

    @Test
    void putOfIdenticalBytesWithTheStoredOptionsReturnsTheStoredLatest() {
        byte[] bytes = Content.utf8("same bytes");
        PutOptions options = PutOptions.builder().contentType("text/plain").metadata(Map.of("k", "v")).build();
        Artifact first = repository.putArtifact(APP, bytes, options);
        StoreSnapshot before = snapshot();

        Artifact again = repository.putArtifact(APP, bytes, options);
        Artifact typeOnly = repository.putArtifact(APP, bytes, PutOptions.builder().contentType("text/plain").build());

        assertThat(again).isEqualTo(first);
        assertThat(typeOnly).isEqualTo(first);
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void contentTypesAreComparedAsMediaTypes() {
        byte[] bytes = Content.utf8("same bytes");
        Artifact first = repository.putArtifact(APP, bytes,
                PutOptions.builder().contentType("text/plain; charset=utf-8").build());
        StoreSnapshot before = snapshot();

        for (String same : List.of("text/plain;charset=utf-8", "TEXT/Plain; Charset=\"UTF-8\"")) {
            assertThat(repository.putArtifact(APP, bytes, PutOptions.builder().contentType(same).build()))
                    .as(same).isEqualTo(first);
        }
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);

        Artifact otherCharset = repository.putArtifact(APP, bytes,
                PutOptions.builder().contentType("text/plain; charset=iso-8859-1").build());
        assertThat(otherCharset.contentType()).as("otherCharset.contentType()")
                .isEqualTo("text/plain; charset=iso-8859-1");
        assertThat(otherCharset.updateAt()).isAfter(first.updateAt());
    }

    @Test
    void putOfIdenticalBytesWithNewAttributesUpdatesOnlyTheAttributes() {
        byte[] bytes = Content.utf8("same bytes");
        Artifact first = repository.putArtifact(APP, bytes,
                PutOptions.builder().contentType("text/plain").metadata(Map.of("a", "1")).build());
        List<String> blobsBefore = ports.blobs().list("");
        RecordingPorts recording = new RecordingPorts(ports);
        Repository recorded = RepositoryFixture.repository(recording.ports(), clock);
        recording.clear();

        Artifact newMetadata = recorded.putArtifact(APP, bytes,
                PutOptions.builder().metadata(Map.of("b", "2")).build());

        assertThat(recording.calls()).as("storage calls").doesNotContain("BlobPort.put", "BlobPort.copy");

        assertThat(newMetadata.sha256()).as("newMetadata.sha256()").isEqualTo(first.sha256());
        assertThat(newMetadata.size()).as("newMetadata.size()").isEqualTo(first.size());
        assertThat(newMetadata.uri()).as("newMetadata.uri()").isEqualTo(first.uri());
        assertThat(newMetadata.metadata()).as("newMetadata.metadata()").isEqualTo(Map.of("b", "2"));
        assertThat(newMetadata.contentType()).as("newMetadata.contentType()").isEqualTo("text/plain");
        assertThat(newMetadata.updateAt()).isAfterOrEqualTo(first.updateAt());
        assertThat(repository.getArtifactVersion(APP)).as("repository.getArtifactVersion(APP)").isEqualTo(newMetadata);
        assertThat(ports.blobs().list("")).as("ports.blobs().list(\"\")").isEqualTo(blobsBefore);

        Artifact newType = repository.putArtifact(APP, new ByteArrayInputStream(bytes),
                PutOptions.builder().contentType("application/json").build());

        assertThat(newType.sha256()).as("newType.sha256()").isEqualTo(first.sha256());
        assertThat(newType.contentType()).as("newType.contentType()").isEqualTo("application/json");
        assertThat(newType.metadata()).as("newType.metadata()").isEqualTo(Map.of("b", "2"));
        assertThat(repository.getArtifactVersion(APP)).as("repository.getArtifactVersion(APP)").isEqualTo(newType);
        assertThat(ports.blobs().list("")).as("ports.blobs().list(\"\")").isEqualTo(blobsBefore);
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(bytes);
    }

    @Test
    void putOfNewBytesReplacesLatestWithTheNewAttributes() {
        repository.putArtifact(APP, Content.utf8("one"),
                PutOptions.builder().contentType("text/plain").metadata(Map.of("a", "1")).build());

        Artifact second = repository.putArtifact(APP, Content.utf8("two"));

        assertStored(second, APP, Content.utf8("two"), BINARY, Map.of());
        assertThat(repository.listArtifactVersions(APP)).as("repository.listArtifactVersions(APP)")
                .containsExactly(second);
    }

    @Test
    void putRevivesADeletedLatest() {
        byte[] bytes = Content.utf8("revived");
        repository.putArtifact(APP, bytes);
        repository.deleteArtifactVersion(APP, Version.LATEST);
        assertThatThrownBy(() -> repository.getArtifactVersion(APP),
                "%s must throw %s", "repository.getArtifactVersion(APP)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);

        Artifact revived = repository.putArtifact(APP, bytes);

        assertStored(revived, APP, bytes, BINARY, Map.of());
        repository.deleteArtifactVersion(APP, Version.LATEST);

        Artifact replaced = repository.putArtifact(APP, new ByteArrayInputStream(Content.utf8("new")),
                PutOptions.none());

        assertStored(replaced, APP, Content.utf8("new"), BINARY, Map.of());
    }

    @Test
    void putFromAStreamThatFailsMidwayThrowsAVersionedExceptionAndChangesNothing() {
        Artifact latest = repository.putArtifact(APP, Content.utf8("before"));
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.putArtifact(APP, Content.failingAfter(Content.random(100_000, 5)),
                PutOptions.none()),
                "%s must throw %s",
                "repository.putArtifact(APP, Content.failingAfter(Content.random(100_000, 5)), PutOptions.none())", "VersionedException")
                .as("a failure of the caller's content, not of the store")
                .isInstanceOf(VersionedException.class)
                .isNotInstanceOf(BackendException.class)
                .hasRootCauseInstanceOf(IOException.class);

        assertThat(repository.getArtifactVersion(APP)).as("repository.getArtifactVersion(APP)").isEqualTo(latest);
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(Content.utf8("before"));
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void putFromAStreamThatFailsUncheckedMidwayIsAContentFailureAndChangesNothing() {
        Artifact latest = repository.putArtifact(APP, Content.utf8("before"));
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.putArtifact(APP,
                Content.failingUncheckedAfter(Content.random(100_000, 5)), PutOptions.none()),
                "%s must throw %s",
                "repository.putArtifact(APP, Content.failingUncheckedAfter(Content.random(100_000, 5)), " +
                "PutOptions.none())", "VersionedException")
                .isInstanceOf(VersionedException.class)
                .isNotInstanceOf(BackendException.class)
                .hasRootCauseInstanceOf(IOException.class);

        assertThat(repository.getArtifactVersion(APP)).as("repository.getArtifactVersion(APP)").isEqualTo(latest);
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void putFromAFailingStreamOfANewArtifactLeavesNoVersion() {
        assertThatThrownBy(() -> repository.putArtifact(APP, Content.failingAfter(Content.utf8("partial")),
                PutOptions.none()),
                "%s must throw %s",
                "repository.putArtifact(APP, Content.failingAfter(Content.utf8(\"partial\")), PutOptions.none())", "VersionedException")
                .isInstanceOf(VersionedException.class);

        assertThatThrownBy(() -> repository.getArtifactVersion(APP),
                "%s must throw %s", "repository.getArtifactVersion(APP)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThat(repository.listArtifactVersions(APP)).as("repository.listArtifactVersions(APP)").isEmpty();
        assertThat(ports.metadata().listVersions(APP)).as("ports.metadata().listVersions(APP)").isEmpty();
        assertThat(ports.blobs().list("")).as("blob keys (a store may keep its records beside the blobs)")
                .filteredOn(key -> BlobKeys.artifactOf(key).isPresent()).isEmpty();
    }

    @Test
    void putReadsTheCallersStreamToItsEndAndDoesNotCloseIt() {
        byte[] bytes = Content.random(10_000, 6);
        Content.TrackedStream stream = new Content.TrackedStream(bytes);

        repository.putArtifact(APP, stream, PutOptions.none());

        assertThat(stream.fullyRead()).as("stream.fullyRead()").isTrue();
        assertThat(stream.closed()).as("stream.closed()").isFalse();
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(bytes);
    }

    @Test
    void timestampsComeFromTheInjectedClock() {
        clock.advance(Duration.ofDays(3));
        Instant before = clock.instant();

        Artifact latest = repository.putArtifact(APP, Content.utf8("x"));
        Artifact published = repository.publishArtifactVersion(APP);

        Instant after = clock.instant();
        assertThat(latest.updateAt()).as("latest.updateAt()").isBetween(before, after);
        assertThat(published.updateAt()).as("published.updateAt()").isBetween(latest.updateAt(), after);
    }

    // ---- publish (semantics §3)

    @Test
    void publishNumbersVersionsOneTwoThree() {
        List<byte[]> contents = List.of(Content.utf8("v1"), Content.utf8("v2"), Content.utf8("v3"));

        for (int i = 0; i < contents.size(); i++) {
            repository.putArtifact(APP, contents.get(i));
            Artifact published = repository.publishArtifactVersion(APP);
            assertThat(published.version()).as("published.version()").isEqualTo(Version.of(i + 1));
            assertThat(published.name()).as("published.name()").isEqualTo(APP);
            assertThat(published.sha256()).as("published.sha256()").isEqualTo(Content.sha256(contents.get(i)));
            assertThat(published.uri()).isNotBlank();
            assertThat(repository.getArtifactVersion(APP, Version.of(i + 1))).isEqualTo(published);
        }

        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(3), Version.of(2), Version.of(1));
        for (int i = 0; i < contents.size(); i++) {
            assertThat(repository.getContent(APP, Version.of(i + 1))).isEqualTo(contents.get(i));
        }
    }

    @Test
    void publishedVersionsKeepTheContentTypeAndMetadataOfLatest() {
        repository.putArtifact(APP, Content.utf8("x"),
                PutOptions.builder().contentType("text/csv").metadata(Map.of("source", "etl")).build());

        Artifact published = repository.publishArtifactVersion(APP);

        assertThat(published.contentType()).as("published.contentType()").isEqualTo("text/csv");
        assertThat(published.metadata()).as("published.metadata()").isEqualTo(Map.of("source", "etl"));
        assertThat(published.size()).as("published.size()").isEqualTo(1);
    }

    @Test
    void publishOfAnUnchangedLatestReturnsTheHighestLiveVersionAndCreatesNothing() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, Content.utf8("two"));
        Artifact second = repository.publishArtifactVersion(APP);
        StoreSnapshot before = snapshot();

        Artifact again = repository.publishArtifactVersion(APP);

        assertThat(again).isEqualTo(second);
        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.getLatestPublishedVersionNumber(APP)).isEqualTo(2);
    }

    @Test
    void publishComparesOnlyWithTheHighestLiveVersion() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, Content.utf8("two"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, Content.utf8("one"));

        Artifact third = repository.publishArtifactVersion(APP);

        assertThat(third.version()).as("third.version()").isEqualTo(Version.of(3));
        assertThat(repository.getContent(APP, Version.of(3))).as("repository.getContent(APP, Version.of(3))")
                .isEqualTo(Content.utf8("one"));
    }

    @Test
    void publishAfterDeletingTheHighestMakesANewNumberEvenForTheSameBytes() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, Content.utf8("two"));
        repository.publishArtifactVersion(APP);
        repository.deleteArtifactVersion(APP, Version.of(2));

        Artifact third = repository.publishArtifactVersion(APP);

        assertThat(third.version()).as("third.version()").isEqualTo(Version.of(3));
        assertThat(repository.getContent(APP, Version.of(3))).as("repository.getContent(APP, Version.of(3))")
                .isEqualTo(Content.utf8("two"));
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(3), Version.of(1));
    }

    @Test
    void numbersAreNeverReusedAfterADelete() {
        for (int i = 1; i <= 3; i++) {
            repository.putArtifact(APP, Content.utf8("v" + i));
            repository.publishArtifactVersion(APP);
        }
        repository.deleteArtifactVersion(APP, Version.of(3));
        repository.putArtifact(APP, Content.utf8("v4"));

        assertThat(repository.publishArtifactVersion(APP).version()).isEqualTo(Version.of(4));

        repository.deleteArtifactVersion(APP, Version.of(4));
        repository.deleteArtifactVersion(APP, Version.of(2));
        repository.putArtifact(APP, Content.utf8("v5"));

        assertThat(repository.publishArtifactVersion(APP).version()).isEqualTo(Version.of(5));
        assertThat(repository.getContent(APP, Version.of(5))).as("repository.getContent(APP, Version.of(5))")
                .isEqualTo(Content.utf8("v5"));
    }

    @Test
    void numbersAreNeverReusedAfterAPurge() {
        for (int i = 1; i <= 3; i++) {
            repository.putArtifact(APP, Content.utf8("v" + i));
            repository.publishArtifactVersion(APP);
        }
        clock.advance(Duration.ofDays(10));
        PurgeResult result = repository.purgeArtifactVersions(APP, 0, Duration.ofDays(1));
        assertThat(result.purged()).as("result.purged()").containsExactly(Version.of(3), Version.of(2), Version.of(1));
        assertThat(repository.getLatestPublishedVersionNumber(APP)).isZero();

        Artifact again = repository.publishArtifactVersion(APP);

        assertThat(again.version()).as("again.version()").isEqualTo(Version.of(4));
        repository.putArtifact(APP, Content.utf8("v5"));
        assertThat(repository.publishArtifactVersion(APP).version()).isEqualTo(Version.of(5));
        assertThat(repository.getContent(APP, Version.of(4))).as("repository.getContent(APP, Version.of(4))")
                .isEqualTo(Content.utf8("v3"));
    }

    @Test
    void publishWithoutLatestIsArtifactNotFoundAndWritesNothing() {
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.publishArtifactVersion(GHOST),
                "%s must throw %s", "repository.publishArtifactVersion(GHOST)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.listArtifactNames()).doesNotContain(GHOST);
    }

    @Test
    void publishOfADeletedLatestIsArtifactNotFoundAndWritesNothing() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, Content.utf8("two"));
        repository.deleteArtifactVersion(APP, Version.LATEST);
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.publishArtifactVersion(APP),
                "%s must throw %s", "repository.publishArtifactVersion(APP)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.getLatestPublishedVersionNumber(APP)).isEqualTo(1);
    }

    @Test
    void aPublishedVersionKeepsTheBytesLatestHadAtPublishTime() {
        byte[] original = Content.random(50_000, 7);
        repository.putArtifact(APP, original);
        Artifact published = repository.publishArtifactVersion(APP);

        repository.putArtifact(APP, Content.random(50_000, 8));
        repository.putArtifact(APP, new ByteArrayInputStream(Content.utf8("third")), PutOptions.none());

        assertThat(repository.getContent(APP, Version.of(1))).as("repository.getContent(APP, Version.of(1))")
                .isEqualTo(original);
        assertThat(repository.getArtifactVersion(APP, Version.of(1))).isEqualTo(published);
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(Content.utf8("third"));
    }

    @Test
    void latestPublishedVersionNumberIsZeroThenTheHighestLiveNumber() {
        assertThat(repository.getLatestPublishedVersionNumber(GHOST)).isZero();
        repository.putArtifact(APP, Content.utf8("one"));
        assertThat(repository.getLatestPublishedVersionNumber(APP)).isZero();

        for (int i = 1; i <= 3; i++) {
            repository.putArtifact(APP, Content.utf8("v" + i));
            repository.publishArtifactVersion(APP);
            assertThat(repository.getLatestPublishedVersionNumber(APP)).isEqualTo(i);
        }
        repository.deleteArtifactVersion(APP, Version.of(3));
        assertThat(repository.getLatestPublishedVersionNumber(APP)).isEqualTo(2);
        repository.restoreArtifactVersion(APP, Version.of(3));
        assertThat(repository.getLatestPublishedVersionNumber(APP)).isEqualTo(3);
    }

    @Test
    void publishPastTheLastVersionNumberIsAConflictAndWritesNothing() {
        repository.putArtifact(APP, Content.utf8("last"));
        ports.metadata().allocateVersionNumber(APP, Version.MAX_NUMBER - 1);

        assertThat(repository.publishArtifactVersion(APP).version()).isEqualTo(Version.of(Version.MAX_NUMBER));

        repository.putArtifact(APP, Content.utf8("one too many"));
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.publishArtifactVersion(APP),
                "%s must throw %s", "repository.publishArtifactVersion(APP)", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class);

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.getContent(APP, Version.of(Version.MAX_NUMBER))).isEqualTo(Content.utf8("last"));
    }

    // ---- delete and restore (semantics §4)

    @Test
    void softDeleteHidesTheVersionAndKeepsItsBytes() {
        byte[] bytes = Content.random(20_000, 9);
        repository.putArtifact(APP, bytes);
        Artifact published = repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, Content.utf8("later"));
        String blobKey = ports.metadata().getVersion(APP, Version.of(1)).orElseThrow().blobKey();

        repository.deleteArtifactVersion(APP, Version.of(1));

        assertThatThrownBy(() -> repository.getArtifactVersion(APP, Version.of(1)),
                "%s must throw %s", "repository.getArtifactVersion(APP, Version.of(1))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.getContent(APP, Version.of(1)),
                "%s must throw %s", "repository.getContent(APP, Version.of(1))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version).containsExactly(Version.LATEST);
        assertThat(repository.getLatestPublishedVersionNumber(APP)).isZero();
        assertThat(ports.blobs().list("")).as("ports.blobs().list(\"\")").contains(blobKey);

        Artifact restored = repository.restoreArtifactVersion(APP, Version.of(1));

        assertThat(restored.sha256()).as("restored.sha256()").isEqualTo(published.sha256());
        assertThat(restored.size()).as("restored.size()").isEqualTo(published.size());
        assertThat(restored.uri()).as("restored.uri()").isEqualTo(published.uri());
        assertThat(repository.getContent(APP, Version.of(1))).as("repository.getContent(APP, Version.of(1))")
                .isEqualTo(bytes);
        assertThat(repository.getArtifactVersion(APP, Version.of(1))).isEqualTo(restored);
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(1));
    }

    @Test
    void deletingAMissingOrDeletedVersionIsANoOpThatCreatesNothing() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        repository.deleteArtifactVersion(APP, Version.of(1));
        StoreSnapshot before = snapshot();

        assertThatCode(() -> {
            repository.deleteArtifactVersion(GHOST, Version.of(1));
            repository.deleteArtifactVersion(GHOST, Version.LATEST);
            repository.deleteArtifactVersion(APP, Version.of(7));
            repository.deleteArtifactVersion(APP, Version.of(1));
        }).doesNotThrowAnyException();

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()").containsExactly(APP);
        assertThat(repository.listArtifactVersions(GHOST)).as("repository.listArtifactVersions(GHOST)").isEmpty();
        assertThat(ports.metadata().listVersions(GHOST)).as("ports.metadata().listVersions(GHOST)").isEmpty();
    }

    @Test
    void latestMayBeDeleted() {
        repository.putArtifact(APP, Content.utf8("one"));
        Artifact published = repository.publishArtifactVersion(APP);

        repository.deleteArtifactVersion(APP, Version.LATEST);

        assertThatThrownBy(() -> repository.getArtifactVersion(APP),
                "%s must throw %s", "repository.getArtifactVersion(APP)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.getContent(APP, Version.LATEST),
                "%s must throw %s", "repository.getContent(APP, Version.LATEST)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThat(repository.listArtifactVersions(APP)).as("repository.listArtifactVersions(APP)")
                .containsExactly(published);
        assertThat(repository.getContent(APP, Version.of(1))).as("repository.getContent(APP, Version.of(1))")
                .isEqualTo(Content.utf8("one"));
        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()").containsExactly(APP);
        assertThat(repository.restoreArtifactVersion(APP, Version.LATEST).sha256()).isEqualTo(published.sha256());
    }

    @Test
    void aVersionAnAliasPointsAtCannotBeDeleted() {
        publishThree();
        repository.putAlias(APP, PROD, Version.of(1));
        repository.putAlias(APP, CANARY, Version.of(3), Version.of(2), 10);
        repository.putAlias(APP, "stable", Version.of(3));
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.deleteArtifactVersion(APP, Version.of(1)),
                "%s must throw %s", "repository.deleteArtifactVersion(APP, Version.of(1))", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class).hasMessageContaining(PROD);
        assertThatThrownBy(() -> repository.deleteArtifactVersion(APP, Version.of(2)),
                "%s must throw %s", "repository.deleteArtifactVersion(APP, Version.of(2))", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class).hasMessageContaining(CANARY);
        assertThatThrownBy(() -> repository.deleteArtifactVersion(APP, Version.of(3)),
                "%s must throw %s", "repository.deleteArtifactVersion(APP, Version.of(3))", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class)
                .hasMessageContaining(CANARY).hasMessageContaining("stable");

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.listArtifactVersions(APP)).as("repository.listArtifactVersions(APP)").hasSize(4);
    }

    @Test
    void anAliasedLatestCannotBeDeleted() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.putAlias(APP, "dev", Version.LATEST);
        repository.putArtifact(APP, Content.utf8("two"));
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.deleteArtifactVersion(APP, Version.LATEST),
                "%s must throw %s", "repository.deleteArtifactVersion(APP, Version.LATEST)", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class).hasMessageContaining("dev");

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(Content.utf8("two"));
    }

    @Test
    void aVersionCanBeDeletedOnceTheAliasesMovedAway() {
        publishThree();
        repository.putAlias(APP, PROD, Version.of(1));
        repository.putAlias(APP, CANARY, Version.of(3), Version.of(2), 10);

        repository.putAlias(APP, PROD, Version.of(3));
        repository.putAlias(APP, CANARY, Version.of(3));

        assertThatCode(() -> repository.deleteArtifactVersion(APP, Version.of(1))).doesNotThrowAnyException();
        assertThatCode(() -> repository.deleteArtifactVersion(APP, Version.of(2))).doesNotThrowAnyException();

        repository.deleteAlias(APP, PROD);
        assertThatThrownBy(() -> repository.deleteArtifactVersion(APP, Version.of(3)),
                "%s must throw %s", "repository.deleteArtifactVersion(APP, Version.of(3))", "ConflictException")
                .isExactlyInstanceOf(ConflictException.class).hasMessageContaining(CANARY)
                .hasMessageNotContaining(PROD);
        repository.deleteAlias(APP, CANARY);

        assertThatCode(() -> repository.deleteArtifactVersion(APP, Version.of(3))).doesNotThrowAnyException();
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version).containsExactly(Version.LATEST);
    }

    @Test
    void restoreOfAVersionThatNeverExistedIsArtifactNotFoundAndWritesNothing() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        StoreSnapshot before = snapshot();

        assertThatThrownBy(() -> repository.restoreArtifactVersion(APP, Version.of(2)),
                "%s must throw %s",
                "repository.restoreArtifactVersion(APP, Version.of(2))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.restoreArtifactVersion(GHOST, Version.of(1)),
                "%s must throw %s",
                "repository.restoreArtifactVersion(GHOST, Version.of(1))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.restoreArtifactVersion(GHOST, Version.LATEST),
                "%s must throw %s",
                "repository.restoreArtifactVersion(GHOST, Version.LATEST)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    @Test
    void restoreOfALiveVersionReturnsItUnchanged() {
        repository.putArtifact(APP, Content.utf8("one"));
        Artifact published = repository.publishArtifactVersion(APP);
        Artifact latest = repository.getArtifactVersion(APP);
        StoreSnapshot before = snapshot();

        assertThat(repository.restoreArtifactVersion(APP, Version.of(1))).isEqualTo(published);
        assertThat(repository.restoreArtifactVersion(APP, Version.LATEST)).isEqualTo(latest);

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
    }

    // ---- listing

    /** The seed's order (and the Python library's): LATEST, then numbers newest first; 12 sorts before 2 as a string. */
    @Test
    void listsLatestFirstThenVersionsNewestFirst() {
        for (int i = 1; i <= 12; i++) {
            repository.putArtifact(APP, Content.utf8("v" + i));
            repository.publishArtifactVersion(APP);
        }
        repository.deleteArtifactVersion(APP, Version.of(7));
        repository.deleteArtifactVersion(APP, Version.of(2));
        repository.restoreArtifactVersion(APP, Version.of(7));

        List<Artifact> listed = repository.listArtifactVersions(APP);

        assertThat(listed).extracting(artifact -> artifact.version().toString()).containsExactly(
                "LATEST", "12", "11", "10", "9", "8", "7", "6", "5", "4", "3", "1");
        assertThat(listed.get(1).sha256()).as("listed.get(1).sha256()").isEqualTo(Content.sha256(Content.utf8("v12")));
        assertThat(listed.get(listed.size() - 1).sha256()).as("listed.get(listed.size() - 1).sha256()")
                .isEqualTo(Content.sha256(Content.utf8("v1")));
    }

    @Test
    void listsAreSortedAndLeaveOutDeletedVersions() {
        for (String name : List.of("zeta", "Alpha", "beta", "9lives")) {
            repository.putArtifact(name, Content.utf8(name));
        }
        publishThree();
        repository.deleteArtifactVersion(APP, Version.of(2));

        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()")
                .containsExactly("9lives", "Alpha", APP, "beta", "zeta");
        assertThat(repository.listArtifactVersions(APP)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(3), Version.of(1));
        assertThat(repository.listArtifactVersions(GHOST)).as("repository.listArtifactVersions(GHOST)").isEmpty();
        assertThat(repository.listAliases(GHOST)).as("repository.listAliases(GHOST)").isEmpty();
        assertThatThrownBy(() -> repository.getArtifactVersion(GHOST),
                "%s must throw %s", "repository.getArtifactVersion(GHOST)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.getArtifactVersion(APP, Version.of(4)),
                "%s must throw %s", "repository.getArtifactVersion(APP, Version.of(4))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void bootstrapIsIdempotent() {
        repository.putArtifact(APP, Content.utf8("kept"));
        StoreSnapshot before = snapshot();

        repository.bootstrap();
        repository.bootstrap();

        assertThat(snapshot()).as("snapshot()").isEqualTo(before);
        assertThat(repository.getContent(APP, Version.LATEST)).as("repository.getContent(APP, Version.LATEST)")
                .isEqualTo(Content.utf8("kept"));
    }

    // ---- reading content

    @Test
    void contentOfEveryVersionIsReadableInEveryWay() throws IOException {
        byte[] one = Content.random(100_000, 10);
        byte[] two = Content.random(1, 11);
        repository.putArtifact(APP, one);
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, two);

        for (Map.Entry<Version, byte[]> entry : Map.of(Version.of(1), one, Version.LATEST, two).entrySet()) {
            Version version = entry.getKey();
            assertThat(repository.getContent(APP, version)).as("repository.getContent(APP, version)")
                    .isEqualTo(entry.getValue());
            assertThat(Content.readAndClose(repository.openContent(APP, version))).isEqualTo(entry.getValue());
            Path target = directory.resolve("download-" + version);
            Artifact downloaded = repository.download(APP, version, target);
            assertThat(downloaded).isEqualTo(repository.getArtifactVersion(APP, version));
            assertThat(Files.readAllBytes(target)).as("Files.readAllBytes(target)").isEqualTo(entry.getValue());
        }
        assertThat(filesIn(directory)).containsExactlyInAnyOrder("download-1", "download-LATEST");
    }

    @Test
    void downloadReplacesAnExistingTargetAndLeavesNoPartialFile() throws IOException {
        byte[] bytes = Content.random(30_000, 12);
        repository.putArtifact(APP, bytes);
        Path target = Files.write(directory.resolve("model.bin"), Content.utf8("an older download"));

        repository.download(APP, Version.LATEST, target);

        assertThat(Files.readAllBytes(target)).as("Files.readAllBytes(target)").isEqualTo(bytes);
        assertThat(filesIn(directory)).as("filesIn(directory)").containsExactly("model.bin");
    }

    @Test
    void readingAMissingOrDeletedVersionIsArtifactNotFound() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        repository.deleteArtifactVersion(APP, Version.of(1));
        Path target = directory.resolve("out.bin");

        for (Version version : List.of(Version.of(1), Version.of(2))) {
            assertThatThrownBy(() -> repository.getContent(APP, version),
                    "%s must throw %s", "repository.getContent(APP, version)", "ArtifactNotFoundException")
                    .isExactlyInstanceOf(ArtifactNotFoundException.class);
            assertThatThrownBy(() -> repository.openContent(APP, version),
                    "%s must throw %s", "repository.openContent(APP, version)", "ArtifactNotFoundException")
                    .isExactlyInstanceOf(ArtifactNotFoundException.class);
            assertThatThrownBy(() -> repository.download(APP, version, target),
                    "%s must throw %s", "repository.download(APP, version, target)", "ArtifactNotFoundException")
                    .isExactlyInstanceOf(ArtifactNotFoundException.class);
        }
        assertThatThrownBy(() -> repository.getContent(GHOST, Version.LATEST),
                "%s must throw %s", "repository.getContent(GHOST, Version.LATEST)", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void corruptedBytesAreAnIntegrityExceptionOnEveryRead() throws IOException {
        byte[] bytes = Content.utf8("the real bytes");
        repository.putArtifact(APP, bytes);
        repository.publishArtifactVersion(APP);
        byte[] sameLength = Content.utf8("the fake bytes");
        corruptBlob(ports, blobKey(APP, Version.of(1)), sameLength);
        corruptBlob(ports, blobKey(APP, Version.LATEST), Content.utf8("the real byte"));

        for (Version version : List.of(Version.of(1), Version.LATEST)) {
            assertThatThrownBy(() -> repository.getContent(APP, version),
                    "%s must throw %s", "repository.getContent(APP, version)", "IntegrityException")
                    .isExactlyInstanceOf(IntegrityException.class);
            assertThatThrownBy(() -> Content.readAndClose(repository.openContent(APP, version)),
                    "%s must throw %s",
                    "Content.readAndClose(repository.openContent(APP, version))", "IntegrityException")
                    .isExactlyInstanceOf(IntegrityException.class);
            Path fresh = directory.resolve("fresh-" + version);
            assertThatThrownBy(() -> repository.download(APP, version, fresh),
                    "%s must throw %s", "repository.download(APP, version, fresh)", "IntegrityException")
                    .isExactlyInstanceOf(IntegrityException.class);
            assertThat(fresh).doesNotExist();
            Path existing = Files.write(directory.resolve("existing-" + version), Content.utf8("previous"));
            assertThatThrownBy(() -> repository.download(APP, version, existing),
                    "%s must throw %s", "repository.download(APP, version, existing)", "IntegrityException")
                    .isExactlyInstanceOf(IntegrityException.class);
            assertThat(Files.readAllBytes(existing)).as("Files.readAllBytes(existing)")
                    .isEqualTo(Content.utf8("previous"));
        }
        assertThat(filesIn(directory)).containsExactlyInAnyOrder("existing-1", "existing-LATEST");
    }

    @Test
    void openContentHandsOutTheBytesAndFailsOnlyAtTheEndOfACorruptedStream() throws IOException {
        byte[] bytes = Content.random(5_000, 13);
        repository.putArtifact(APP, bytes);
        byte[] corrupted = bytes.clone();
        corrupted[4_999] ^= 1;
        corruptBlob(ports, blobKey(APP, Version.LATEST), corrupted);

        try (InputStream in = repository.openContent(APP, Version.LATEST)) {
            assertThat(in.readNBytes(4_999)).as("in.readNBytes(4_999)").isEqualTo(Arrays.copyOf(bytes, 4_999));
            assertThatThrownBy(in::readAllBytes,
                    "%s must throw %s", "in::readAllBytes", "IntegrityException")
                    .isExactlyInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void missingBytesOfAPublishedVersionAreAnIntegrityException() {
        repository.putArtifact(APP, Content.utf8("one"));
        repository.publishArtifactVersion(APP);
        ports.blobs().delete(blobKey(APP, Version.of(1)));
        Path target = directory.resolve("out.bin");

        assertThatThrownBy(() -> repository.getContent(APP, Version.of(1)),
                "%s must throw %s", "repository.getContent(APP, Version.of(1))", "IntegrityException")
                .isExactlyInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> repository.download(APP, Version.of(1), target),
                "%s must throw %s", "repository.download(APP, Version.of(1), target)", "IntegrityException")
                .isExactlyInstanceOf(IntegrityException.class);
        assertThat(target).doesNotExist();
    }

    // ---- the product walkthrough

    @Test
    void productWalkthrough() {
        String db = "customer_analytics_db";
        PutOptions sqlite = PutOptions.builder().contentType("application/x-sqlite3")
                .metadata(Map.of("owner", "analytics", "schema", "v1")).build();
        byte[] first = Content.random(40_000, 100);
        byte[] second = Content.random(42_000, 101);
        byte[] third = Content.random(45_000, 102);

        Artifact latest = repository.putArtifact(db, first, sqlite);
        assertStored(latest, db, first, "application/x-sqlite3", Map.of("owner", "analytics", "schema", "v1"));
        assertThat(repository.listArtifactNames()).as("repository.listArtifactNames()").containsExactly(db);

        assertThat(repository.publishArtifactVersion(db).version()).isEqualTo(Version.of(1));
        assertThat(repository.getContent(db, Version.of(1))).as("repository.getContent(db, Version.of(1))")
                .isEqualTo(first);

        repository.putArtifact(db, second, sqlite);
        assertThat(repository.getContent(db, Version.LATEST)).as("repository.getContent(db, Version.LATEST)")
                .isEqualTo(second);
        assertThat(repository.publishArtifactVersion(db).version()).isEqualTo(Version.of(2));
        assertThat(repository.getContent(db, Version.of(2))).as("repository.getContent(db, Version.of(2))")
                .isEqualTo(second);

        repository.putAlias(db, "development", Version.LATEST);
        repository.putAlias(db, "staging", Version.of(2));
        repository.putAlias(db, "production", Version.of(1));
        assertThat(repository.listAliases(db)).extracting(Alias::alias)
                .containsExactly("development", "production", "staging");
        assertThat(repository.getContent(db, repository.resolve(db, "production").version())).isEqualTo(first);

        Alias blueGreen = repository.putAlias(db, "production", Version.of(2));
        assertThat(blueGreen.version()).as("blueGreen.version()").isEqualTo(Version.of(2));
        assertThat(repository.resolve(db, "production").version()).isEqualTo(Version.of(2));

        repository.putArtifact(db, third, sqlite);
        assertThat(repository.publishArtifactVersion(db).version()).isEqualTo(Version.of(3));
        assertThat(repository.getContent(db, Version.of(3))).as("repository.getContent(db, Version.of(3))")
                .isEqualTo(third);
        assertThat(repository.resolve(db, "development").sha256()).isEqualTo(Content.sha256(third));

        Alias canary = repository.putAlias(db, "production", Version.of(2), Version.of(3), 10);
        assertThat(canary.secondaryVersion()).as("canary.secondaryVersion()").contains(Version.of(3));
        long toThree = IntStream.range(0, 2_000)
                .filter(i -> repository.resolve(db, "production").version().equals(Version.of(3))).count();
        assertThat(toThree).as("resolutions of 2,000 that went to version 3").isBetween(140L, 260L);
        List<String> stickyOnThree = IntStream.range(0, 500).mapToObj(i -> "user-" + i)
                .filter(key -> repository.resolve(db, "production", key).version().equals(Version.of(3))).toList();

        repository.putAlias(db, "production", Version.of(2), Version.of(3), 50);
        assertThat(stickyOnThree).allSatisfy(key ->
                assertThat(repository.resolve(db, "production", key).version()).isEqualTo(Version.of(3)));

        Alias allOnThree = repository.putAlias(db, "production", Version.of(3));
        assertThat(allOnThree.secondaryVersion()).as("allOnThree.secondaryVersion()").isEmpty();
        assertThat(allOnThree.secondaryVersionWeight()).as("allOnThree.secondaryVersionWeight()").isZero();
        assertThat(repository.resolve(db, "production", "user-1").version()).isEqualTo(Version.of(3));

        Alias rolledBack = repository.putAlias(db, "production", Version.of(2));
        assertThat(repository.resolve(db, "production").version()).isEqualTo(Version.of(2));
        assertThat(repository.getContent(db, rolledBack.version())).isEqualTo(second);

        List<AliasChange> history = repository.getAliasHistory(db, "production");
        AliasTarget one = AliasTarget.of(Version.of(1));
        AliasTarget two = AliasTarget.of(Version.of(2));
        AliasTarget three = AliasTarget.of(Version.of(3));
        AliasTarget tenPercent = new AliasTarget(Version.of(2), Optional.of(Version.of(3)), 10);
        AliasTarget fiftyPercent = new AliasTarget(Version.of(2), Optional.of(Version.of(3)), 50);
        assertThat(history).extracting(AliasChange::current).containsExactly(Optional.of(two), Optional.of(three),
                Optional.of(fiftyPercent), Optional.of(tenPercent), Optional.of(two), Optional.of(one));
        assertThat(history).extracting(AliasChange::previous).containsExactly(Optional.of(three),
                Optional.of(fiftyPercent), Optional.of(tenPercent), Optional.of(two), Optional.of(one),
                Optional.empty());
        assertThat(history.get(0).revision()).as("history.get(0).revision()").isEqualTo(rolledBack.revision());
        assertDescending(history);

        clock.advance(Duration.ofDays(30));
        PurgeResult purge = repository.purgeArtifactVersions(db, 1, Duration.ofDays(7));

        assertThat(purge.purged()).as("purge.purged()").containsExactly(Version.of(1));
        assertThat(purge.keptByAlias()).as("purge.keptByAlias()").containsExactly(Version.of(2));
        assertThat(purge.dryRun()).as("purge.dryRun()").isFalse();
        assertThat(repository.listArtifactVersions(db)).extracting(Artifact::version)
                .containsExactly(Version.LATEST, Version.of(3), Version.of(2));
        assertThatThrownBy(() -> repository.getContent(db, Version.of(1)),
                "%s must throw %s", "repository.getContent(db, Version.of(1))", "ArtifactNotFoundException")
                .isExactlyInstanceOf(ArtifactNotFoundException.class);
        assertThat(ports.blobs().list(db + "/")).doesNotContain(db + "/000001");
        assertThat(repository.getContent(db, Version.of(2))).as("repository.getContent(db, Version.of(2))")
                .isEqualTo(second);
        assertThat(repository.getContent(db, Version.of(3))).as("repository.getContent(db, Version.of(3))")
                .isEqualTo(third);
        assertThat(repository.getContent(db, Version.LATEST)).as("repository.getContent(db, Version.LATEST)")
                .isEqualTo(third);
        assertThat(repository.getContent(db, repository.resolve(db, "production").version())).isEqualTo(second);
        assertThat(repository.getContent(db, repository.resolve(db, "staging").version())).isEqualTo(second);
    }

    private void publishThree() {
        for (int i = 1; i <= 3; i++) {
            repository.putArtifact(APP, Content.utf8("v" + i));
            repository.publishArtifactVersion(APP);
        }
    }

    private void assertStored(Artifact artifact, String name, byte[] bytes, String contentType,
                              Map<String, String> metadata) {
        assertThat(artifact.name()).as("artifact.name()").isEqualTo(name);
        assertThat(artifact.version()).as("artifact.version()").isEqualTo(Version.LATEST);
        assertThat(artifact.sha256()).as("artifact.sha256()").isEqualTo(Content.sha256(bytes)).matches("[0-9a-f]{64}");
        assertThat(artifact.size()).as("artifact.size()").isEqualTo(bytes.length);
        assertThat(artifact.contentType()).as("artifact.contentType()").isEqualTo(contentType);
        assertThat(artifact.metadata()).as("artifact.metadata()").isEqualTo(metadata);
        assertThat(artifact.uri()).isNotBlank();
        assertThat(repository.getArtifactVersion(name)).as("repository.getArtifactVersion(name)").isEqualTo(artifact);
        assertThat(repository.getContent(name, Version.LATEST)).as("repository.getContent(name, Version.LATEST)")
                .isEqualTo(bytes);
    }

    private static void assertDescending(List<AliasChange> history) {
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).revision()).isLessThan(history.get(i - 1).revision());
            assertThat(history.get(i).time()).isBeforeOrEqualTo(history.get(i - 1).time());
        }
    }

    private String blobKey(String name, Version version) {
        return ports.metadata().getVersion(name, version).orElseThrow().blobKey();
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = new ArrayList<>();
            files.forEach(file -> names.add(file.getFileName().toString()));
            return names;
        }
    }

    private StoreSnapshot snapshot() {
        return StoreSnapshot.of(ports, List.of(APP, OTHER, GHOST), List.of(PROD, CANARY));
    }

    @Test
    void closeMayBeRepeated() {
        repository.putArtifact("closing", Content.utf8("bytes"));

        assertThatCode(repository::close).doesNotThrowAnyException();
        assertThatCode(repository::close).doesNotThrowAnyException();
    }
}
