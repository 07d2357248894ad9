/**
 * The AWS backends as products, each one configuration, one Guice module and a ready
 * {@link io.versioned.api.Repository}:
 * <ul>
 *   <li>S3 + DynamoDB: {@link io.versioned.aws.AwsRepositoryConfig} (bucket, prefix, table, region, endpoints,
 *       credentials, encryption), {@link io.versioned.aws.AwsModule} and
 *       {@link io.versioned.aws.VersionedAws#repository(io.versioned.aws.AwsRepositoryConfig)}. Bytes live in S3
 *       through {@code adapter-s3}, records in DynamoDB through {@code adapter-dynamodb}. Requests per operation:
 *       {@code docs/round-trips.md}.</li>
 *   <li>S3 only, no database: {@link io.versioned.aws.S3OnlyRepositoryConfig} (bucket, prefix, region, endpoint,
 *       credentials, encryption), {@link io.versioned.aws.S3OnlyModule} and
 *       {@link io.versioned.aws.VersionedAws#s3OnlyRepository(io.versioned.aws.S3OnlyRepositoryConfig)}. Bytes live
 *       in S3 through {@code adapter-s3}, records in JSON documents beside them in the same bucket and prefix through
 *       {@code adapter-s3-only}. Layout and requests per operation: {@code docs/s3-only.md}.</li>
 * </ul>
 * This package only composes the adapters.
 */
package io.versioned.aws;
