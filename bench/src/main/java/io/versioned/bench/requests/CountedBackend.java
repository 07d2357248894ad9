package io.versioned.bench.requests;

import com.google.inject.Guice;
import io.versioned.adapter.dynamodb.DynamoMetadataPort;
import io.versioned.adapter.s3.FeatureSupport;
import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.adapter.s3only.S3OnlyMetadataPort;
import io.versioned.api.Repository;
import io.versioned.aws.AwsRepositoryConfig;
import io.versioned.aws.S3OnlyRepositoryConfig;
import io.versioned.bench.BenchServers;
import io.versioned.bench.ScratchStores;
import io.versioned.core.VersionedCoreModule;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.testsupport.RequestCounter;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A backend on the local servers whose SDK clients carry a {@link RequestCounter} per service, composed as
 * {@code VersionedAws} composes it (the adapters' ports from the user's configuration, on the public constructors that
 * take a client, with {@code VersionedCoreModule}), on a fresh bucket (and table), bootstrapped. Two repositories
 * share the clients and the store: {@link #repository()}, whose S3 port is told the features AWS S3 has (conditional
 * CopyObject, tagging), so it sends what AWS S3 would receive; and {@link #probing()}, which probes the server for
 * them as a default configuration does, and on s3proxy finds no conditional CopyObject. {@link #close()} removes the
 * store and closes the clients.
 */
public final class CountedBackend implements AutoCloseable {

    private final RequestCounter s3Requests = new RequestCounter();
    private final RequestCounter dynamoDbRequests = new RequestCounter();
    private final S3Client blobClient;
    private final S3Client metadataClient;
    private final Optional<DynamoDbClient> dynamoDb;
    private final String bucket;
    private final Optional<String> table;
    private Repository repository;
    private Repository probing;

    private CountedBackend(BenchServers servers, String bucket, Optional<String> table,
                           boolean separateMetadataClient) {
        this.bucket = bucket;
        this.table = table;
        this.blobClient = s3Client(servers, s3Requests);
        this.metadataClient = separateMetadataClient ? s3Client(servers, s3Requests) : blobClient;
        this.dynamoDb = table.map(name -> servers.dynamoDb().clientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(dynamoDbRequests)).build());
    }

    /** The S3 + DynamoDB backend ({@code VersionedAws.repository}) on a fresh bucket and table. */
    public static CountedBackend s3AndDynamoDb(BenchServers servers) {
        AwsRepositoryConfig config = servers.awsConfig("requests");
        CountedBackend backend = new CountedBackend(servers, config.bucket(), Optional.of(config.table()), false);
        return backend.open(blobs -> new S3BlobPort(backend.blobClient, blobs),
                () -> new DynamoMetadataPort(backend.dynamoDb.orElseThrow(), config.table()), config.s3BlobConfig());
    }

    /**
     * The S3-only backend ({@code VersionedAws.s3OnlyRepository}) on a fresh bucket: one client for the bytes and one
     * for the records, as there, counted together.
     */
    static CountedBackend s3Only(BenchServers servers) {
        S3OnlyRepositoryConfig config = servers.s3OnlyConfig("requests");
        CountedBackend backend = new CountedBackend(servers, config.bucket(), Optional.empty(), true);
        return backend.open(blobs -> new S3BlobPort(backend.blobClient, blobs),
                () -> new S3OnlyMetadataPort(backend.metadataClient, config.bucket(), config.prefix()),
                config.s3BlobConfig());
    }

    /** Makes a blob port for a configuration. */
    @FunctionalInterface
    private interface BlobPorts {
        BlobPort make(S3BlobConfig config);
    }

    /** Makes a metadata port. */
    @FunctionalInterface
    private interface MetadataPorts {
        MetadataPort make();
    }

    private CountedBackend open(BlobPorts blobPorts, MetadataPorts metadataPorts, S3BlobConfig blobs) {
        try {
            S3BlobConfig asOnAwsS3 = blobs.toBuilder()
                    .conditionalCopySupport(FeatureSupport.ENABLED)
                    .taggingSupport(FeatureSupport.ENABLED)
                    .build();
            repository = compose(blobPorts.make(asOnAwsS3), metadataPorts.make());
            repository.bootstrap();
            probing = compose(blobPorts.make(blobs), metadataPorts.make());
            probing.bootstrap();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Repository compose(BlobPort blobs, MetadataPort metadata) {
        return Guice.createInjector(new VersionedCoreModule(), new PortsModule(blobs, metadata))
                .getInstance(Repository.class);
    }

    private static S3Client s3Client(BenchServers servers, ExecutionInterceptor counter) {
        return servers.s3().clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
    }

    /** The repository whose S3 port has AWS S3's features (conditional CopyObject). */
    public Repository repository() {
        return repository;
    }

    /** The repository whose S3 port probed the server for its features. */
    Repository probing() {
        return probing;
    }

    /** The requests {@code operation} sends, per service. */
    public RequestCount measure(Runnable operation) {
        s3Requests.clear();
        dynamoDbRequests.clear();
        operation.run();
        return new RequestCount(s3Requests.operations().size(), dynamoDbRequests.operations().size());
    }

    /** Closes both repositories, deletes the bucket (and the table) and closes the clients. */
    @Override
    public void close() {
        try {
            if (repository != null) {
                repository.close();
            }
            if (probing != null) {
                probing.close();
            }
            dynamoDb.ifPresent(client -> ScratchStores.deleteTable(client, table.orElseThrow()));
            ScratchStores.deleteBucket(blobClient, bucket);
        } finally {
            blobClient.close();
            if (metadataClient != blobClient) {
                metadataClient.close();
            }
            dynamoDb.ifPresent(DynamoDbClient::close);
        }
    }
}
