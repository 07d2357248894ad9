package io.versioned.aws;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.adapter.s3only.S3OnlyMetadataPort;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.tck.RepositoryFixture;
import io.versioned.tck.StorePorts;
import io.versioned.tck.TestClock;
import io.versioned.testsupport.RequestCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Counts the S3 requests each public operation of the S3-only backend sends on a warmed-up repository, by operation
 * name, and holds them to the budget below ({@link #BUDGET}) and to the table "Requests per repository operation"
 * of {@code docs/s3-only.md}, so that the documentation and the code cannot drift apart. The operations are those
 * of {@link RoundTripScript}, the same as the S3 + DynamoDB backend's {@link RoundTripTest}.
 *
 * <p>Both ports count into one counter: the blob port on its own client, configured with the features AWS S3 has
 * (conditional CopyObject, tagging), and the metadata port on a client with {@code LinearizableIfMatch}. One row
 * measures the fallback for S3-compatible stores without a conditional CopyObject (s3proxy, probed as such).
 *
 * <p>The reads of one artifact cost the same whatever its number of versions and aliases: checked with 3 and with
 * 50 of each ({@code listArtifactVersions} lists the version documents and reads only those that changed since the
 * repository object read them: none here).
 */
class S3OnlyRoundTripTest {

    private static final Path DOC = Path.of("..", "docs", "s3-only.md");
    private static final String TABLE = "## Requests per repository operation";

    /** The expected requests of every documented row, by S3 operation name. */
    private static final Map<String, RequestCounts> BUDGET = Map.ofEntries(
            entry("put (first put of a new artifact)", s3("GetObject", "ListObjectsV2", "PutObject", "PutObject",
                    "GetObject", "ListObjectsV2", "PutObject", "PutObject")),
            entry("put (new content, byte[])", s3("GetObject", "PutObject", "GetObject", "PutObject", "DeleteObject")),
            entry("put (unchanged content)", s3("GetObject")),
            entry("put (InputStream)", s3("GetObject", "PutObject", "GetObject", "PutObject", "DeleteObject")),
            entry("put (InputStream, unchanged content)", s3("GetObject", "PutObject", "DeleteObject")),
            entry("publish", s3("ListObjectsV2", "GetObject", "PutObject", "HeadObject", "CopyObject", "GetObject",
                    "PutObject")),
            entry("publish (S3-compatible store without conditional CopyObject)",
                    s3("ListObjectsV2", "GetObject", "GetObject", "GetObject", "PutObject", "HeadObject",
                            "CreateMultipartUpload", "UploadPartCopy", "CompleteMultipartUpload", "GetObject",
                            "PutObject")),
            entry("publish (unchanged LATEST)", s3("ListObjectsV2", "GetObject")),
            entry("getArtifactVersion", s3("GetObject")),
            entry("listArtifactVersions", s3("ListObjectsV2")),
            entry("getContent", s3("GetObject", "GetObject")),
            entry("putAlias (new alias)", s3("GetObject", "GetObject", "GetObject", "GetObject", "PutObject",
                    "GetObject", "PutObject", "GetObject", "PutObject")),
            entry("putAlias (switch)", s3("GetObject", "GetObject", "GetObject", "GetObject", "PutObject", "GetObject",
                    "PutObject", "GetObject", "PutObject")),
            entry("putAlias (canary with secondary)", s3("GetObject", "GetObject", "GetObject", "GetObject", "GetObject",
                    "PutObject", "GetObject", "PutObject", "GetObject", "PutObject", "GetObject", "PutObject")),
            entry("getAlias", s3("GetObject")),
            entry("getAlias (alias to LATEST)", s3("GetObject", "GetObject")),
            entry("listAliases", s3("GetObject", "GetObject")),
            entry("resolve", s3("GetObject")),
            entry("resolve with key", s3("GetObject")),
            entry("resolve (alias to LATEST)", s3("GetObject", "GetObject")),
            entry("resolveContent", s3("GetObject", "GetObject")),
            entry("resolveContent (alias to LATEST)", s3("GetObject", "GetObject", "GetObject")),
            entry("deleteArtifactVersion", s3("GetObject", "GetObject", "GetObject", "PutObject")),
            entry("deleteAlias", s3("GetObject", "GetObject", "GetObject", "PutObject", "GetObject", "PutObject")),
            entry("getAliasHistory", s3("GetObject")),
            entry("purgeArtifactVersions (per call)", s3("ListObjectsV2", "GetObject", "GetObject", "GetObject",
                    "PutObject")),
            entry("purgeArtifactVersions (per purged version)", s3("DeleteObject")));

    /** The reads whose cost must not grow with the number of versions and aliases, and that cost. */
    private static final Map<String, RequestCounts> CONSTANT_READS = Map.of(
            "getArtifactVersion", s3("GetObject"),
            "getArtifactVersion (LATEST)", s3("GetObject"),
            "getAlias", s3("GetObject"),
            "resolve", s3("GetObject"),
            "resolve with key", s3("GetObject"),
            "listArtifactVersions", s3("ListObjectsV2"),
            "listAliases", s3("GetObject"));

    private final RequestCounter requests = new RequestCounter();
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private S3Client blobClient;
    private S3Client metadataClient;
    private S3OnlyRepositoryConfig config;
    private Repository repository;

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @BeforeEach
    void createWarmRepository() {
        blobClient = AwsTestStores.newS3Client(requests);
        metadataClient = S3OnlyTestStores.newMetadataClient(requests);
        config = S3OnlyTestStores.localConfig().build();
        repository = RepositoryFixture.repository(new StorePorts(
                new S3BlobPort(blobClient, RoundTripScript.asOnAwsS3(config.s3BlobConfig())),
                new S3OnlyMetadataPort(metadataClient, config.bucket(), config.prefix())), clock);
        RoundTripScript.warmUp(repository);
    }

    @AfterEach
    void closeClients() {
        blobClient.close();
        metadataClient.close();
    }

    @Test
    void everyOperationSendsExactlyTheBudgetedAndDocumentedRequests() throws IOException {
        Map<String, RequestCounts> measured = new RoundTripScript<>(repository, clock, this::measure,
                RequestCounts::minus).measureEveryOperation();
        measured.put("publish (S3-compatible store without conditional CopyObject)", publishWithoutConditionalCopy());

        DocumentedRequests.assertAgree(measured, BUDGET, DOC, TABLE, counts -> List.of(counts.total()));
    }

    @Test
    void readsCostTheSameWithThreeAndWithFiftyVersionsAndAliases() {
        publishWithAliases("few", 3);
        publishWithAliases("many", 50);

        Map<String, RequestCounts> few = measureReads("few", 3);
        Map<String, RequestCounts> many = measureReads("many", 50);

        assertThat(many).as("requests of the reads of an artifact with 50 versions and 50 aliases")
                .isEqualTo(few).isEqualTo(CONSTANT_READS);
    }

    /** A publish through an S3 port that probed s3proxy and found no conditional CopyObject. */
    private RequestCounts publishWithoutConditionalCopy() {
        StorePorts probed = S3OnlyTestStores.ports(config, blobClient, metadataClient);
        return RoundTripScript.publishOn(RepositoryFixture.repository(probed, clock), this::measure);
    }

    /**
     * Publishes {@code count} versions of {@code name}, and aliases {@code a1}..{@code a<count>}: {@code a<i>} on
     * version i, with 10 % to version i - 1 from {@code a2} on.
     */
    private void publishWithAliases(String name, int count) {
        repository.putArtifact(name, RoundTripScript.bytes(name + " 1"));
        repository.putAlias(name, "a1", repository.publishArtifactVersion(name).version());
        for (int i = 2; i <= count; i++) {
            repository.putArtifact(name, RoundTripScript.bytes(name + " " + i));
            repository.publishArtifactVersion(name);
            repository.putAlias(name, "a" + i, Version.of(i), Version.of(i - 1), 10);
        }
    }

    private RequestCounts measure(Runnable operation) {
        return new RequestCounts(requests.measure(operation));
    }

    private Map<String, RequestCounts> measureReads(String name, int count) {
        Map<String, RequestCounts> measured = new LinkedHashMap<>();
        measured.put("getArtifactVersion", measure(() -> repository.getArtifactVersion(name, Version.of(2))));
        measured.put("getArtifactVersion (LATEST)", measure(() -> repository.getArtifactVersion(name)));
        measured.put("getAlias", measure(() -> repository.getAlias(name, "a2")));
        measured.put("resolve", measure(() -> repository.resolve(name, "a2")));
        measured.put("resolve with key", measure(() -> repository.resolve(name, "a2", "user-42")));
        measured.put("listArtifactVersions", measure(() ->
                assertThat(repository.listArtifactVersions(name)).hasSize(count + 1)));
        measured.put("listAliases", measure(() -> assertThat(repository.listAliases(name)).hasSize(count)));
        return measured;
    }

    private static RequestCounts s3(String... operations) {
        return RequestCounts.of(operations);
    }
}
