/**
 * The {@link io.versioned.core.port.MetadataPort} on Amazon DynamoDB:
 * {@link io.versioned.adapter.dynamodb.DynamoMetadataPort} (item layout, consistency and request counts in its
 * Javadoc), configured by {@link io.versioned.adapter.dynamodb.DynamoConfig} and bound by
 * {@link io.versioned.adapter.dynamodb.DynamoModule}. The table is shared with the Python library
 * {@code versioned} 1.0.x. No AWS SDK exception leaves this package: failed conditions are
 * {@link io.versioned.core.port.PreconditionFailedException}s, other failures
 * {@link io.versioned.api.BackendException}s.
 */
package io.versioned.adapter.dynamodb;
