package io.versioned.aws;

import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3Encryption;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What the repository configurations of this package share: argument checks, the {@code adapter-s3} configuration
 * both derive, and the renaming of an adapter's argument names to theirs in error messages.
 */
final class ConfigArguments {

    private ConfigArguments() {
    }

    /**
     * @throws IllegalArgumentException with {@code message} (which starts with the argument's name) unless
     *                                  {@code condition} holds
     */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The configuration of the {@code adapter-s3} blob port for these values, with that adapter's defaults for
     * everything else (multipart threshold and part size, upload parallelism, feature probes). Each call makes a
     * new, equal value.
     *
     * @param endpointArgument the name of the endpoint argument in the caller's configuration, which replaces
     *                         {@code endpointOverride} in error messages
     * @throws IllegalArgumentException naming the first argument that is missing or breaks a rule of
     *                                  {@link S3BlobConfig}
     */
    static S3BlobConfig s3BlobConfig(Region region, String bucket, String prefix, String keySuffix,
                                     Optional<URI> endpoint, String endpointArgument, boolean pathStyle,
                                     AwsCredentialsProvider credentials, S3Encryption encryption) {
        require(region != null, "region: required");
        require(endpoint != null, endpointArgument + ": must not be null (use Optional.empty() for AWS S3)");
        require(credentials != null, "credentialsProvider: required");
        require(encryption != null, "encryption: required (use S3Encryption.none())");
        return renamingArguments(Map.of("endpointOverride", endpointArgument), () -> {
            S3BlobConfig.Builder builder = S3BlobConfig.builder().region(region).bucket(bucket).prefix(prefix)
                    .keySuffix(keySuffix).pathStyle(pathStyle).credentialsProvider(credentials).encryption(encryption);
            endpoint.ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    /**
     * Runs {@code factory}, which builds an adapter's configuration, so that an {@link IllegalArgumentException} it
     * throws names the caller's argument (say {@code table}) rather than the adapter's ({@code tableName}): a
     * message starting with {@code "key:"} of {@code renames} starts with {@code "value:"} instead.
     */
    static <T> T renamingArguments(Map<String, String> renames, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            for (Map.Entry<String, String> rename : renames.entrySet()) {
                if (message.startsWith(rename.getKey() + ":")) {
                    message = rename.getValue() + message.substring(rename.getKey().length());
                }
            }
            throw new IllegalArgumentException(message, e);
        }
    }
}
