package io.versioned.adapter.s3only;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Where and how {@link S3OnlyMetadataPort} reaches S3. Immutable; build it with {@link #builder()}. Every
 * component is validated when the record is made, so an invalid configuration never reaches the network.
 *
 * @param region              the AWS region, e.g. {@code us-east-1}
 * @param bucket              the bucket holding the repository (S3 bucket naming rules)
 * @param prefix              the repository's key prefix, without leading or trailing {@code /}; metadata
 *                            lives under {@code {prefix}/_meta/}. Two repositories sharing a bucket must
 *                            use prefixes of which neither is a path prefix of the other
 * @param endpointOverride    an S3-compatible endpoint ({@code http} or {@code https}), or empty for AWS
 * @param pathStyle           true to address the bucket in the path instead of the host name
 * @param credentialsProvider the credentials, or empty for the SDK's default provider chain
 */
public record S3MetadataConfig(String region, String bucket, String prefix, Optional<URI> endpointOverride,
                               boolean pathStyle, Optional<AwsCredentialsProvider> credentialsProvider) {

    /** The prefix used when none is configured. */
    public static final String DEFAULT_PREFIX = "versioned-artifacts";

    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * @throws IllegalArgumentException naming the component and the rule it breaks
     */
    public S3MetadataConfig {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region: must be an AWS region name such as us-east-1 (lower-case "
                    + "letters and digits separated by '-'), got " + quoted(region));
        }
        MetadataKeys.requireBucket(bucket);
        MetadataKeys.requirePrefix(prefix);
        if (endpointOverride == null) {
            throw new IllegalArgumentException("endpointOverride: must not be null; use Optional.empty() for AWS");
        }
        endpointOverride.ifPresent(S3MetadataConfig::requireEndpoint);
        if (credentialsProvider == null) {
            throw new IllegalArgumentException(
                    "credentialsProvider: must not be null; use Optional.empty() for the default provider chain");
        }
    }

    /** A builder with prefix {@value #DEFAULT_PREFIX}, virtual-host addressing, AWS endpoint, default credentials. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (!endpoint.isAbsolute() || endpoint.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(
                    "endpointOverride: must be an absolute http or https URI with a host, got '" + endpoint + "'");
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    /** Collects the components of an {@link S3MetadataConfig}; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String region;
        private String bucket;
        private String prefix = DEFAULT_PREFIX;
        private URI endpointOverride;
        private boolean pathStyle;
        private AwsCredentialsProvider credentialsProvider;

        private Builder() {
        }

        /** The AWS region (required). */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** The bucket (required). */
        public Builder bucket(String value) {
            this.bucket = value;
            return this;
        }

        /** The repository prefix; defaults to {@value S3MetadataConfig#DEFAULT_PREFIX}. */
        public Builder prefix(String value) {
            this.prefix = value;
            return this;
        }

        /** An S3-compatible endpoint; null restores the AWS endpoint. */
        public Builder endpointOverride(URI value) {
            this.endpointOverride = value;
            return this;
        }

        /** Path-style addressing (needed by most S3-compatible servers); defaults to false. */
        public Builder pathStyle(boolean value) {
            this.pathStyle = value;
            return this;
        }

        /** The credentials; null restores the SDK's default provider chain. */
        public Builder credentialsProvider(AwsCredentialsProvider value) {
            this.credentialsProvider = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the first invalid component and its rule
         */
        public S3MetadataConfig build() {
            return new S3MetadataConfig(region, bucket, prefix, Optional.ofNullable(endpointOverride), pathStyle,
                    Optional.ofNullable(credentialsProvider));
        }
    }
}
