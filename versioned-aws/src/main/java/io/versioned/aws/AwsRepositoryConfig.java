package io.versioned.aws;

import static io.versioned.aws.ConfigArguments.renamingArguments;
import static io.versioned.aws.ConfigArguments.require;

import io.versioned.adapter.dynamodb.DynamoConfig;
import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3Encryption;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where an S3 + DynamoDB repository keeps its bytes and its records: one bucket (under a prefix) and one table, in
 * one region, reached with one credentials provider. Immutable; build it with {@link #builder()}. The layout is the
 * one the Python library {@code versioned} 1.0.x uses, so both can share the bucket and the table (see
 * {@code docs/architecture.md} for what is shared).
 *
 * <p>The adapters' own configurations are derived from it: {@link #s3BlobConfig()} for {@code adapter-s3} and
 * {@link #dynamoConfig()} for {@code adapter-dynamodb}. Both are also made when the record is made, so every rule of
 * either adapter (bucket and table naming, prefix and suffix characters, endpoint form) is checked here, with an
 * {@link IllegalArgumentException} naming this record's argument.
 *
 * @param region              the AWS region of the bucket and the table
 * @param bucket              the S3 bucket (S3 naming rules)
 * @param prefix              the folder of this repository inside the bucket, without leading or trailing
 *                            {@code /}; {@value S3BlobConfig#DEFAULT_PREFIX} unless set, {@code ""} for the bucket root
 * @param keySuffix           appended to every object key (e.g. {@code ".sqlite"}); empty unless set
 * @param table               the DynamoDB table: 3 to 255 characters of {@code A-Z a-z 0-9 _ - .}
 * @param s3Endpoint          an endpoint replacing AWS S3's (an S3-compatible server, a VPC endpoint); empty for AWS
 * @param dynamoDbEndpoint    an endpoint replacing AWS DynamoDB's (a local server, a VPC endpoint); empty for AWS
 * @param pathStyle           path-style S3 addressing ({@code https://host/bucket/key}), which most S3-compatible
 *                            servers need; false (virtual-hosted style) unless set
 * @param credentialsProvider where both clients take their credentials from; the SDK's default chain (environment,
 *                            system properties, profile, web identity, container, instance) unless set
 * @param encryption          the server-side encryption requested on every S3 write; {@link S3Encryption#none()}
 *                            (the bucket's default encryption applies) unless set
 * @param sharedWithPython    whether processes of the Python library may read the repository: then every put of new
 *                            content also copies LATEST's bytes to {@code {name}/LATEST}, where that library reads
 *                            them (one CopyObject, as long as the upload for a large file), and artifact names are
 *                            listed from the folders under the prefix, where that library makes them. True unless
 *                            set; false for a repository only this library uses (docs/round-trips.md, "Not shared
 *                            with the Python library")
 */
public record AwsRepositoryConfig(Region region, String bucket, String prefix, String keySuffix, String table,
                                  Optional<URI> s3Endpoint, Optional<URI> dynamoDbEndpoint, boolean pathStyle,
                                  AwsCredentialsProvider credentialsProvider, S3Encryption encryption,
                                  boolean sharedWithPython) {

    /** The default {@link #prefix()}, the Python library's: {@value}. */
    public static final String DEFAULT_PREFIX = S3BlobConfig.DEFAULT_PREFIX;

    /**
     * Validates every field, including the rules of both adapters' configurations.
     *
     * @throws IllegalArgumentException naming the first argument that is missing or breaks its rule
     */
    public AwsRepositoryConfig {
        ConfigArguments.s3BlobConfig(region, bucket, prefix, keySuffix, s3Endpoint, "s3Endpoint", pathStyle,
                credentialsProvider, encryption);
        require(dynamoDbEndpoint != null, "dynamoDbEndpoint: must not be null (use Optional.empty() for AWS DynamoDB)");
        dynamoConfig(region, table, dynamoDbEndpoint, credentialsProvider);
    }

    /**
     * A builder with the defaults: prefix {@value #DEFAULT_PREFIX}, no suffix, AWS endpoints, virtual-hosted
     * addressing, the default credentials chain, no server-side encryption, shared with the Python library.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration of the {@code adapter-s3} blob port: this record's region, bucket, prefix, key suffix, S3
     * endpoint, addressing style, credentials, encryption and {@link #sharedWithPython()}
     * ({@link S3BlobConfig#sharedWithPython()}), and that adapter's defaults for everything else (multipart threshold
     * and part size, upload parallelism, feature probes). Each call makes a new, equal value.
     */
    public S3BlobConfig s3BlobConfig() {
        return ConfigArguments.s3BlobConfig(region, bucket, prefix, keySuffix, s3Endpoint, "s3Endpoint", pathStyle,
                credentialsProvider, encryption).toBuilder().sharedWithPython(sharedWithPython).build();
    }

    /**
     * The configuration of the {@code adapter-dynamodb} metadata port: this record's table, region, DynamoDB
     * endpoint and credentials, with on-demand billing should {@code bootstrap()} create the table. Each call makes a
     * new, equal value.
     */
    public DynamoConfig dynamoConfig() {
        return dynamoConfig(region, table, dynamoDbEndpoint, credentialsProvider);
    }

    private static DynamoConfig dynamoConfig(Region region, String table, Optional<URI> endpoint,
                                             AwsCredentialsProvider credentials) {
        return renamingArguments(Map.of("tableName", "table", "endpointOverride", "dynamoDbEndpoint"), () -> {
            DynamoConfig.Builder builder = DynamoConfig.builder().tableName(table).region(region.id())
                    .credentialsProvider(credentials).billing(DynamoConfig.Billing.payPerRequest());
            endpoint.ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    /**
     * Builds an {@link AwsRepositoryConfig}; {@link #region(String)}, {@link #bucket(String)} and
     * {@link #table(String)} are required. Not thread-safe.
     */
    public static final class Builder extends RepositoryConfigBuilder<Builder> {

        private String table;
        private Optional<URI> s3Endpoint = Optional.empty();
        private Optional<URI> dynamoDbEndpoint = Optional.empty();
        private boolean sharedWithPython = true;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The DynamoDB table (required); checked by {@link #build()}. */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /**
         * One endpoint for both services, for a server that speaks the S3 and the DynamoDB protocols on one port
         * (e.g. LocalStack at {@code http://localhost:4566}). Sets {@link #s3Endpoint(URI)} and
         * {@link #dynamoDbEndpoint(URI)}.
         *
         * @throws IllegalArgumentException if {@code endpoint} is null
         */
        public Builder endpoint(URI endpoint) {
            require(endpoint != null, "endpoint: must not be null");
            this.s3Endpoint = Optional.of(endpoint);
            this.dynamoDbEndpoint = Optional.of(endpoint);
            return this;
        }

        /**
         * An endpoint replacing AWS S3's.
         *
         * @throws IllegalArgumentException if {@code endpoint} is null
         */
        public Builder s3Endpoint(URI endpoint) {
            require(endpoint != null, "s3Endpoint: must not be null");
            this.s3Endpoint = Optional.of(endpoint);
            return this;
        }

        /**
         * An endpoint replacing AWS DynamoDB's.
         *
         * @throws IllegalArgumentException if {@code endpoint} is null
         */
        public Builder dynamoDbEndpoint(URI endpoint) {
            require(endpoint != null, "dynamoDbEndpoint: must not be null");
            this.dynamoDbEndpoint = Optional.of(endpoint);
            return this;
        }

        /**
         * Whether processes of the Python library may read the repository (true unless set): see
         * {@link AwsRepositoryConfig#sharedWithPython()}. Set false only when no Python process reads it: they would
         * then read the bytes of an older LATEST.
         */
        public Builder sharedWithPython(boolean sharedWithPython) {
            this.sharedWithPython = sharedWithPython;
            return this;
        }

        /**
         * The configuration. The default credentials chain is made here when none was set; it looks for
         * credentials only when a request is signed.
         *
         * @throws IllegalArgumentException naming the first argument that is missing or breaks its rule
         */
        public AwsRepositoryConfig build() {
            Region region = requiredRegion();
            require(table != null, "table: required");
            return new AwsRepositoryConfig(region, bucket(), prefix(), keySuffix(), table, s3Endpoint,
                    dynamoDbEndpoint, pathStyle(), credentials(), encryption(), sharedWithPython);
        }
    }
}
