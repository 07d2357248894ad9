package io.versioned.cli;

import com.google.inject.Module;
import io.versioned.adapter.inmemory.InMemoryModule;
import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.aws.AwsModule;
import io.versioned.aws.AwsRepositoryConfig;
import io.versioned.aws.S3OnlyModule;
import io.versioned.aws.S3OnlyRepositoryConfig;
import io.versioned.core.VersionedCoreModule;
import io.versioned.embedded.EmbeddedModule;
import io.versioned.embedded.PostgresModule;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RepositoryUri} into the Guice modules of its backend: {@link VersionedCoreModule} plus the
 * adapters' modules that bind {@link io.versioned.core.port.BlobPort} and {@link io.versioned.core.port.MetadataPort}.
 *
 * <ul>
 *   <li>{@code embedded:DIR}: the embedded default of {@link EmbeddedModule}: blobs in {@code DIR/blobs}, H2 metadata
 *   in {@code DIR}, waiting at most {@link #EMBEDDED_CONNECTION_TIMEOUT} for a database another process holds</li>
 *   <li>{@code memory:}: both ports in memory</li>
 *   <li>{@code jdbc:postgresql://...?blobs=DIR}: filesystem blobs in {@code DIR}, metadata through JDBC</li>
 *   <li>{@code s3+dynamodb://...}: {@link AwsModule}: S3 blobs, DynamoDB metadata</li>
 *   <li>{@code s3://...}: {@link S3OnlyModule}: S3 blobs, S3 metadata on the same bucket and prefix</li>
 * </ul>
 */
public final class BackendModules {

    /**
     * How long a command waits for the H2 database of an {@code embedded:} repository that another process has open
     * before it fails with a retryable error (exit code 4), instead of the library's 30 s.
     */
    static final Duration EMBEDDED_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private BackendModules() {
    }

    /**
     * The modules of the backend at {@code uri}, with nothing taken from the environment (S3 and DynamoDB default
     * to us-east-1 when the URI names no region).
     *
     * @throws IllegalArgumentException if an adapter refuses the configuration (the message names the rule)
     */
    public static List<Module> forUri(RepositoryUri uri) {
        return forUri(uri, Map.of());
    }

    /**
     * The modules of the backend at {@code uri}. For S3 and DynamoDB the region is the URI's, else
     * {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1; credentials come from the AWS SDK's
     * default chain; an endpoint in the URI switches S3 to path-style addressing.
     *
     * @param environment the environment variables
     * @throws IllegalArgumentException if an adapter refuses the configuration (the message names the rule)
     */
    public static List<Module> forUri(RepositoryUri uri, Map<String, String> environment) {
        if (uri instanceof RepositoryUri.Embedded embedded) {
            return List.of(new VersionedCoreModule(),
                    new EmbeddedModule(embedded.directory(), EMBEDDED_CONNECTION_TIMEOUT));
        }
        if (uri instanceof RepositoryUri.Memory) {
            return List.of(new VersionedCoreModule(), new InMemoryModule());
        }
        if (uri instanceof RepositoryUri.Jdbc jdbc) {
            return List.of(new VersionedCoreModule(),
                    new PostgresModule(JdbcConfig.builder().jdbcUrl(jdbc.jdbcUrl()).build(), jdbc.blobDirectory()));
        }
        if (uri instanceof RepositoryUri.S3Dynamo s3Dynamo) {
            return List.of(new VersionedCoreModule(), new AwsModule(s3Dynamo(s3Dynamo, environment)));
        }
        if (uri instanceof RepositoryUri.S3Only s3Only) {
            return List.of(new VersionedCoreModule(), new S3OnlyModule(s3Only(s3Only.location(), environment)));
        }
        throw new IllegalStateException("no backend for the repository URI type " + uri.getClass().getName());
    }

    private static AwsRepositoryConfig s3Dynamo(RepositoryUri.S3Dynamo uri, Map<String, String> environment) {
        RepositoryUri.S3Location location = uri.location();
        AwsRepositoryConfig.Builder builder = AwsRepositoryConfig.builder().bucket(location.bucket())
                .prefix(location.prefix()).table(uri.table()).region(location.regionOr(environment))
                .pathStyle(location.endpoint().isPresent());
        location.endpoint().ifPresent(builder::s3Endpoint);
        uri.effectiveDynamoDbEndpoint().ifPresent(builder::dynamoDbEndpoint);
        return builder.build();
    }

    private static S3OnlyRepositoryConfig s3Only(RepositoryUri.S3Location location, Map<String, String> environment) {
        S3OnlyRepositoryConfig.Builder builder = S3OnlyRepositoryConfig.builder().bucket(location.bucket())
                .prefix(location.prefix()).region(location.regionOr(environment))
                .pathStyle(location.endpoint().isPresent());
        location.endpoint().ifPresent(builder::endpoint);
        return builder.build();
    }
}
