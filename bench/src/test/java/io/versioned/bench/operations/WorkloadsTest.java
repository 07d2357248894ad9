package io.versioned.bench.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.bench.BenchServers;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Checks that the library and every baseline hold the same artifacts and that each timed operation does what its
 * row claims, so that a ratio compares like with like. No time is measured.
 */
class WorkloadsTest {

    private static final BenchServers SERVERS = new BenchServers();
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;

    @TempDir
    Path scratch;

    @BeforeAll
    static void connect() {
        s3 = SERVERS.s3().client();
        dynamoDb = SERVERS.dynamoDb().client();
    }

    @AfterAll
    static void disconnect() {
        s3.close();
        dynamoDb.close();
    }

    static Stream<Arguments> workloads() {
        return Stream.of(Backend.values())
                .flatMap(backend -> Stream.of(Side.values()).map(side -> Arguments.of(backend, side)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("workloads")
    void everyOperationWorksOnTheSameArtifacts(Backend backend, Side side) throws Exception {
        try (Workload workload = open(backend, side)) {
            assertThat(read(workload, Fixture.SMALL)).isEqualTo(Sha256.hex(Fixture.content(Fixture.SMALL_SIZE)));
            assertThat(read(workload, Fixture.LARGE)).isEqualTo(Sha256.hex(Fixture.content(Fixture.LARGE_SIZE)));
            assertThat(workload.listVersions()).as("LATEST and the listed versions")
                    .hasSize(Fixture.LISTED_VERSIONS + 1);
            assertThat(workload.put()).isNotEqualTo(workload.put());

            String before = read(workload, Fixture.SWITCH);
            workload.switchAlias();
            String switched = read(workload, Fixture.SWITCH);
            workload.switchAlias();
            assertThat(switched).isNotEqualTo(before);
            assertThat(read(workload, Fixture.SWITCH)).isEqualTo(before);
            workload.tidy();
            String tidied = read(workload, Fixture.SWITCH);
            workload.switchAlias();
            assertThat(read(workload, Fixture.SWITCH)).as("a switch after tidy()").isNotEqualTo(tidied);

            int publishes = isInProcess(backend) ? Fixture.PUBLISHES_PER_ARTIFACT + 2 : 2;
            for (int i = 0; i < publishes; i++) {
                workload.prepareLatest();
                assertThat(workload.publish()).isNotNull();
            }
        }
    }

    /** The SHA-256 of what resolve + read gives, short enough to show in a failure. */
    private static String read(Workload workload, String artifact) throws Exception {
        return Sha256.hex(workload.resolveAndRead(artifact));
    }

    private Workload open(Backend backend, Side side) throws Exception {
        return isInProcess(backend)
                ? InProcessWorkloads.open(backend, side, scratch)
                : HttpWorkloads.open(backend, side, SERVERS, s3, dynamoDb);
    }

    private static boolean isInProcess(Backend backend) {
        return backend == Backend.IN_MEMORY || backend == Backend.EMBEDDED;
    }
}
