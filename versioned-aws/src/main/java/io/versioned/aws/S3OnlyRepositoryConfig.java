package io.versioned.aws;

import static io.versioned.aws.ConfigArguments.renamingArguments;
import static io.versioned.aws.ConfigArguments.require;

import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3Encryption;
import io.versioned.adapter.s3only.S3MetadataConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where an S3-only repository keeps its bytes and its records: one bucket, under one prefix, in one region, reached
 * with one credentials provider. No database. Immutable; build it with {@link #builder()}.
 *
 * <p>Blobs live at {@code {prefix}/{name}/...{keySuffix}} and the records as small JSON documents under
 * {@code {prefix}/_meta/} (see {@code docs/s3-only.md}); artifact names never start with {@code _}, so the two never
 * collide. The adapters' own configurations are derived from this one, on the same bucket and prefix:
 * {@link #s3BlobConfig()} for {@code adapter-s3} and {@link #s3MetadataConfig()} for {@code adapter-s3-only}. Both
 * are also made when the record is made, so every rule of either adapter is checked here, with an
 * {@link IllegalArgumentException} naming this record's argument.
 *
 * <p>Two repositories may share a bucket under two prefixes of which neither is a path prefix of the other (for
 * example {@code team/one} and {@code team/two}, but not {@code team} and {@code team/two}).
 *
 * @param region              the AWS region of the bucket
 * @param bucket              the S3 bucket (S3 naming rules)
 * @param prefix              the folder of this repository inside the bucket: one or more {@code /}-separated
 *                            segments of letters, digits and {@code !_.*'()-}, at most 512 characters, without
 *                            leading or trailing {@code /} (the bucket root is not allowed: the records need a
 *                            folder of their own); {@value #DEFAULT_PREFIX} unless set
 * @param keySuffix           appended to the object key of every blob (e.g. {@code ".sqlite"}), not to the records'
 *                            documents; empty unless set
 * @param endpoint            an endpoint replacing AWS S3's (an S3-compatible server, a VPC endpoint); empty for AWS
 * @param pathStyle           path-style S3 addressing ({@code https://host/bucket/key}), which most S3-compatible
 *                            servers need; false (virtual-hosted style) unless set
 * @param credentialsProvider where both S3 clients take their credentials from; the SDK's default chain
 *                            (environment, system properties, profile, web identity, container, instance) unless set
 * @param encryption          the server-side encryption requested on every blob write; {@link S3Encryption#none()}
 *                            unless set. The records' documents are written without encryption headers, so the
 *                            bucket's default encryption applies to them (on AWS at least SSE-S3); a bucket policy
 *                            that refuses writes without an SSE-KMS header therefore refuses them
 */
public record S3OnlyRepositoryConfig(Region region, String bucket, String prefix, String keySuffix,
                                     Optional<URI> endpoint, boolean pathStyle,
                                     AwsCredentialsProvider credentialsProvider, S3Encryption encryption) {

    /** The default {@link #prefix()}, the Python library's: {@value}. */
    public static final String DEFAULT_PREFIX = S3BlobConfig.DEFAULT_PREFIX;

    /**
     * Validates every field, including the rules of both adapters' configurations.
     *
     * @throws IllegalArgumentException naming the first argument that is missing or breaks its rule
     */
    public S3OnlyRepositoryConfig {
        ConfigArguments.s3BlobConfig(region, bucket, prefix, keySuffix, endpoint, "endpoint", pathStyle,
                credentialsProvider, encryption);
        s3MetadataConfig(region, bucket, prefix, endpoint, pathStyle, credentialsProvider);
    }

    /**
     * A builder with the defaults: prefix {@value #DEFAULT_PREFIX}, no suffix, the AWS endpoint, virtual-hosted
     * addressing, the default credentials chain, no server-side encryption.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration of the {@code adapter-s3} blob port: this record's region, bucket, prefix, key suffix,
     * endpoint, addressing style, credentials and encryption, and that adapter's defaults for everything else
     * (multipart threshold and part size, upload parallelism, feature probes). Each call makes a new, equal value.
     */
    public S3BlobConfig s3BlobConfig() {
        return ConfigArguments.s3BlobConfig(region, bucket, prefix, keySuffix, endpoint, "endpoint", pathStyle,
                credentialsProvider, encryption);
    }

    /**
     * The configuration of the {@code adapter-s3-only} metadata port: this record's region, bucket, prefix (the same
     * as the blobs'), endpoint, addressing style and credentials. Each call makes a new, equal value.
     */
    public S3MetadataConfig s3MetadataConfig() {
        return s3MetadataConfig(region, bucket, prefix, endpoint, pathStyle, credentialsProvider);
    }

    private static S3MetadataConfig s3MetadataConfig(Region region, String bucket, String prefix,
                                                     Optional<URI> endpoint, boolean pathStyle,
                                                     AwsCredentialsProvider credentials) {
        return renamingArguments(Map.of("endpointOverride", "endpoint"), () -> S3MetadataConfig.builder()
                .region(region.id()).bucket(bucket).prefix(prefix).endpointOverride(endpoint.orElse(null))
                .pathStyle(pathStyle).credentialsProvider(credentials).build());
    }

    /**
     * Builds an {@link S3OnlyRepositoryConfig}; {@link #region(String)} and {@link #bucket(String)} are required.
     * Not thread-safe.
     */
    public static final class Builder extends RepositoryConfigBuilder<Builder> {

        private Optional<URI> endpoint = Optional.empty();

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * An endpoint replacing AWS S3's: an S3-compatible server (s3proxy, MinIO, LocalStack) or a VPC endpoint.
         * It must enforce conditional writes ({@code If-None-Match: *} and {@code If-Match}), which the records rely
         * on.
         *
         * @throws IllegalArgumentException if {@code endpoint} is null
         */
        public Builder endpoint(URI endpoint) {
            require(endpoint != null, "endpoint: must not be null");
            this.endpoint = Optional.of(endpoint);
            return this;
        }

        /**
         * The configuration. The default credentials chain is made here when none was set; it looks for
         * credentials only when a request is signed.
         *
         * @throws IllegalArgumentException naming the first argument that is missing or breaks its rule
         */
        public S3OnlyRepositoryConfig build() {
            return new S3OnlyRepositoryConfig(requiredRegion(), bucket(), prefix(), keySuffix(), endpoint,
                    pathStyle(), credentials(), encryption());
        }
    }
}
