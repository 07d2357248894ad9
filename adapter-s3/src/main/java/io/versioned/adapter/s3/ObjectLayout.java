package io.versioned.adapter.s3;

import java.util.Optional;

/**
 * Maps logical blob keys to object keys in the bucket and back: {@code prefix/} + key + suffix. Object keys under
 * {@link #RESERVED} (the adapter's own probe objects) and keys without the prefix or the suffix are not blobs.
 */
final class ObjectLayout {

    /** The logical folder where the adapter writes short-lived probe objects; never a blob key. */
    static final String RESERVED = ".versioned/";

    private final String bucket;
    private final String root;
    private final String suffix;

    ObjectLayout(S3BlobConfig config) {
        this.bucket = config.bucket();
        this.root = config.prefix().isEmpty() ? "" : config.prefix() + "/";
        this.suffix = config.keySuffix();
    }

    String bucket() {
        return bucket;
    }

    /**
     * The object key of a logical key.
     *
     * @throws IllegalArgumentException if {@code key} is null, empty, starts with '/' or is reserved
     */
    String objectKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key: must be a non-empty blob key");
        }
        if (key.startsWith("/") || key.startsWith(RESERVED)) {
            throw new IllegalArgumentException("key: must not start with '/' or '" + RESERVED + "', got '" + key + "'");
        }
        return root + key + suffix;
    }

    /** The object key of a probe object named {@code name}; outside the space of blob keys. */
    String probeKey(String name) {
        return root + RESERVED + name;
    }

    /** The object-key prefix under which every blob whose key starts with {@code keyPrefix} lives. */
    String listPrefix(String keyPrefix) {
        if (keyPrefix == null) {
            throw new IllegalArgumentException("prefix: must not be null (use \"\" for every key)");
        }
        return root + keyPrefix;
    }

    /** The logical key of an object key, or empty if the object is not a blob of this store. */
    Optional<String> logicalKey(String objectKey) {
        if (!objectKey.startsWith(root) || !objectKey.endsWith(suffix)
                || objectKey.length() <= root.length() + suffix.length()) {
            return Optional.empty();
        }
        String key = objectKey.substring(root.length(), objectKey.length() - suffix.length());
        return key.startsWith(RESERVED) ? Optional.empty() : Optional.of(key);
    }

    /** {@code s3://bucket/objectKey}. */
    String uri(String key) {
        return "s3://" + bucket + "/" + objectKey(key);
    }

    /** {@code s3://bucket/objectKey} of a raw object key, for messages. */
    String describe(String objectKey) {
        return "s3://" + bucket + "/" + objectKey;
    }
}
