package io.versioned.aws;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Repository;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Counts the HTTP requests each public operation sends to S3 and to DynamoDB on a warmed-up repository, by operation
 * name, and holds them to two references: the budget below ({@link #BUDGET}, exact requests per operation name) and
 * the table of {@code docs/round-trips.md} (requests per service and in total), so that the documentation and the
 * code cannot drift apart. The operations are those of {@link RoundTripScript}.
 *
 * <p>The S3 port is configured with the features AWS S3 has (conditional CopyObject, tagging), so the counts are
 * those of AWS S3; s3proxy accepts the same requests. One row measures the fallback for S3-compatible stores without
 * a conditional CopyObject (s3proxy, probed as such).
 */
class RoundTripTest {

    private static final Path DOC = Path.of("..", "docs", "round-trips.md");
    private static final String TABLE = "# Round trips per operation: S3 + DynamoDB";

    /** The expected requests of every documented row, by service and operation name. */
    private static final Map<String, Cost> BUDGET = Map.ofEntries(
            entry("put (first put of a new artifact)",
                    cost(s3("PutObject", "CopyObject"), dynamoDb("GetItem", "PutItem", "PutItem"))),
            entry("put (new content, byte[])",
                    cost(s3("PutObject", "CopyObject", "DeleteObject"), dynamoDb("GetItem", "PutItem"))),
            entry("put (new content, not shared with the Python library)",
                    cost(s3("PutObject", "DeleteObject"), dynamoDb("GetItem", "PutItem"))),
            entry("put (unchanged content)", cost(s3(), dynamoDb("GetItem"))),
            entry("put (InputStream)",
                    cost(s3("PutObject", "CopyObject", "DeleteObject"), dynamoDb("GetItem", "PutItem"))),
            entry("put (InputStream, unchanged content)",
                    cost(s3("PutObject", "DeleteObject"), dynamoDb("GetItem"))),
            entry("publish", cost(s3("HeadObject", "CopyObject"),
                    dynamoDb("Query", "UpdateItem", "PutItem"))),
            entry("publish (S3-compatible store without conditional CopyObject)",
                    cost(s3("HeadObject", "CreateMultipartUpload", "UploadPartCopy", "CompleteMultipartUpload"),
                            dynamoDb("Query", "UpdateItem", "PutItem"))),
            entry("publish (unchanged LATEST)", cost(s3(), dynamoDb("Query"))),
            entry("getArtifactVersion", cost(s3(), dynamoDb("GetItem"))),
            entry("listArtifactVersions", cost(s3(), dynamoDb("Query"))),
            entry("listArtifactNames", cost(s3("ListObjectsV2"), dynamoDb())),
            entry("listArtifactNames (not shared with the Python library)", cost(s3(), dynamoDb("Query"))),
            entry("getContent", cost(s3("GetObject"), dynamoDb("GetItem"))),
            entry("putAlias (new alias)",
                    cost(s3(), dynamoDb("GetItem", "Query", "GetItem", "PutItem", "PutItem", "PutItem"))),
            entry("putAlias (switch)",
                    cost(s3(), dynamoDb("GetItem", "Query", "GetItem", "PutItem", "PutItem", "PutItem"))),
            entry("putAlias (canary with secondary)",
                    cost(s3(), dynamoDb("GetItem", "Query", "GetItem", "GetItem", "PutItem", "PutItem", "PutItem",
                            "PutItem"))),
            entry("getAlias", cost(s3(), dynamoDb("GetItem"))),
            entry("getAlias (alias to LATEST)", cost(s3(), dynamoDb("GetItem", "GetItem"))),
            entry("listAliases", cost(s3(), dynamoDb("Query", "GetItem"))),
            entry("resolve", cost(s3(), dynamoDb("GetItem"))),
            entry("resolve with key", cost(s3(), dynamoDb("GetItem"))),
            entry("resolve (alias to LATEST)", cost(s3(), dynamoDb("GetItem", "GetItem"))),
            entry("resolveContent", cost(s3("GetObject"), dynamoDb("GetItem"))),
            entry("resolveContent (alias to LATEST)", cost(s3("GetObject"), dynamoDb("GetItem", "GetItem"))),
            entry("deleteArtifactVersion", cost(s3(), dynamoDb("GetItem", "Query", "PutItem"))),
            entry("deleteAlias", cost(s3(), dynamoDb("GetItem", "Query", "DeleteItem", "PutItem"))),
            entry("getAliasHistory", cost(s3(), dynamoDb("Query"))),
            entry("purgeArtifactVersions (per call)", cost(s3(), dynamoDb("Query", "Query"))),
            entry("purgeArtifactVersions (per purged version)",
                    cost(s3("DeleteObject"), dynamoDb("DeleteItem"))));

    private final RequestCounter s3Requests = new RequestCounter();
    private final RequestCounter dynamoDbRequests = new RequestCounter();
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private S3Client s3;
    private DynamoDbClient dynamoDb;
    private AwsRepositoryConfig config;
    private Repository repository;

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @BeforeEach
    void createWarmRepository() {
        s3 = AwsTestStores.newS3Client(s3Requests);
        dynamoDb = AwsTestStores.newDynamoDbClient(dynamoDbRequests);
        config = AwsTestStores.localConfig().build();
        repository = RepositoryFixture.repository(
                AwsTestStores.ports(RoundTripScript.asOnAwsS3(config.s3BlobConfig()), config.table(), s3, dynamoDb),
                clock);
        RoundTripScript.warmUp(repository);
    }

    @AfterEach
    void closeClients() {
        s3.close();
        dynamoDb.close();
    }

    @Test
    void everyOperationSendsExactlyTheBudgetedAndDocumentedRequests() throws IOException {
        Map<String, Cost> measured = new RoundTripScript<>(repository, clock, this::measure, Cost::minus)
                .measureEveryOperation();
        measured.put("publish (S3-compatible store without conditional CopyObject)", publishWithoutConditionalCopy());
        measured.put("listArtifactNames", measure(repository::listArtifactNames));
        measured.putAll(notSharedWithPython());

        DocumentedRequests.assertAgree(measured, BUDGET, DOC, TABLE, cost -> List.of(cost.s3().total(),
                cost.dynamoDb().total(), cost.s3().total() + cost.dynamoDb().total()));
    }

    /** A publish through an S3 port that probed s3proxy and found no conditional CopyObject. */
    private Cost publishWithoutConditionalCopy() {
        StorePorts probed = AwsTestStores.ports(config.s3BlobConfig(), config.table(), s3, dynamoDb);
        return RoundTripScript.publishOn(RepositoryFixture.repository(probed, clock), this::measure);
    }

    /**
     * The rows of a repository no process of the Python library reads ({@code sharedWithPython(false)}): a put of
     * new content sends no CopyObject to {@code {name}/LATEST}, and the names come from the name index in DynamoDB.
     */
    private Map<String, Cost> notSharedWithPython() {
        AwsRepositoryConfig own = AwsTestStores.localConfig().sharedWithPython(false).build();
        Repository notShared = RepositoryFixture.repository(AwsTestStores.ports(
                RoundTripScript.asOnAwsS3(own.s3BlobConfig()), own.table(), s3, dynamoDb), clock);
        notShared.putArtifact(RoundTripScript.APP, RoundTripScript.bytes("v1"));
        Map<String, Cost> rows = new LinkedHashMap<>();
        rows.put("put (new content, not shared with the Python library)",
                measure(() -> notShared.putArtifact(RoundTripScript.APP, RoundTripScript.bytes("v2"))));
        rows.put("listArtifactNames (not shared with the Python library)", measure(() ->
                assertThat(notShared.listArtifactNames()).containsExactly(RoundTripScript.APP)));
        assertThat(s3.listObjectsV2(request -> request.bucket(own.bucket()).prefix(own.prefix() + "/")).contents())
                .extracting(S3Object::key).as("no copy of LATEST where the Python library reads it")
                .doesNotContain(own.prefix() + "/" + RoundTripScript.APP + "/LATEST").isNotEmpty();
        return rows;
    }

    private Cost measure(Runnable operation) {
        s3Requests.clear();
        dynamoDbRequests.clear();
        operation.run();
        return new Cost(new RequestCounts(s3Requests.counts()), new RequestCounts(dynamoDbRequests.counts()));
    }

    private static Cost cost(RequestCounts s3, RequestCounts dynamoDb) {
        return new Cost(s3, dynamoDb);
    }

    private static RequestCounts s3(String... operations) {
        return RequestCounts.of(operations);
    }

    private static RequestCounts dynamoDb(String... operations) {
        return RequestCounts.of(operations);
    }

    /**
     * Requests by operation name, per service.
     *
     * @param s3       the requests S3 received
     * @param dynamoDb the requests DynamoDB received
     */
    private record Cost(RequestCounts s3, RequestCounts dynamoDb) {

        /** This cost less {@code other}, service by service and operation by operation. */
        Cost minus(Cost other) {
            return new Cost(s3.minus(other.s3), dynamoDb.minus(other.dynamoDb));
        }
    }
}
