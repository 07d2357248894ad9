package io.versioned.aws;

import com.google.inject.AbstractModule;
import io.versioned.adapter.s3.S3BlobModule;
import io.versioned.adapter.s3only.S3OnlyMetadataModule;

/**
 * Binds both ports of the S3-only backend from one {@link S3OnlyRepositoryConfig}: installs {@link S3BlobModule}
 * (binding {@link io.versioned.core.port.BlobPort} and {@link io.versioned.adapter.s3.S3BlobPort}) with
 * {@link S3OnlyRepositoryConfig#s3BlobConfig()}, and {@link S3OnlyMetadataModule} (binding
 * {@link io.versioned.core.port.MetadataPort}) with {@link S3OnlyRepositoryConfig#s3MetadataConfig()}, on the same
 * bucket and prefix. Compose it with {@code VersionedCoreModule}:
 *
 * <pre>{@code
 * Repository repository = Guice.createInjector(new VersionedCoreModule(), new S3OnlyModule(config))
 *         .getInstance(Repository.class);
 * }</pre>
 *
 * <p>Each injector makes two S3 clients, one per port, when the ports are first needed, and keeps them until the
 * repository is closed ({@link io.versioned.api.Repository#close()} closes both ports); they hold HTTP connection
 * pools, so make one injector per application, not one per request.
 */
public final class S3OnlyModule extends AbstractModule {

    private final S3OnlyRepositoryConfig config;

    /**
     * @param config where the bytes and the records live
     * @throws IllegalArgumentException if {@code config} is null
     */
    public S3OnlyModule(S3OnlyRepositoryConfig config) {
        ConfigArguments.require(config != null, "config: must not be null");
        this.config = config;
    }

    @Override
    protected void configure() {
        install(new S3BlobModule(config.s3BlobConfig()));
        install(new S3OnlyMetadataModule(config.s3MetadataConfig()));
    }
}
