package io.versioned.aws;

import io.versioned.adapter.dynamodb.DynamoMetadataPort;
import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.adapter.s3only.S3OnlyMetadataPort;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.RepositoryProvider;
import io.versioned.core.spi.RepositoryUris;
import io.versioned.core.spi.StorePorts;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The provider of the AWS backends:
 *
 * <ul>
 *   <li>{@code s3+dynamodb://BUCKET[/PREFIX]?table=TABLE[&region=R][&endpoint=URL][&dynamodb-endpoint=URL]
 *       [&python=false]}: bytes in S3, records in a DynamoDB table (see {@link AwsRepositoryConfig});
 *       {@code python=false} for a repository no process of the Python library reads
 *       ({@link AwsRepositoryConfig#sharedWithPython()})</li>
 *   <li>{@code s3://BUCKET[/PREFIX][?region=R][&endpoint=URL]}: bytes and records in S3, no database (see
 *       {@link S3OnlyRepositoryConfig})</li>
 * </ul>
 *
 * <p>Without a path the prefix is {@value AwsRepositoryConfig#DEFAULT_PREFIX}. The region is the URI's, else
 * {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION} (from {@link RepositoryOptions#environment()}), else
 * {@code us-east-1}; an {@code endpoint} switches S3 to path-style addressing; DynamoDB is reached at
 * {@code dynamodb-endpoint}, else at {@code endpoint}, else at AWS. Credentials come from the AWS SDK's default
 * chain. Options used: an {@link S3Client} component (both schemes) and a {@link DynamoDbClient} component
 * ({@code s3+dynamodb:}) are used instead of clients of the provider's own; they must be configured for the
 * region and endpoint, and stay the application's to close.
 */
public final class AwsProvider implements RepositoryProvider {

    @Override
    public Set<String> schemes() {
        return Set.of(S3Dynamo.SCHEME, S3Only.SCHEME);
    }

    @Override
    public String forms() {
        return "s3+dynamodb://BUCKET/PREFIX?table=TABLE[&region=R][&endpoint=URL][&dynamodb-endpoint=URL]"
                + "[&python=false], "
                + "s3://BUCKET/PREFIX[?region=R][&endpoint=URL]";
    }

    @Override
    public RepositoryLocation parse(String uri) {
        return uri.substring(0, uri.indexOf(':')).equalsIgnoreCase(S3Only.SCHEME) ? S3Only.parse(uri)
                : S3Dynamo.parse(uri);
    }

    /**
     * An S3 bucket and key prefix, with an optional region and endpoint.
     *
     * @param bucket   the bucket name
     * @param prefix   the repository's key prefix without leading or trailing {@code /}
     * @param region   the AWS region; empty to use the environment's, then {@code us-east-1}
     * @param endpoint an S3-compatible endpoint (path-style addressing is then used); empty for AWS
     */
    public record S3Location(String bucket, String prefix, Optional<String> region, Optional<URI> endpoint) {

        private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
        private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

        /**
         * @throws IllegalArgumentException if a component breaks its rule (the message names it)
         */
        public S3Location {
            if (bucket == null || !BUCKET.matcher(bucket).matches()) {
                throw RepositoryUris.invalid("the bucket must be 3 to 63 lower-case letters, digits, '.' or '-', got '"
                        + bucket + "'");
            }
            if (prefix == null || prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/")
                    || prefix.contains("//")) {
                throw RepositoryUris.invalid("the prefix must be non-empty, not start or end with '/' and not contain "
                        + "'//', got '" + prefix + "'");
            }
            if (region == null || endpoint == null) {
                throw new IllegalArgumentException("region, endpoint: must not be null (use Optional.empty())");
            }
            region.ifPresent(name -> {
                if (!REGION.matcher(name).matches()) {
                    throw RepositoryUris.invalid("region must be an AWS region such as us-east-1, got '" + name + "'");
                }
            });
            endpoint.ifPresent(url -> RepositoryUris.endpoint("endpoint", url.toString()));
        }

        static S3Location from(RepositoryUris.Hierarchical parsed) {
            return new S3Location(parsed.authority(),
                    parsed.path().isEmpty() ? AwsRepositoryConfig.DEFAULT_PREFIX : parsed.path(),
                    Optional.ofNullable(parsed.parameters().get("region")),
                    Optional.ofNullable(parsed.parameters().get("endpoint"))
                            .map(url -> RepositoryUris.endpoint("endpoint", url)));
        }

        /**
         * The region to use: the URI's, else {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1.
         *
         * @param environment the environment variables
         * @return the region's id
         */
        public String regionOr(Map<String, String> environment) {
            return region.or(() -> Optional.ofNullable(environment.get("AWS_REGION")))
                    .or(() -> Optional.ofNullable(environment.get("AWS_DEFAULT_REGION")))
                    .filter(name -> !name.isBlank()).orElse("us-east-1");
        }

        @Override
        public String toString() {
            return bucket + "/" + prefix + region.map(name -> "?region=" + name).orElse("")
                    + endpoint.map(url -> (region.isPresent() ? "&" : "?") + "endpoint=" + url).orElse("");
        }
    }

    /**
     * {@code s3+dynamodb://...}: bytes in S3, records in a DynamoDB table.
     *
     * @param location         the bucket, prefix, region and endpoint
     * @param table            the DynamoDB table name
     * @param dynamoDbEndpoint a DynamoDB-compatible endpoint ({@code dynamodb-endpoint=URL}); empty to use the S3
     *                         endpoint of {@code location} if any (one endpoint serving both), else AWS
     * @param sharedWithPython false for {@code python=false}: no process of the Python library reads the repository
     *                         ({@link AwsRepositoryConfig#sharedWithPython()}); true otherwise
     */
    public record S3Dynamo(S3Location location, String table, Optional<URI> dynamoDbEndpoint,
                           boolean sharedWithPython) implements RepositoryLocation {

        static final String SCHEME = "s3+dynamodb";

        private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

        /**
         * @throws IllegalArgumentException if a component is null or breaks its rule (the message names it)
         */
        public S3Dynamo {
            if (location == null || dynamoDbEndpoint == null) {
                throw new IllegalArgumentException("location, dynamoDbEndpoint: must not be null");
            }
            if (table == null || !TABLE.matcher(table).matches()) {
                throw RepositoryUris.invalid("s3+dynamodb: table must be 3 to 255 letters, digits, '_', '-' or '.', "
                        + "got '" + table + "'");
            }
            dynamoDbEndpoint.ifPresent(url -> RepositoryUris.endpoint("dynamodb-endpoint", url.toString()));
        }

        static S3Dynamo parse(String text) {
            RepositoryUris.Hierarchical parsed = RepositoryUris.hierarchical(text,
                    "a bucket, e.g. s3+dynamodb://my-bucket/artifacts?table=versioned",
                    Set.of("table", "region", "endpoint", "dynamodb-endpoint", "python"));
            if (!parsed.parameters().containsKey("table")) {
                throw RepositoryUris.invalid(
                        "s3+dynamodb: needs a table, e.g. s3+dynamodb://my-bucket/artifacts?table=versioned");
            }
            return new S3Dynamo(S3Location.from(parsed), parsed.parameters().get("table"),
                    Optional.ofNullable(parsed.parameters().get("dynamodb-endpoint"))
                            .map(url -> RepositoryUris.endpoint("dynamodb-endpoint", url)),
                    sharedWithPython(parsed.parameters().get("python")));
        }

        /** {@code python=true} (the default when absent) or {@code python=false}. */
        private static boolean sharedWithPython(String python) {
            if (python == null || python.equals("true")) {
                return true;
            }
            if (python.equals("false")) {
                return false;
            }
            throw RepositoryUris.invalid("s3+dynamodb: python must be true or false, got '" + python + "'");
        }

        /** The endpoint DynamoDB is reached at: {@code dynamodb-endpoint}, else the S3 endpoint, else AWS. */
        public Optional<URI> effectiveDynamoDbEndpoint() {
            return dynamoDbEndpoint.or(location::endpoint);
        }

        /**
         * The configuration of this location, with the region taken from {@code environment} when the URI has none.
         *
         * @param environment the environment variables
         * @return the configuration
         */
        public AwsRepositoryConfig config(Map<String, String> environment) {
            AwsRepositoryConfig.Builder builder = AwsRepositoryConfig.builder().bucket(location.bucket())
                    .prefix(location.prefix()).table(table).region(location.regionOr(environment))
                    .pathStyle(location.endpoint().isPresent()).sharedWithPython(sharedWithPython);
            location.endpoint().ifPresent(builder::s3Endpoint);
            effectiveDynamoDbEndpoint().ifPresent(builder::dynamoDbEndpoint);
            return builder.build();
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return false;
        }

        @Override
        public StorePorts open(RepositoryOptions options) {
            if (options == null) {
                throw new IllegalArgumentException("options: must not be null");
            }
            AwsRepositoryConfig config = config(options.environment());
            BlobPort blobs = blobPort(options, config.s3BlobConfig());
            try {
                MetadataPort metadata = options.component(DynamoDbClient.class)
                        .<MetadataPort>map(client -> new DynamoMetadataPort(client, table))
                        .orElseGet(() -> new DynamoMetadataPort(config.dynamoConfig()));
                return new StorePorts(blobs, metadata);
            } catch (RuntimeException e) {
                blobs.close();
                throw e;
            }
        }

        @Override
        public String toString() {
            String where = location.toString();
            return SCHEME + "://" + where + (where.contains("?") ? "&" : "?") + "table=" + table
                    + dynamoDbEndpoint.map(url -> "&dynamodb-endpoint=" + url).orElse("")
                    + (sharedWithPython ? "" : "&python=false");
        }
    }

    /**
     * {@code s3://...}: bytes and records in S3, no database.
     *
     * @param location the bucket, prefix, region and endpoint
     */
    public record S3Only(S3Location location) implements RepositoryLocation {

        static final String SCHEME = "s3";

        /**
         * @throws IllegalArgumentException if {@code location} is null
         */
        public S3Only {
            if (location == null) {
                throw new IllegalArgumentException("location: must not be null");
            }
        }

        static S3Only parse(String text) {
            return new S3Only(S3Location.from(RepositoryUris.hierarchical(text,
                    "a bucket, e.g. s3://my-bucket/artifacts", Set.of("region", "endpoint"))));
        }

        /**
         * The configuration of this location, with the region taken from {@code environment} when the URI has none.
         *
         * @param environment the environment variables
         * @return the configuration
         */
        public S3OnlyRepositoryConfig config(Map<String, String> environment) {
            S3OnlyRepositoryConfig.Builder builder = S3OnlyRepositoryConfig.builder().bucket(location.bucket())
                    .prefix(location.prefix()).region(location.regionOr(environment))
                    .pathStyle(location.endpoint().isPresent());
            location.endpoint().ifPresent(builder::endpoint);
            return builder.build();
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return false;
        }

        @Override
        public StorePorts open(RepositoryOptions options) {
            if (options == null) {
                throw new IllegalArgumentException("options: must not be null");
            }
            S3OnlyRepositoryConfig config = config(options.environment());
            BlobPort blobs = blobPort(options, config.s3BlobConfig());
            try {
                MetadataPort metadata = options.component(S3Client.class)
                        .<MetadataPort>map(client -> new S3OnlyMetadataPort(client, location.bucket(),
                                location.prefix()))
                        .orElseGet(() -> new S3OnlyMetadataPort(config.s3MetadataConfig()));
                return new StorePorts(blobs, metadata);
            } catch (RuntimeException e) {
                blobs.close();
                throw e;
            }
        }

        @Override
        public String toString() {
            return SCHEME + "://" + location;
        }
    }

    private static BlobPort blobPort(RepositoryOptions options, io.versioned.adapter.s3.S3BlobConfig config) {
        return options.component(S3Client.class).map(client -> new S3BlobPort(client, config))
                .orElseGet(() -> S3BlobPort.create(config));
    }
}
