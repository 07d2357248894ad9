package io.versioned.aws;

import static io.versioned.aws.ConfigArguments.require;

import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3Encryption;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The settings every repository configuration of this package has, and their defaults: the region, the bucket and
 * where in it the repository lives, the addressing style, the credentials and the server-side encryption of the
 * bytes. {@link AwsRepositoryConfig.Builder} and {@link S3OnlyRepositoryConfig.Builder} add their own. Not
 * thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
abstract class RepositoryConfigBuilder<B extends RepositoryConfigBuilder<B>> {

    private Region region;
    private String bucket;
    private String prefix = S3BlobConfig.DEFAULT_PREFIX;
    private String keySuffix = "";
    private boolean pathStyle;
    private AwsCredentialsProvider credentialsProvider;
    private S3Encryption encryption = S3Encryption.none();

    RepositoryConfigBuilder() {
    }

    /** This builder, as the concrete type. */
    abstract B self();

    /**
     * The AWS region of the repository's bucket (and table, if it has one); required.
     *
     * @throws IllegalArgumentException if {@code region} is null
     */
    public B region(Region region) {
        require(region != null, "region: must not be null");
        this.region = region;
        return self();
    }

    /**
     * The region by id, e.g. {@code "eu-west-1"}; required.
     *
     * @throws IllegalArgumentException if {@code regionId} is null or blank
     */
    public B region(String regionId) {
        require(regionId != null && !regionId.isBlank(), "region: must be a region id such as eu-west-1, got "
                + (regionId == null ? "null" : "'" + regionId + "'"));
        this.region = Region.of(regionId);
        return self();
    }

    /** The bucket (required); checked by {@code build()}. */
    public B bucket(String bucket) {
        this.bucket = bucket;
        return self();
    }

    /**
     * The folder of the repository inside the bucket, without leading or trailing {@code /}; default
     * {@value S3BlobConfig#DEFAULT_PREFIX}. Checked by {@code build()}.
     */
    public B prefix(String prefix) {
        this.prefix = prefix;
        return self();
    }

    /** Appended to the object key of every blob (e.g. {@code ".sqlite"}); default none. */
    public B keySuffix(String keySuffix) {
        this.keySuffix = keySuffix;
        return self();
    }

    /** Path-style S3 addressing; default false. S3-compatible servers (s3proxy, MinIO) usually need true. */
    public B pathStyle(boolean pathStyle) {
        this.pathStyle = pathStyle;
        return self();
    }

    /**
     * The credentials of every client; default the SDK's default chain (environment, system properties, profile,
     * web identity, container, instance).
     *
     * @throws IllegalArgumentException if {@code credentialsProvider} is null
     */
    public B credentialsProvider(AwsCredentialsProvider credentialsProvider) {
        require(credentialsProvider != null, "credentialsProvider: must not be null");
        this.credentialsProvider = credentialsProvider;
        return self();
    }

    /**
     * Server-side encryption of every blob write: {@link S3Encryption#s3Managed()}, {@link S3Encryption#kms(String)},
     * {@link S3Encryption#kmsWithDefaultKey()}; default {@link S3Encryption#none()} (the bucket's default applies).
     *
     * @throws IllegalArgumentException if {@code encryption} is null
     */
    public B encryption(S3Encryption encryption) {
        require(encryption != null, "encryption: must not be null (use S3Encryption.none())");
        this.encryption = encryption;
        return self();
    }

    /**
     * The region, after checking that it and the bucket were set.
     *
     * @throws IllegalArgumentException naming the region or the bucket if either is missing
     */
    Region requiredRegion() {
        require(region != null, "region: required");
        require(bucket != null, "bucket: required");
        return region;
    }

    String bucket() {
        return bucket;
    }

    String prefix() {
        return prefix;
    }

    String keySuffix() {
        return keySuffix;
    }

    boolean pathStyle() {
        return pathStyle;
    }

    /**
     * The credentials set, or a new default chain when none was: it looks for credentials only when a request is
     * signed.
     */
    AwsCredentialsProvider credentials() {
        return credentialsProvider != null ? credentialsProvider : DefaultCredentialsProvider.builder().build();
    }

    S3Encryption encryption() {
        return encryption;
    }
}
