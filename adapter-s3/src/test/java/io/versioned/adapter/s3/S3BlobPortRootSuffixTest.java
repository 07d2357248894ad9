package io.versioned.adapter.s3;

import io.versioned.core.port.BlobPort;
import io.versioned.tck.BlobPortContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob port contract with the other layout: blobs at the bucket root (empty prefix) with a key suffix, and the
 * default multipart threshold, so the contract's large content goes in one PutObject.
 */
class S3BlobPortRootSuffixTest extends BlobPortContract {

    private static S3Client client;

    @BeforeAll
    static void startServer() {
        S3Fixture.requireConditionalWrites();
        client = S3Fixture.client();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Override
    protected BlobPort createBlobPort() {
        return new S3BlobPort(client, S3Fixture.config().prefix("").keySuffix(".bin").build());
    }
}
