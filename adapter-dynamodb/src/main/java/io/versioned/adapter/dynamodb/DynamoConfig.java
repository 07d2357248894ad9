package io.versioned.adapter.dynamodb;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where and how {@link DynamoMetadataPort} stores metadata. Build it with {@link #builder()}; every value is
 * validated when set and again when the record is made.
 *
 * @param tableName          the DynamoDB table: 3 to 255 characters of {@code A-Z a-z 0-9 _ - .}
 * @param region             the AWS region; empty to use the SDK's default region chain
 * @param endpointOverride   an {@code http} or {@code https} endpoint replacing AWS's (local servers, VPC
 *                           endpoints); empty for AWS's
 * @param credentialsProvider where credentials come from; the SDK's default chain unless set
 * @param billing            the billing mode {@link DynamoMetadataPort#bootstrap()} creates the table with
 */
public record DynamoConfig(String tableName, Optional<Region> region, Optional<URI> endpointOverride,
                           AwsCredentialsProvider credentialsProvider, Billing billing) {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * @throws IllegalArgumentException naming the argument, if one is missing or breaks its rule
     */
    public DynamoConfig {
        requireValidTableName(tableName);
        requireArgument(region != null, "region: must not be null (use Optional.empty())");
        requireArgument(endpointOverride != null, "endpointOverride: must not be null (use Optional.empty())");
        endpointOverride.ifPresent(DynamoConfig::requireValidEndpoint);
        requireArgument(credentialsProvider != null, "credentialsProvider: must not be null");
        requireArgument(billing != null, "billing: must not be null");
    }

    /** A builder with no table name, no region, no endpoint override, the default credentials, on-demand billing. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a DynamoDB table name.
     *
     * @throws IllegalArgumentException if it is not 3 to 255 characters of {@code A-Z a-z 0-9 _ - .}
     */
    static String requireValidTableName(String tableName) {
        requireArgument(tableName != null && TABLE_NAME.matcher(tableName).matches(),
                "tableName: must be 3 to 255 characters of A-Z, a-z, 0-9, '_', '-' and '.', got "
                        + (tableName == null ? "null" : "'" + tableName + "'"));
        return tableName;
    }

    private static void requireValidEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        requireArgument(endpoint.isAbsolute() && endpoint.getHost() != null
                        && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)),
                "endpointOverride: must be an absolute http or https URI with a host, got '" + endpoint + "'");
    }

    private static void requireArgument(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * How the table is billed when {@link DynamoMetadataPort#bootstrap()} creates it; an existing table is left
     * as it is.
     *
     * @param mode               on demand or provisioned
     * @param readCapacityUnits  provisioned read capacity; 0 for on demand
     * @param writeCapacityUnits provisioned write capacity; 0 for on demand
     */
    public record Billing(Mode mode, long readCapacityUnits, long writeCapacityUnits) {

        /** The DynamoDB billing modes. */
        public enum Mode {
            /** On demand: {@code PAY_PER_REQUEST}. */
            PAY_PER_REQUEST,
            /** Provisioned read and write capacity units. */
            PROVISIONED
        }

        /**
         * @throws IllegalArgumentException if the capacities do not fit the mode (0 on demand, at least 1
         *                                  provisioned)
         */
        public Billing {
            requireArgument(mode != null, "mode: must not be null");
            if (mode == Mode.PAY_PER_REQUEST) {
                requireArgument(readCapacityUnits == 0 && writeCapacityUnits == 0,
                        "readCapacityUnits, writeCapacityUnits: must be 0 for PAY_PER_REQUEST");
            } else {
                requireArgument(readCapacityUnits >= 1,
                        "readCapacityUnits: must be at least 1, got " + readCapacityUnits);
                requireArgument(writeCapacityUnits >= 1,
                        "writeCapacityUnits: must be at least 1, got " + writeCapacityUnits);
            }
        }

        /** On-demand billing ({@code PAY_PER_REQUEST}), the default. */
        public static Billing payPerRequest() {
            return new Billing(Mode.PAY_PER_REQUEST, 0, 0);
        }

        /**
         * Provisioned capacity.
         *
         * @throws IllegalArgumentException if a capacity is below 1
         */
        public static Billing provisioned(long readCapacityUnits, long writeCapacityUnits) {
            return new Billing(Mode.PROVISIONED, readCapacityUnits, writeCapacityUnits);
        }
    }

    /** Builds a {@link DynamoConfig}. Not thread-safe. */
    public static final class Builder {

        private String tableName;
        private Optional<Region> region = Optional.empty();
        private Optional<URI> endpointOverride = Optional.empty();
        private AwsCredentialsProvider credentialsProvider;
        private Billing billing = Billing.payPerRequest();

        private Builder() {
        }

        /**
         * @throws IllegalArgumentException if it is not 3 to 255 characters of {@code A-Z a-z 0-9 _ - .}
         */
        public Builder tableName(String tableName) {
            this.tableName = requireValidTableName(tableName);
            return this;
        }

        /**
         * The AWS region id, e.g. {@code eu-west-1}.
         *
         * @throws IllegalArgumentException if it is blank or not lower-case words joined by hyphens
         */
        public Builder region(String region) {
            requireArgument(region != null && REGION.matcher(region).matches(),
                    "region: must be an AWS region id such as eu-west-1, got "
                            + (region == null ? "null" : "'" + region + "'"));
            this.region = Optional.of(Region.of(region));
            return this;
        }

        /**
         * An endpoint replacing AWS's, e.g. {@code http://127.0.0.1:8000}.
         *
         * @throws IllegalArgumentException if it is null or not an absolute http or https URI with a host
         */
        public Builder endpointOverride(URI endpoint) {
            requireArgument(endpoint != null, "endpointOverride: must not be null");
            requireValidEndpoint(endpoint);
            this.endpointOverride = Optional.of(endpoint);
            return this;
        }

        /**
         * @throws IllegalArgumentException if it is null
         */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            requireArgument(credentialsProvider != null, "credentialsProvider: must not be null");
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /**
         * @throws IllegalArgumentException if it is null
         */
        public Builder billing(Billing billing) {
            requireArgument(billing != null, "billing: must not be null");
            this.billing = billing;
            return this;
        }

        /**
         * @throws IllegalArgumentException if no table name was set
         */
        public DynamoConfig build() {
            requireArgument(tableName != null, "tableName: is required");
            AwsCredentialsProvider credentials = credentialsProvider != null
                    ? credentialsProvider : DefaultCredentialsProvider.builder().build();
            return new DynamoConfig(tableName, region, endpointOverride, credentials, billing);
        }
    }
}
