/**
 * A {@link io.versioned.core.port.MetadataPort} kept entirely in S3 objects, changed only through S3
 * conditional writes: {@link io.versioned.adapter.s3only.S3OnlyMetadataPort} (layout and request counts in its
 * Javadoc), configured by {@link io.versioned.adapter.s3only.S3MetadataConfig} and bound by
 * {@link io.versioned.adapter.s3only.S3OnlyMetadataModule}.
 */
package io.versioned.adapter.s3only;
