package io.versioned.adapter.s3only;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client described by an {@link S3MetadataConfig}. */
final class S3Clients {

    private S3Clients() {
    }

    /** A new client; the caller closes it. */
    static S3Client create(S3MetadataConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        config.credentialsProvider().ifPresent(builder::credentialsProvider);
        return builder.build();
    }
}
