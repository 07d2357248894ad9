package io.versioned.adapter.s3;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension, registered on an instance field, that gives each test the recording client of
 * {@link RecordingClient} and a port on it for a fresh bucket, already bootstrapped, with the log cleared of
 * bootstrap's requests so that the test sees only its own.
 */
final class BootstrappedPort extends RecordingClient {

    private final UnaryOperator<S3BlobConfig.Builder> settings;
    private S3BlobConfig config;
    private S3BlobPort blobs;

    /** A port with the default configuration of {@link S3Fixture#config()}. */
    BootstrappedPort() {
        this(UnaryOperator.identity());
    }

    /** A port whose configuration is {@link S3Fixture#config()} changed by {@code settings}. */
    BootstrappedPort(UnaryOperator<S3BlobConfig.Builder> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        super.beforeEach(context);
        config = settings.apply(S3Fixture.config()).build();
        blobs = new S3BlobPort(client(), config);
        blobs.bootstrap();
        log().clear();
    }

    /** The current test's port configuration. */
    S3BlobConfig config() {
        return config;
    }

    /** The current test's port. */
    S3BlobPort blobs() {
        return blobs;
    }
}
