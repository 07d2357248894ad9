package io.versioned.adapter.s3;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.versioned.core.port.BlobPort;
import java.util.Objects;

/**
 * Binds {@link BlobPort} (and {@link S3BlobPort}) to one {@link S3BlobPort} per injector, built from the given
 * configuration with its own {@link software.amazon.awssdk.services.s3.S3Client}. Compose it with
 * {@code VersionedCoreModule} and a module that binds {@code MetadataPort}.
 *
 * <p>Lifecycle: the port and its client live as long as the injector. The client holds an HTTP connection pool;
 * an application that shuts down without exiting the JVM releases it with
 * {@code injector.getInstance(S3BlobPort.class).close()}. Nothing needs closing before a JVM exit.
 */
public final class S3BlobModule extends AbstractModule {

    private final S3BlobConfig config;

    /** @param config where and how blobs are stored */
    public S3BlobModule(S3BlobConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(BlobPort.class).to(S3BlobPort.class);
    }

    @Provides
    @Singleton
    S3BlobPort s3BlobPort() {
        return S3BlobPort.create(config);
    }
}
