/**
 * The "Requests per operation" section of the benchmark report: the HTTP requests each public operation sends on
 * the S3 + DynamoDB and the S3-only backends, counted at the AWS SDK with
 * {@link io.versioned.testsupport.RequestCounter}, beside the Python library's counts.
 */
package io.versioned.bench.requests;
