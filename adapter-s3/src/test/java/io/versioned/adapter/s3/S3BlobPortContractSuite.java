package io.versioned.adapter.s3;

import io.versioned.core.port.BlobPort;
import io.versioned.tck.BlobPortContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob port contract against s3proxy over HTTP, one new bucket per test, through one client per test class.
 * Subclasses choose the layout and thresholds of the configuration.
 */
abstract class S3BlobPortContractSuite extends BlobPortContract {

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

    /** The configuration of the port under test, for a fresh bucket on the shared server. */
    protected abstract S3BlobConfig config();

    @Override
    protected final BlobPort createBlobPort() {
        return new S3BlobPort(client, config());
    }
}
