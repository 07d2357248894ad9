package io.versioned.bench;

import io.versioned.aws.AwsRepositoryConfig;
import io.versioned.aws.S3OnlyRepositoryConfig;
import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.S3ProxyServer;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The local S3 (s3proxy, in this JVM) and DynamoDB (dynalite, a Node child process) servers of the benchmarks, the
 * same ones the tests use (docs/testing.md), each started on first use and stopped when the JVM exits; and
 * configurations for fresh buckets and tables on them. Thread-safe.
 */
public final class BenchServers {

    private final AtomicInteger names = new AtomicInteger();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    /** The S3 server, started on first use. */
    public S3ProxyServer s3() {
        return S3ProxyServer.shared();
    }

    /** The DynamoDB server, started on first use. */
    public DynaliteServer dynamoDb() {
        return DynaliteServer.shared();
    }

    /** A bucket or table name no other part of this run uses, starting with {@code purpose}. */
    public String freshName(String purpose) {
        return "bench-" + purpose + "-" + runId + "-" + names.incrementAndGet();
    }

    /** An S3 + DynamoDB configuration for a fresh bucket and table on the local servers. */
    public AwsRepositoryConfig awsConfig(String purpose) {
        return AwsRepositoryConfig.builder()
                .region(S3ProxyServer.REGION)
                .bucket(freshName(purpose))
                .pathStyle(true)
                .credentialsProvider(credentials())
                .table(freshName(purpose))
                .s3Endpoint(s3().endpoint())
                .dynamoDbEndpoint(dynamoDb().endpoint())
                .build();
    }

    /** An S3-only configuration for a fresh bucket on the local S3 server. */
    public S3OnlyRepositoryConfig s3OnlyConfig(String purpose) {
        return S3OnlyRepositoryConfig.builder()
                .region(S3ProxyServer.REGION)
                .bucket(freshName(purpose))
                .pathStyle(true)
                .credentialsProvider(credentials())
                .endpoint(s3().endpoint())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
    }
}
