package io.versioned.adapter.dynamodb;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.versioned.core.port.MetadataPort;

/**
 * Binds {@link MetadataPort} to one {@link DynamoMetadataPort} made from a {@link DynamoConfig}. Compose it
 * with {@code VersionedCoreModule} and a module binding {@code BlobPort}.
 */
public final class DynamoModule extends AbstractModule {

    private final DynamoConfig config;

    /**
     * @throws IllegalArgumentException if {@code config} is null
     */
    public DynamoModule(DynamoConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: must not be null");
        }
        this.config = config;
    }

    /** The port, made once per injector; its client lives as long as the injector's application. */
    @Provides
    @Singleton
    MetadataPort metadataPort() {
        return new DynamoMetadataPort(config);
    }
}
