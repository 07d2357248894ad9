package io.versioned.adapter.s3;

import io.versioned.core.port.BlobPort;
import io.versioned.tck.BlobPortContract;
import io.versioned.testsupport.Outage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob port contract against s3proxy over HTTP, one new bucket per test. The port under test runs on a client of
 * its own whose {@link Outage} breaks the store; another client is a port on the client shared by the test class.
 * Subclasses choose the layout and thresholds of the configuration.
 */
abstract class S3BlobPortContractSuite extends BlobPortContract {

    private static S3Client shared;

    private Outage outage;
    private S3Client client;
    private S3BlobConfig config;

    @BeforeAll
    static void startServer() {
        S3Fixture.requireConditionalWrites();
        shared = S3Fixture.client();
    }

    @AfterAll
    static void closeSharedClient() {
        shared.close();
    }

    /** The configuration of the port under test, for a fresh bucket on the shared server. */
    protected abstract S3BlobConfig config();

    @Override
    protected final BlobPort createBlobPort() {
        outage = new Outage();
        client = S3Fixture.client(outage);
        config = config();
        return new S3BlobPort(client, config);
    }

    @Override
    protected final BlobPort openAnotherClient() {
        return new S3BlobPort(shared, config);
    }

    @Override
    protected final void breakStore() {
        outage.begin();
    }

    @AfterEach
    final void closeClient() {
        client.close();
    }
}
