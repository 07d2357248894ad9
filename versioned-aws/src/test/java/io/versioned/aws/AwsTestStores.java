package io.versioned.aws;

import io.versioned.adapter.dynamodb.DynamoMetadataPort;
import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.tck.StorePorts;
import io.versioned.testsupport.AwsTestServers;
import io.versioned.testsupport.S3ProxyServer;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real servers of the test JVM ({@link AwsTestServers#selected()}: s3proxy for S3 and dynalite for DynamoDB, both
 * over HTTP, or LocalStack under the {@code localstack} profile), one shared client for each, fresh bucket and table
 * names, and stores made from an {@link AwsRepositoryConfig} the way the product makes them.
 */
final class AwsTestStores {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;
    private static boolean conditionalWritesChecked;

    private AwsTestStores() {
    }

    /**
     * Fails unless the S3 server refuses {@code If-None-Match: *} on an existing key with 412; without that, every
     * concurrency and put-if-absent test would pass without protecting anything. Probed once per JVM.
     */
    static synchronized void requireConditionalWrites() {
        if (conditionalWritesChecked) {
            return;
        }
        String bucket = freshBucket();
        s3().createBucket(b -> b.bucket(bucket));
        S3ProxyServer.assertEnforcesConditionalWrites(s3(), bucket);
        s3().deleteBucket(b -> b.bucket(bucket));
        conditionalWritesChecked = true;
    }

    /** The shared S3 client on the S3 test server, made once for the life of the test JVM. */
    static synchronized S3Client s3() {
        if (s3 == null) {
            s3 = AwsTestServers.selected().s3ClientBuilder().build();
        }
        return s3;
    }

    /** The shared DynamoDB client on the DynamoDB test server, made once for the life of the test JVM. */
    static synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = AwsTestServers.selected().dynamoDbClientBuilder().build();
        }
        return dynamoDb;
    }

    /** A new S3 client on the S3 test server with {@code interceptors}; the caller closes it. */
    static S3Client newS3Client(ExecutionInterceptor... interceptors) {
        return AwsTestServers.selected().s3ClientBuilder()
                .overrideConfiguration(o -> Arrays.stream(interceptors).forEach(o::addExecutionInterceptor))
                .build();
    }

    /** A new DynamoDB client on the DynamoDB test server with {@code interceptors}; the caller closes it. */
    static DynamoDbClient newDynamoDbClient(ExecutionInterceptor... interceptors) {
        return AwsTestServers.selected().dynamoDbClientBuilder()
                .overrideConfiguration(o -> Arrays.stream(interceptors).forEach(o::addExecutionInterceptor))
                .build();
    }

    /** A bucket name no test used before. */
    static String freshBucket() {
        return String.format(Locale.ROOT, "versioned-aws-%d-%s", NAMES.incrementAndGet(),
                UUID.randomUUID().toString().substring(0, 8));
    }

    /** A table name no test used before. */
    static String freshTable() {
        return "versioned-aws-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID();
    }

    /**
     * A configuration for a fresh bucket and a fresh table on the test servers: both endpoints, path-style
     * addressing, the servers' static credentials, the default prefix.
     */
    static AwsRepositoryConfig.Builder localConfig() {
        AwsTestServers servers = AwsTestServers.selected();
        return onTestServers(AwsRepositoryConfig.builder())
                .table(freshTable())
                .s3Endpoint(servers.s3Endpoint())
                .dynamoDbEndpoint(servers.dynamoDbEndpoint());
    }

    /**
     * {@code builder} set for a fresh bucket on the S3 test server: its region, path-style addressing and its static
     * credentials; the endpoint is the caller's to set.
     */
    static <B extends RepositoryConfigBuilder<B>> B onTestServers(B builder) {
        AwsTestServers servers = AwsTestServers.selected();
        return builder.region(servers.region())
                .bucket(freshBucket())
                .pathStyle(true)
                .credentialsProvider(servers.credentials());
    }

    /** Fresh, empty stores on the shared clients, configured from {@link #localConfig()}. */
    static StorePorts freshPorts() {
        return ports(localConfig().build(), s3(), dynamoDb());
    }

    /** As {@link #freshPorts()}, for a repository no process of the Python library reads. */
    static StorePorts freshPortsNotSharedWithPython() {
        return ports(localConfig().sharedWithPython(false).build(), s3(), dynamoDb());
    }

    /** The ports of {@code config} on the given clients, as {@link AwsModule} makes them but on shared clients. */
    static StorePorts ports(AwsRepositoryConfig config, S3Client s3Client, DynamoDbClient dynamoDbClient) {
        return ports(config.s3BlobConfig(), config.table(), s3Client, dynamoDbClient);
    }

    /** The ports of an S3 configuration and a table on the given clients. */
    static StorePorts ports(S3BlobConfig s3Config, String table, S3Client s3Client, DynamoDbClient dynamoDbClient) {
        return new StorePorts(new S3BlobPort(s3Client, s3Config), new DynamoMetadataPort(dynamoDbClient, table));
    }

    /**
     * The object key of blob key {@code key}, mapped as {@link S3BlobPort} maps it: {@code prefix/} + key + suffix
     * ({@code key + suffix} when the prefix is empty).
     */
    static String objectKey(S3BlobConfig config, String key) {
        return (config.prefix().isEmpty() ? "" : config.prefix() + "/") + key + config.keySuffix();
    }

    /**
     * Overwrites the object behind blob key {@code key} of {@code ports} with {@code bytes}: an unconditional
     * PutObject with the raw client, behind the repository's back.
     *
     * @throws software.amazon.awssdk.services.s3.model.NoSuchKeyException if no object exists at the mapped key
     */
    static void overwrite(StorePorts ports, String key, byte[] bytes) {
        S3BlobConfig config = ((S3BlobPort) ports.blobs()).config();
        s3().headObject(b -> b.bucket(config.bucket()).key(objectKey(config, key)));
        s3().putObject(b -> b.bucket(config.bucket()).key(objectKey(config, key)), RequestBody.fromBytes(bytes));
    }
}
