package io.versioned.adapter.s3;

import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the {@link S3Client} of a {@link S3BlobConfig}: region, credentials, endpoint, addressing, HTTP pool. */
final class S3ClientFactory {

    private static final int MIN_CONNECTIONS = 50;

    private S3ClientFactory() {
    }

    static S3Client create(S3BlobConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(config.region())
                .credentialsProvider(config.credentialsProvider())
                .forcePathStyle(config.pathStyle())
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(Math.max(MIN_CONNECTIONS, 4 * config.uploadParallelism())));
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
