package io.versioned.adapter.s3;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A JUnit extension, registered on an instance field, that gives each test a new client on the shared s3proxy
 * server (checked to enforce conditional writes) recording every request it sends, and closes it after the test.
 * {@link BootstrappedPort} adds a ready port on that client.
 */
class RecordingClient implements BeforeEachCallback, AfterEachCallback {

    private final RequestLog log = new RequestLog();
    private S3Client client;

    @Override
    public void beforeEach(ExtensionContext context) {
        S3Fixture.requireConditionalWrites();
        client = S3Fixture.client(log);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
    }

    /** The current test's client. */
    S3Client client() {
        return client;
    }

    /** The requests the current test's client has sent. */
    RequestLog log() {
        return log;
    }
}
