package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import io.versioned.testsupport.RequestCounter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The number of S3 requests each port method sends, counted at the SDK (docs/s3-only.md, "Requests per port
 * method"): reads of one record, of the aliases or of a history cost one GetObject whatever the number of versions,
 * aliases or history entries (checked with 3 and with 200 of each); a listing of the versions costs one
 * ListObjectsV2 and one GetObject per document (LATEST's, and one per block of 1000 numbers) that changed since the
 * port last read it; record writes cost one GetObject and one PutObject (deleteVersions one of each per block,
 * however many records it removes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCountTest {

    private static final Instant T = Instant.parse("2025-06-01T10:15:30.123456Z");
    private static final Map<String, Integer> ONE_GET = Map.of("GetObject", 1);
    private static final Map<String, Integer> GET_AND_PUT = Map.of("GetObject", 1, "PutObject", 1);
    private static final Map<String, Integer> LIST_AND_TWO_GETS = Map.of("ListObjectsV2", 1, "GetObject", 2);

    private final RequestCounter counter = new RequestCounter();
    private S3Client client;
    private String bucket;
    private S3OnlyMetadataPort port;

    @BeforeAll
    void createPortWithCountingClient() {
        client = TestStores.client(counter);
        bucket = TestStores.newBucket();
        port = new S3OnlyMetadataPort(client, bucket, TestStores.PREFIX);
        populate("small", 3);
        populate("large", 200);
    }

    @AfterAll
    void closeClient() {
        client.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"small", "large"})
    void everyReadCostsOneGetObjectWhateverTheNumberOfRecords(String name) {
        int records = name.equals("small") ? 3 : 200;

        assertThat(counter.measure(() -> assertThat(port.getVersion(name, Version.of(2))).isPresent()))
                .isEqualTo(ONE_GET);
        assertThat(counter.measure(() -> assertThat(port.getVersion(name, Version.LATEST)).isPresent()))
                .isEqualTo(ONE_GET);
        assertThat(counter.measure(() -> assertThat(freshPort().listVersions(name)).hasSize(records + 1)))
                .isEqualTo(LIST_AND_TWO_GETS);
        assertThat(counter.measure(() -> assertThat(freshPort().newestVersions(name))
                .extracting(VersionRecord::version).containsExactly(Version.LATEST, Version.of(records))))
                .isEqualTo(LIST_AND_TWO_GETS);
        assertThat(counter.measure(() -> assertThat(port.getAlias(name, "alias2")).isPresent()))
                .isEqualTo(ONE_GET);
        assertThat(counter.measure(() -> assertThat(port.listAliases(name)).hasSize(records)))
                .isEqualTo(ONE_GET);
        assertThat(counter.measure(() -> assertThat(port.aliasHistory(name, "production", 1000)).hasSize(records)))
                .isEqualTo(ONE_GET);
        assertThat(counter.measure(() -> assertThat(port.aliasHistory(name, "production", 1)).hasSize(1)))
                .isEqualTo(ONE_GET);
    }

    @Test
    void listingsCostOneGetObjectPerBlockAndPublishReadsOnlyTheHighestBlocks() {
        port.createVersion(version("blocks", 0));
        for (int number : new int[] {1, 1001, 2001}) {
            port.createVersion(version("blocks", number));
        }
        port.updateVersion(version("blocks", 2001).withDeleted(true, T), 1);

        assertThat(counter.measure(() -> assertThat(freshPort().listVersions("blocks"))
                .extracting(VersionRecord::version)
                .containsExactly(Version.LATEST, Version.of(1), Version.of(1001), Version.of(2001))))
                .isEqualTo(Map.of("ListObjectsV2", 1, "GetObject", 4));
        assertThat(counter.measure(() -> assertThat(freshPort().newestVersions("blocks"))
                .extracting(VersionRecord::version).containsExactly(Version.LATEST, Version.of(2001), Version.of(1001))))
                .as("LATEST, the highest block (whose only record is deleted) and the one below it")
                .isEqualTo(Map.of("ListObjectsV2", 1, "GetObject", 3));
        Map<Version, Long> twoBlocks = new LinkedHashMap<>();
        twoBlocks.put(Version.of(1), 1L);
        twoBlocks.put(Version.of(1001), 1L);
        assertThat(counter.measure(() -> assertThat(port.deleteVersions("blocks", twoBlocks)).hasSize(2)))
                .as("deleteVersions of records in two blocks").isEqualTo(Map.of("GetObject", 2, "PutObject", 2));
    }

    @Test
    void aListingReadsAgainOnlyTheDocumentsThatChangedSinceThePortReadThem() {
        port.createVersion(version("warm", 0));
        port.createVersion(version("warm", 1));
        port.createVersion(version("warm", 1001));
        assertThat(port.listVersions("warm")).hasSize(3);

        assertThat(counter.measure(() -> assertThat(port.listVersions("warm")).hasSize(3)))
                .as("nothing changed").isEqualTo(Map.of("ListObjectsV2", 1));
        port.updateVersion(version("warm", 1).withDeleted(true, T), 1);
        S3OnlyMetadataPort other = freshPort();
        other.updateVersion(version("warm", 0).withDeleted(true, T), 1);
        assertThat(counter.measure(() -> assertThat(port.listVersions("warm")).extracting(VersionRecord::deleted)
                .containsExactly(true, true, false)))
                .as("LATEST's document changed by another port and block 999 by this one")
                .isEqualTo(Map.of("ListObjectsV2", 1, "GetObject", 2));
        assertThat(counter.measure(() -> assertThat(port.newestVersions("warm")).hasSize(2)))
                .isEqualTo(Map.of("ListObjectsV2", 1));
    }

    @Test
    void readsOfAnUnknownArtifactCostOneRequest() {
        assertThat(counter.measure(() -> assertThat(port.listVersions("unknown")).isEmpty()))
                .isEqualTo(Map.of("ListObjectsV2", 1));
        assertThat(counter.measure(() -> assertThat(port.getVersion("unknown", Version.LATEST)).isEmpty()))
                .as("a record that is absent is looked for in the listing too, for an artifact of an earlier format")
                .isEqualTo(Map.of("GetObject", 1, "ListObjectsV2", 1));
        assertThat(counter.measure(() -> assertThat(port.listAliases("unknown")).isEmpty())).isEqualTo(ONE_GET);
    }

    @Test
    void everyUncontendedRecordWriteCostsOneGetObjectAndOnePutObject() {
        VersionRecord record = version("writes", 1);
        assertThat(counter.measure(() -> port.createVersion(record)))
                .as("the artifact's first document: the listing, the index, then the document")
                .isEqualTo(Map.of("GetObject", 1, "ListObjectsV2", 1, "PutObject", 2));
        assertThat(counter.measure(() -> port.createVersion(version("writes", 1001))))
                .as("a block's first document: the listing, then the document")
                .isEqualTo(Map.of("GetObject", 1, "ListObjectsV2", 1, "PutObject", 1));
        assertThat(counter.measure(() -> port.createVersion(version("writes", 2)))).isEqualTo(GET_AND_PUT);
        assertThat(counter.measure(() -> port.updateVersion(record.withDeleted(true, T), 1))).isEqualTo(GET_AND_PUT);
        assertThat(counter.measure(() -> port.deleteVersion("writes", Version.of(1), 2))).isEqualTo(GET_AND_PUT);
        assertThat(counter.measure(() -> port.deleteVersion("writes", Version.of(1), 2))).isEqualTo(ONE_GET);
        assertThat(counter.measure(() -> port.allocateVersionNumber("writes", 0))).isEqualTo(GET_AND_PUT);
        assertThat(counter.measure(() -> port.allocateVersionNumber("writes", 0))).isEqualTo(GET_AND_PUT);
        AliasRecord alias = new AliasRecord("writes", "production", T, AliasTarget.of(Version.of(1)), 1);
        assertThat(counter.measure(() -> port.createAlias(alias))).isEqualTo(GET_AND_PUT);
        assertThat(counter.measure(() -> port.updateAlias(
                new AliasRecord("writes", "production", T, AliasTarget.of(Version.LATEST), 2), 1)))
                .isEqualTo(GET_AND_PUT);
        assertThat(counter.measure(() -> port.deleteAlias("writes", "production", 2))).isEqualTo(GET_AND_PUT);
        assertThat(counter.measure(() -> port.appendAliasHistory(change("writes", 1)))).isEqualTo(GET_AND_PUT);
    }

    @Test
    void theNameIndexCostsOneRequestPerCall() {
        assertThat(counter.measure(() -> port.registerArtifactName("indexed"))).isEqualTo(Map.of("PutObject", 1));
        assertThat(counter.measure(() -> port.registerArtifactName("indexed"))).isEqualTo(Map.of("PutObject", 1));
        assertThat(counter.measure(() -> assertThat(port.listArtifactNames()).contains("indexed", "large", "small")))
                .isEqualTo(Map.of("ListObjectsV2", 1));
    }

    @Test
    void deleteVersionsCostsOneGetObjectAndOnePutObjectHoweverManyRecordsItRemoves() {
        populate("purgedTogether", 50);
        Map<Version, Long> all = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 50).forEach(number -> all.put(Version.of(number), 1L));

        assertThat(counter.measure(() -> assertThat(port.deleteVersions("purgedTogether", all)).hasSize(50)))
                .as("requests of deleteVersions removing 50 records").isEqualTo(GET_AND_PUT);
        assertThat(port.listVersions("purgedTogether")).extracting(VersionRecord::version)
                .containsExactly(Version.LATEST);
        assertThat(counter.measure(() -> assertThat(port.deleteVersions("purgedTogether", all)).hasSize(50)))
                .as("requests of deleteVersions when every record is already absent").isEqualTo(ONE_GET);
    }

    @Test
    void purgeArtifactCostsOneListOneBulkDeleteAndOneDelete() {
        populate("purged", 3);
        port.allocateVersionNumber("purged", 0);

        assertThat(counter.measure(() -> port.purgeArtifact("purged")))
                .isEqualTo(Map.of("ListObjectsV2", 1, "DeleteObjects", 1, "DeleteObject", 1));
        assertThat(port.listVersions("purged")).isEmpty();
    }

    @Test
    void bootstrapOfAnExistingBucketCostsOneHeadBucket() {
        assertThat(counter.measure(port::bootstrap)).isEqualTo(Map.of("HeadBucket", 1));
    }

    /** A port of the same bucket that has read nothing yet. */
    private S3OnlyMetadataPort freshPort() {
        return new S3OnlyMetadataPort(client, bucket, TestStores.PREFIX);
    }

    /** LATEST plus {@code count} versions, {@code count} aliases, {@code count} history entries, the name. */
    private void populate(String name, int count) {
        port.registerArtifactName(name);
        port.createVersion(version(name, 0));
        for (int i = 1; i <= count; i++) {
            port.createVersion(version(name, i));
            port.createAlias(new AliasRecord(name, "alias" + i, T, AliasTarget.of(Version.of(i)), 1));
            port.appendAliasHistory(change(name, i));
        }
    }

    private static VersionRecord version(String name, int number) {
        Version version = new Version(number);
        return new VersionRecord(name, version, T, false, "ab".repeat(32), 1234, "application/octet-stream",
                Map.of("build", Integer.toString(number)), BlobKeys.of(name, version), Map.of(), 1);
    }

    private static AliasChange change(String name, long revision) {
        return new AliasChange(name, "production", revision, T.plusSeconds(revision), Optional.empty(),
                Optional.of(AliasTarget.of(Version.of((int) revision))));
    }
}
