package io.versioned.aws;

import static java.util.Map.entry;

import io.versioned.adapter.s3.FeatureSupport;
import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.tck.RepositoryFixture;
import io.versioned.tck.StorePorts;
import io.versioned.tck.TestClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Counts the HTTP requests each public operation sends to S3 and to DynamoDB on a warmed-up repository, by operation
 * name, and holds them to two references: the budget below ({@link #BUDGET}, exact requests per operation name) and
 * the table of {@code docs/round-trips.md} (requests per service and in total), so that the documentation and the
 * code cannot drift apart.
 *
 * <p>The S3 port is configured with the features AWS S3 has (conditional CopyObject, tagging), so the counts are
 * those of AWS S3; s3proxy accepts the same requests. One row measures the fallback for S3-compatible stores without
 * a conditional CopyObject (s3proxy, probed as such).
 */
class RoundTripTest {

    private static final Path DOC = Path.of("..", "docs", "round-trips.md");
    private static final String APP = "app";

    /** The expected requests of every documented row, by service and operation name. */
    private static final Map<String, Cost> BUDGET = Map.ofEntries(
            entry("put (first put of a new artifact)",
                    cost(s3("PutObject"), dynamoDb("GetItem", "PutItem", "PutItem"))),
            entry("put (new content, byte[])", cost(s3("PutObject", "DeleteObject"), dynamoDb("GetItem", "PutItem"))),
            entry("put (unchanged content)", cost(s3(), dynamoDb("GetItem"))),
            entry("put (InputStream)", cost(s3("PutObject", "DeleteObject"), dynamoDb("GetItem", "PutItem"))),
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
            entry("getContent", cost(s3("GetObject"), dynamoDb("GetItem"))),
            entry("putAlias (new alias)",
                    cost(s3(), dynamoDb("GetItem", "Query", "GetItem", "PutItem", "PutItem", "PutItem"))),
            entry("putAlias (switch)", cost(s3(), dynamoDb("GetItem", "GetItem", "PutItem", "PutItem", "PutItem"))),
            entry("putAlias (canary with secondary)",
                    cost(s3(), dynamoDb("GetItem", "GetItem", "GetItem", "PutItem", "PutItem", "PutItem", "PutItem"))),
            entry("getAlias", cost(s3(), dynamoDb("GetItem"))),
            entry("getAlias (alias to LATEST)", cost(s3(), dynamoDb("GetItem", "GetItem"))),
            entry("resolve", cost(s3(), dynamoDb("GetItem", "GetItem"))),
            entry("resolve with key", cost(s3(), dynamoDb("GetItem", "GetItem"))),
            entry("deleteArtifactVersion", cost(s3(), dynamoDb("GetItem", "Query", "PutItem"))),
            entry("deleteAlias", cost(s3(), dynamoDb("GetItem", "DeleteItem", "PutItem"))),
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
        S3BlobConfig asOnAwsS3 = config.s3BlobConfig().toBuilder()
                .conditionalCopySupport(FeatureSupport.ENABLED)
                .taggingSupport(FeatureSupport.ENABLED)
                .build();
        repository = RepositoryFixture.repository(AwsTestStores.ports(asOnAwsS3, config.table(), s3, dynamoDb), clock);
        repository.putArtifact(APP, bytes("v1"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, bytes("v2"));
        repository.publishArtifactVersion(APP);
        repository.putAlias(APP, "prod", Version.of(1));
        repository.getContent(APP, Version.of(1));
    }

    @AfterEach
    void closeClients() {
        s3.close();
        dynamoDb.close();
    }

    @Test
    void everyOperationSendsExactlyTheBudgetedAndDocumentedRequests() throws IOException {
        Map<String, Cost> measured = measureEveryOperation();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(new TreeMap<>(measured)).as("requests per operation, by operation name")
                .isEqualTo(new TreeMap<>(BUDGET));
        Map<String, List<Integer>> documented = documentedCounts();
        softly.assertThat(documented.keySet()).as("operations in " + DOC)
                .containsExactlyInAnyOrderElementsOf(measured.keySet());
        measured.forEach((operation, cost) -> softly.assertThat(documented.get(operation))
                .as("[S3, DynamoDB, total] requests of '%s' as documented in %s (actual) and as measured (expected)",
                        operation, DOC)
                .isEqualTo(List.of(cost.s3Total(), cost.dynamoDbTotal(), cost.s3Total() + cost.dynamoDbTotal())));
        softly.assertAll();
    }

    private Map<String, Cost> measureEveryOperation() {
        Map<String, Cost> measured = new LinkedHashMap<>();
        measured.put("put (first put of a new artifact)", measure(() -> repository.putArtifact("other", bytes("o"))));
        measured.put("put (new content, byte[])", measure(() -> repository.putArtifact(APP, bytes("v3"))));
        measured.put("put (unchanged content)", measure(() -> repository.putArtifact(APP, bytes("v3"))));
        measured.put("put (InputStream)", measure(() -> repository.putArtifact(APP, stream("v4"),
                PutOptions.none())));
        measured.put("put (InputStream, unchanged content)", measure(() -> repository.putArtifact(APP, stream("v4"),
                PutOptions.none())));
        measured.put("publish", measure(() -> repository.publishArtifactVersion(APP)));
        measured.put("publish (unchanged LATEST)", measure(() -> repository.publishArtifactVersion(APP)));
        measured.put("getArtifactVersion", measure(() -> repository.getArtifactVersion(APP, Version.of(3))));
        measured.put("listArtifactVersions", measure(() -> repository.listArtifactVersions(APP)));
        measured.put("getContent", measure(() -> repository.getContent(APP, Version.of(3))));
        measured.put("putAlias (new alias)", measure(() -> repository.putAlias(APP, "staging", Version.of(2))));
        measured.put("putAlias (switch)", measure(() -> repository.putAlias(APP, "prod", Version.of(2))));
        measured.put("putAlias (canary with secondary)",
                measure(() -> repository.putAlias(APP, "prod", Version.of(2), Version.of(3), 10)));
        measured.put("getAlias", measure(() -> repository.getAlias(APP, "prod")));
        repository.putAlias(APP, "edge", Version.LATEST);
        measured.put("getAlias (alias to LATEST)", measure(() -> repository.getAlias(APP, "edge")));
        measured.put("resolve", measure(() -> repository.resolve(APP, "prod")));
        measured.put("resolve with key", measure(() -> repository.resolve(APP, "prod", "user-42")));
        measured.put("deleteArtifactVersion", measure(() -> repository.deleteArtifactVersion(APP, Version.of(1))));
        measured.put("deleteAlias", measure(() -> repository.deleteAlias(APP, "staging")));
        measured.put("getAliasHistory", measure(() -> repository.getAliasHistory(APP, "prod")));
        publish("purge-one", 2);
        publish("purge-two", 3);
        clock.advance(Duration.ofDays(30));
        Cost purgeOne = measure(() -> repository.purgeArtifactVersions("purge-one", 1, Duration.ofDays(7)));
        Cost purgeTwo = measure(() -> repository.purgeArtifactVersions("purge-two", 1, Duration.ofDays(7)));
        Cost perVersion = purgeTwo.minus(purgeOne);
        measured.put("purgeArtifactVersions (per call)", purgeOne.minus(perVersion));
        measured.put("purgeArtifactVersions (per purged version)", perVersion);
        measured.put("publish (S3-compatible store without conditional CopyObject)", publishWithoutConditionalCopy());
        return measured;
    }

    /** A publish through an S3 port that probed s3proxy and found no conditional CopyObject. */
    private Cost publishWithoutConditionalCopy() {
        StorePorts probed = AwsTestStores.ports(config.s3BlobConfig(), config.table(), s3, dynamoDb);
        Repository fallback = RepositoryFixture.repository(probed, clock);
        fallback.putArtifact("fallback", bytes("f1"));
        fallback.publishArtifactVersion("fallback");
        fallback.putArtifact("fallback", bytes("f2"));
        return measure(() -> fallback.publishArtifactVersion("fallback"));
    }

    private void publish(String name, int versions) {
        for (int i = 1; i <= versions; i++) {
            repository.putArtifact(name, bytes(name + " " + i));
            repository.publishArtifactVersion(name);
        }
    }

    private Cost measure(Runnable operation) {
        s3Requests.clear();
        dynamoDbRequests.clear();
        operation.run();
        return new Cost(s3Requests.counts(), dynamoDbRequests.counts());
    }

    /**
     * The rows of the table in {@code docs/round-trips.md}: operation → S3, DynamoDB and total requests. A row is a
     * line starting with {@code |} whose second, third and fourth cells are numbers.
     */
    private static Map<String, List<Integer>> documentedCounts() throws IOException {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            String[] cells = line.trim().split("\\|", -1);
            if (!line.trim().startsWith("|") || cells.length < 6 || !cells[2].trim().matches("\\d+")) {
                continue;
            }
            rows.put(cells[1].trim(), Arrays.stream(cells, 2, 5).map(cell -> Integer.valueOf(cell.trim())).toList());
        }
        return rows;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(bytes(text));
    }

    private static Cost cost(Map<String, Integer> s3, Map<String, Integer> dynamoDb) {
        return new Cost(s3, dynamoDb);
    }

    private static Map<String, Integer> s3(String... operations) {
        return counted(operations);
    }

    private static Map<String, Integer> dynamoDb(String... operations) {
        return counted(operations);
    }

    private static Map<String, Integer> counted(String... operations) {
        Map<String, Integer> counts = new TreeMap<>();
        Arrays.stream(operations).forEach(operation -> counts.merge(operation, 1, Integer::sum));
        return counts;
    }

    /**
     * Requests by operation name, per service.
     *
     * @param s3       S3 operation → requests
     * @param dynamoDb DynamoDB operation → requests
     */
    private record Cost(Map<String, Integer> s3, Map<String, Integer> dynamoDb) {

        Cost {
            s3 = Map.copyOf(s3);
            dynamoDb = Map.copyOf(dynamoDb);
        }

        int s3Total() {
            return s3.values().stream().mapToInt(Integer::intValue).sum();
        }

        int dynamoDbTotal() {
            return dynamoDb.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** This cost less {@code other}, operation by operation. */
        Cost minus(Cost other) {
            return new Cost(difference(s3, other.s3), difference(dynamoDb, other.dynamoDb));
        }

        private static Map<String, Integer> difference(Map<String, Integer> a, Map<String, Integer> b) {
            Map<String, Integer> result = new TreeMap<>(a);
            b.forEach((operation, count) -> result.merge(operation, -count, Integer::sum));
            result.values().removeIf(count -> count == 0);
            return result;
        }
    }
}
