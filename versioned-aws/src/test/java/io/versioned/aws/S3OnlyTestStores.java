package io.versioned.aws;

import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.adapter.s3only.S3OnlyMetadataPort;
import io.versioned.tck.StorePorts;
import io.versioned.testsupport.AwsTestServers;
import io.versioned.testsupport.LinearizableIfMatch;
import java.util.Arrays;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3-only stores on the test JVM's S3 server ({@link AwsTestServers#selected()}: s3proxy, or LocalStack under the
 * {@code localstack} profile): fresh buckets, configurations made as users make them, and ports made
 * from them the way {@link S3OnlyModule} makes them, but on shared clients. The metadata port's clients carry
 * {@link LinearizableIfMatch}, which makes s3proxy's {@code If-Match} PutObject atomic as it is on AWS S3; without
 * it, writers racing on one document could both win. The conditional-write probe is
 * {@link AwsTestStores#requireConditionalWrites()}, the same server's.
 */
final class S3OnlyTestStores {

    private static S3Client metadataClient;

    private S3OnlyTestStores() {
    }

    /**
     * A configuration for a fresh bucket on the S3 test server: its endpoint, path-style addressing, its static
     * credentials, the default prefix.
     */
    static S3OnlyRepositoryConfig.Builder localConfig() {
        return AwsTestStores.onTestServers(S3OnlyRepositoryConfig.builder())
                .endpoint(AwsTestServers.selected().s3Endpoint());
    }

    /** The shared client of the metadata ports, with {@link LinearizableIfMatch}; made once per test JVM. */
    static synchronized S3Client metadataClient() {
        if (metadataClient == null) {
            metadataClient = newMetadataClient();
        }
        return metadataClient;
    }

    /** A new client for a metadata port, with {@link LinearizableIfMatch} and {@code interceptors}; the caller closes it. */
    static S3Client newMetadataClient(ExecutionInterceptor... interceptors) {
        return AwsTestServers.selected().s3ClientBuilder().overrideConfiguration(o -> {
            o.addExecutionInterceptor(new LinearizableIfMatch());
            Arrays.stream(interceptors).forEach(o::addExecutionInterceptor);
        }).build();
    }

    /** Fresh, empty stores on a fresh bucket, configured from {@link #localConfig()}, on the shared clients. */
    static StorePorts freshPorts() {
        return ports(localConfig().build(), AwsTestStores.s3(), metadataClient());
    }

    /** The ports of {@code config} on the given clients: the blobs' and the records' ({@link #newMetadataClient}). */
    static StorePorts ports(S3OnlyRepositoryConfig config, S3Client blobClient, S3Client metadataClient) {
        return new StorePorts(new S3BlobPort(blobClient, config.s3BlobConfig()),
                new S3OnlyMetadataPort(metadataClient, config.bucket(), config.prefix()));
    }
}
