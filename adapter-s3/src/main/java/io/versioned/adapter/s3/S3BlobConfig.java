package io.versioned.adapter.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where and how {@link S3BlobPort} stores blobs. Immutable; build it with {@link #builder()}.
 *
 * <p>A blob with logical key {@code K} lives at object key {@code prefix + "/" + K + keySuffix} in {@code bucket}
 * (or {@code K + keySuffix} when the prefix is empty), and its URI is {@code s3://bucket/objectKey}.
 *
 * <p>Memory: a put of content not declared larger than {@code multipartThreshold} reads up to that many bytes
 * into memory to decide between a single request and a multipart upload (up to twice that while the buffer is
 * assembled), and a multipart upload holds at most {@code uploadParallelism} part buffers of the
 * effective part size (the configured {@code partSize}, grown for content of known length so that it fits in
 * 10,000 parts). Content of unknown length is limited to 10,000 parts of {@code partSize}.
 *
 * @param region                 the bucket's region; the client signs for it and {@code bootstrap} creates the
 *                               bucket there
 * @param bucket                 the bucket name (S3 naming rules)
 * @param prefix                 the folder of this repository inside the bucket, without leading or trailing
 *                               slash; empty for the bucket root
 * @param keySuffix              appended to every object key (e.g. {@code ".bin"}); empty by default
 * @param endpointOverride       another S3 endpoint (an S3-compatible server, a VPC endpoint)
 * @param pathStyle              path-style addressing ({@code https://host/bucket/key}), needed by most
 *                               S3-compatible servers
 * @param credentialsProvider    where the credentials come from
 * @param encryption             server-side encryption requested on every write
 * @param multipartThreshold     content up to this many bytes is stored with one PutObject; larger content with
 *                               a multipart upload
 * @param partSize               the multipart part size (at least 5 MiB, S3's minimum)
 * @param uploadParallelism      how many parts of one upload are sent at once
 * @param taggingSupport         whether object tags are stored ({@link FeatureSupport#AUTO}: probe the store)
 * @param conditionalCopySupport whether the store enforces {@code If-None-Match: *} on CopyObject
 *                               ({@link FeatureSupport#AUTO}: probe). Where it does not, copies go through a
 *                               multipart upload whose completion is conditional, which costs two more requests
 * @param sharedWithPython       whether the prefix is shared with the Python library {@code versioned} 1.0.x on the
 *                               S3 + DynamoDB layout: the port then declares
 *                               {@link io.versioned.core.port.BlobCapability#SHARED_WITH_PYTHON}, so the core keeps a
 *                               copy of LATEST's bytes at {@code {name}/LATEST} (one CopyObject per put of new
 *                               content) and lists artifact names from the folders under the prefix; false by default
 */
public record S3BlobConfig(Region region, String bucket, String prefix, String keySuffix,
                           Optional<URI> endpointOverride, boolean pathStyle,
                           AwsCredentialsProvider credentialsProvider, S3Encryption encryption,
                           long multipartThreshold, long partSize, int uploadParallelism,
                           FeatureSupport taggingSupport, FeatureSupport conditionalCopySupport,
                           boolean sharedWithPython) {

    /** The default {@link #prefix()}. */
    public static final String DEFAULT_PREFIX = "versioned-artifacts";
    /** The default {@link #multipartThreshold()}: 16 MiB. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    /** The default {@link #partSize()}: 16 MiB. */
    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
    /** The default {@link #uploadParallelism()}. */
    public static final int DEFAULT_UPLOAD_PARALLELISM = 4;
    /** The smallest part S3 accepts (except for the last part): 5 MiB. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** The largest buffer the adapter allocates, which bounds the threshold and the part size: 1 GiB. */
    public static final long MAX_BUFFER_SIZE = 1024L * 1024 * 1024;
    /** The most parts an upload may be sent in at once. */
    public static final int MAX_UPLOAD_PARALLELISM = 64;

    private static final Pattern BUCKET_CHARACTERS = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern KEY_PART = Pattern.compile("[^\\p{Cntrl}\\\\]*");

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field and the rule it breaks
     */
    public S3BlobConfig {
        require(region != null, "region: required");
        validateBucket(bucket);
        validatePrefix(prefix);
        validateSuffix(keySuffix);
        require(endpointOverride != null, "endpointOverride: must not be null (use Optional.empty())");
        endpointOverride.ifPresent(S3BlobConfig::validateEndpoint);
        require(credentialsProvider != null, "credentialsProvider: required");
        require(encryption != null, "encryption: required (use S3Encryption.none())");
        require(multipartThreshold >= 1 && multipartThreshold <= MAX_BUFFER_SIZE,
                "multipartThreshold: must be between 1 and " + MAX_BUFFER_SIZE + " bytes, got " + multipartThreshold);
        require(partSize >= MIN_PART_SIZE && partSize <= MAX_BUFFER_SIZE,
                "partSize: must be between " + MIN_PART_SIZE + " (5 MiB) and " + MAX_BUFFER_SIZE + " bytes, got "
                        + partSize);
        require(uploadParallelism >= 1 && uploadParallelism <= MAX_UPLOAD_PARALLELISM,
                "uploadParallelism: must be between 1 and " + MAX_UPLOAD_PARALLELISM + ", got " + uploadParallelism);
        require(taggingSupport != null, "taggingSupport: required");
        require(conditionalCopySupport != null, "conditionalCopySupport: required");
    }

    /** A builder with the defaults: prefix {@value #DEFAULT_PREFIX}, no suffix, default credentials, no SSE. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void validateBucket(String bucket) {
        require(bucket != null, "bucket: required");
        require(BUCKET_CHARACTERS.matcher(bucket).matches(), "bucket: must be 3 to 63 characters of lower-case letters,"
                + " digits, dots and hyphens, starting and ending with a letter or digit, got '" + bucket + "'");
        require(!bucket.contains(".."), "bucket: must not contain two adjacent dots, got '" + bucket + "'");
        require(!bucket.contains(".-") && !bucket.contains("-."),
                "bucket: must not have a dot next to a hyphen, got '" + bucket + "'");
        require(!IP_ADDRESS.matcher(bucket).matches(), "bucket: must not look like an IP address, got '" + bucket + "'");
        for (String reserved : new String[] {"xn--", "sthree-", "amzn-s3-demo-"}) {
            require(!bucket.startsWith(reserved), "bucket: must not start with '" + reserved + "', got '" + bucket + "'");
        }
        for (String reserved : new String[] {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}) {
            require(!bucket.endsWith(reserved), "bucket: must not end with '" + reserved + "', got '" + bucket + "'");
        }
    }

    private static void validatePrefix(String prefix) {
        require(prefix != null, "prefix: must not be null (use \"\" for the bucket root)");
        require(!prefix.startsWith("/") && !prefix.endsWith("/"),
                "prefix: must not start or end with '/', got '" + prefix + "'");
        require(!prefix.contains("//"), "prefix: must not contain an empty path segment ('//'), got '" + prefix + "'");
        require(prefix.length() <= 512, "prefix: must be at most 512 characters, got " + prefix.length());
        require(KEY_PART.matcher(prefix).matches(),
                "prefix: must not contain control characters or backslashes, got '" + prefix + "'");
    }

    private static void validateSuffix(String keySuffix) {
        require(keySuffix != null, "keySuffix: must not be null (use \"\" for none)");
        require(!keySuffix.contains("/"), "keySuffix: must not contain '/', got '" + keySuffix + "'");
        require(keySuffix.length() <= 64, "keySuffix: must be at most 64 characters, got " + keySuffix.length());
        require(KEY_PART.matcher(keySuffix).matches(),
                "keySuffix: must not contain control characters or backslashes, got '" + keySuffix + "'");
    }

    private static void validateEndpoint(URI endpoint) {
        require(endpoint.isAbsolute() && endpoint.getHost() != null
                        && ("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())),
                "endpointOverride: must be an absolute http or https URI with a host, got " + endpoint);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds an {@link S3BlobConfig}; {@link #region(Region)} and {@link #bucket(String)} are required. */
    public static final class Builder {
        private Region region;
        private String bucket;
        private String prefix = DEFAULT_PREFIX;
        private String keySuffix = "";
        private Optional<URI> endpointOverride = Optional.empty();
        private boolean pathStyle;
        private AwsCredentialsProvider credentialsProvider;
        private S3Encryption encryption = S3Encryption.none();
        private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
        private long partSize = DEFAULT_PART_SIZE;
        private int uploadParallelism = DEFAULT_UPLOAD_PARALLELISM;
        private FeatureSupport taggingSupport = FeatureSupport.AUTO;
        private FeatureSupport conditionalCopySupport = FeatureSupport.AUTO;
        private boolean sharedWithPython;

        private Builder() {
        }

        private Builder(S3BlobConfig config) {
            region = config.region;
            bucket = config.bucket;
            prefix = config.prefix;
            keySuffix = config.keySuffix;
            endpointOverride = config.endpointOverride;
            pathStyle = config.pathStyle;
            credentialsProvider = config.credentialsProvider;
            encryption = config.encryption;
            multipartThreshold = config.multipartThreshold;
            partSize = config.partSize;
            uploadParallelism = config.uploadParallelism;
            taggingSupport = config.taggingSupport;
            conditionalCopySupport = config.conditionalCopySupport;
            sharedWithPython = config.sharedWithPython;
        }

        /** The bucket's region (required). */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** The bucket's region by id, e.g. {@code "eu-west-1"} (required). */
        public Builder region(String regionId) {
            if (regionId == null || regionId.isBlank()) {
                throw new IllegalArgumentException("region: must be a non-blank region id such as eu-west-1");
            }
            this.region = Region.of(regionId);
            return this;
        }

        /** The bucket (required). */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /** The folder inside the bucket; default {@value S3BlobConfig#DEFAULT_PREFIX}, {@code ""} for the root. */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** Appended to every object key; default none. */
        public Builder keySuffix(String keySuffix) {
            this.keySuffix = keySuffix;
            return this;
        }

        /** Another endpoint than AWS S3's. */
        public Builder endpointOverride(URI endpoint) {
            this.endpointOverride = Optional.ofNullable(endpoint);
            return this;
        }

        /** Path-style addressing; default false (virtual-hosted style). */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /** The credentials; default the SDK's default chain (environment, profile, container, instance). */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /** Server-side encryption of written objects; default {@link S3Encryption#none()}. */
        public Builder encryption(S3Encryption encryption) {
            this.encryption = encryption;
            return this;
        }

        /** The largest content sent in one PutObject; default 16 MiB. */
        public Builder multipartThreshold(long bytes) {
            this.multipartThreshold = bytes;
            return this;
        }

        /** The multipart part size; default 16 MiB, at least 5 MiB. */
        public Builder partSize(long bytes) {
            this.partSize = bytes;
            return this;
        }

        /** Parts of one upload sent at once; default 4. */
        public Builder uploadParallelism(int parts) {
            this.uploadParallelism = parts;
            return this;
        }

        /** Whether tags are stored; default {@link FeatureSupport#AUTO}. */
        public Builder taggingSupport(FeatureSupport support) {
            this.taggingSupport = support;
            return this;
        }

        /**
         * Whether the prefix is shared with the Python library on the S3 + DynamoDB layout (see
         * {@link S3BlobConfig#sharedWithPython()}); default false.
         */
        public Builder sharedWithPython(boolean shared) {
            this.sharedWithPython = shared;
            return this;
        }

        /** Whether CopyObject honours {@code If-None-Match}; default {@link FeatureSupport#AUTO}. */
        public Builder conditionalCopySupport(FeatureSupport support) {
            this.conditionalCopySupport = support;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the first field that breaks its rule
         */
        public S3BlobConfig build() {
            AwsCredentialsProvider credentials = Objects.requireNonNullElseGet(credentialsProvider,
                    () -> DefaultCredentialsProvider.builder().build());
            return new S3BlobConfig(region, bucket, prefix, keySuffix, endpointOverride, pathStyle, credentials,
                    encryption, multipartThreshold, partSize, uploadParallelism, taggingSupport,
                    conditionalCopySupport, sharedWithPython);
        }
    }
}
