package io.versioned.bench.operations;

import io.versioned.api.Repository;
import io.versioned.aws.AwsRepositoryConfig;
import io.versioned.aws.S3OnlyRepositoryConfig;
import io.versioned.aws.VersionedAws;
import io.versioned.bench.BenchServers;
import io.versioned.bench.ScratchStores;
import java.io.IOException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes the workloads of the HTTP backends on the local servers, each on a fresh bucket (and table): the library's
 * with {@code VersionedAws} as users make their repositories, bootstrapped; the baselines on the raw clients given.
 * Closing a workload deletes its bucket and table with those clients.
 */
final class HttpWorkloads {

    private HttpWorkloads() {
    }

    /**
     * The workload of {@code side} on {@code backend}, set up.
     *
     * @param s3       a raw client of the S3 server, the caller's to close after the workload
     * @param dynamoDb a raw client of the DynamoDB server, the caller's to close after the workload
     * @throws IllegalArgumentException if {@code backend} is not an HTTP backend
     */
    static Workload open(Backend backend, Side side, BenchServers servers, S3Client s3, DynamoDbClient dynamoDb)
            throws IOException {
        return switch (backend) {
            case S3_DYNAMODB -> side == Side.LIBRARY
                    ? awsLibrary(servers.awsConfig("operations"), s3, dynamoDb)
                    : new DynamoS3Baseline(s3, dynamoDb, servers.freshName("operations-raw"),
                            servers.freshName("operations-raw"));
            case S3_ONLY -> side == Side.LIBRARY
                    ? s3OnlyLibrary(servers.s3OnlyConfig("operations"), s3)
                    : new S3OnlyBaseline(s3, servers.freshName("operations-raw"));
            default -> throw new IllegalArgumentException("backend: not an HTTP backend: " + backend);
        };
    }

    private static Workload awsLibrary(AwsRepositoryConfig config, S3Client s3, DynamoDbClient dynamoDb)
            throws IOException {
        return LibraryWorkload.open(bootstrapped(VersionedAws.repository(config)), () -> {
            ScratchStores.deleteTable(dynamoDb, config.table());
            ScratchStores.deleteBucket(s3, config.bucket());
        });
    }

    private static Workload s3OnlyLibrary(S3OnlyRepositoryConfig config, S3Client s3) throws IOException {
        return LibraryWorkload.open(bootstrapped(VersionedAws.s3OnlyRepository(config)),
                () -> ScratchStores.deleteBucket(s3, config.bucket()));
    }

    private static Repository bootstrapped(Repository repository) {
        try {
            repository.bootstrap();
            return repository;
        } catch (RuntimeException e) {
            repository.close();
            throw e;
        }
    }
}
