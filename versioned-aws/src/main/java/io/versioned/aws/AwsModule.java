package io.versioned.aws;

import com.google.inject.AbstractModule;
import io.versioned.adapter.dynamodb.DynamoModule;
import io.versioned.adapter.s3.S3BlobModule;

/**
 * Binds both ports of the S3 + DynamoDB backend from one {@link AwsRepositoryConfig}: installs {@link S3BlobModule}
 * (binding {@link io.versioned.core.port.BlobPort} and {@link io.versioned.adapter.s3.S3BlobPort}) with
 * {@link AwsRepositoryConfig#s3BlobConfig()}, and {@link DynamoModule} (binding
 * {@link io.versioned.core.port.MetadataPort}) with {@link AwsRepositoryConfig#dynamoConfig()}. Compose it with
 * {@code VersionedCoreModule}:
 *
 * <pre>{@code
 * Repository repository = Guice.createInjector(new VersionedCoreModule(), new AwsModule(config))
 *         .getInstance(Repository.class);
 * }</pre>
 *
 * <p>Each injector makes one S3 client and one DynamoDB client, when the ports are first needed, and keeps them for
 * its life; they hold HTTP connection pools, so make one injector per application, not one per request.
 */
public final class AwsModule extends AbstractModule {

    private final AwsRepositoryConfig config;

    /**
     * @param config where the bytes and the records live
     * @throws IllegalArgumentException if {@code config} is null
     */
    public AwsModule(AwsRepositoryConfig config) {
        ConfigArguments.require(config != null, "config: must not be null");
        this.config = config;
    }

    @Override
    protected void configure() {
        install(new S3BlobModule(config.s3BlobConfig()));
        install(new DynamoModule(config.dynamoConfig()));
    }
}
