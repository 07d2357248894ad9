package io.versioned.adapter.s3;

/**
 * Whether an optional S3 feature is used. S3-compatible stores differ in what they implement, so a feature can be
 * detected once with a probe ({@link #AUTO}) or fixed by configuration.
 */
public enum FeatureSupport {
    /** Probe the store once (at {@link S3BlobPort#bootstrap()} or on first need) and use the feature if it works. */
    AUTO,
    /** Use the feature without probing; the store must implement it. */
    ENABLED,
    /** Never use the feature. */
    DISABLED
}
