/**
 * The S3 + DynamoDB backend as one product: {@link io.versioned.aws.AwsRepositoryConfig} (bucket, prefix, table,
 * region, endpoints, credentials, encryption), {@link io.versioned.aws.AwsModule} (the Guice module binding both
 * ports) and {@link io.versioned.aws.VersionedAws#repository(io.versioned.aws.AwsRepositoryConfig)} (a ready
 * {@link io.versioned.api.Repository}). Bytes live in S3 through {@code adapter-s3}, records in DynamoDB through
 * {@code adapter-dynamodb}; this package only composes them. Requests per operation: {@code docs/round-trips.md}.
 */
package io.versioned.aws;
