package io.versioned.adapter.s3only;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.versioned.core.port.MetadataPort;

/**
 * Binds {@link MetadataPort} to one {@link S3OnlyMetadataPort} per injector, built from the given
 * configuration. Compose it with a module that binds the {@link io.versioned.core.port.BlobPort} (normally
 * the S3 one, on the same bucket and prefix).
 */
public final class S3OnlyMetadataModule extends AbstractModule {

    private final S3MetadataConfig config;

    /**
     * @throws IllegalArgumentException if {@code config} is null
     */
    public S3OnlyMetadataModule(S3MetadataConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: must not be null");
        }
        this.config = config;
    }

    @Provides
    @Singleton
    MetadataPort metadataPort() {
        return new S3OnlyMetadataPort(config);
    }
}
