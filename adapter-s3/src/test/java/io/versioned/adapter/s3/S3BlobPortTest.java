package io.versioned.adapter.s3;

import io.versioned.core.port.BlobPort;
import io.versioned.tck.BlobPortContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob port contract against s3proxy over HTTP, one new bucket per test. The multipart threshold is lowered to
 * 5 MiB so that the contract's large content goes through the multipart upload.
 */
class S3BlobPortTest extends BlobPortContract {

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
        return new S3BlobPort(client, S3Fixture.config()
                .multipartThreshold(S3BlobConfig.MIN_PART_SIZE)
                .partSize(S3BlobConfig.MIN_PART_SIZE)
                .build());
    }
}
