package io.versioned.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One version of an artifact as stored: its identity, when it was last changed, and a description
 * of its bytes.
 *
 * @param name        the artifact name
 * @param version     {@link Version#LATEST} or a published number
 * @param updateAt    when this version was created or last changed (UTC)
 * @param sha256      the SHA-256 of the bytes, 64 lower-case hex characters
 * @param size        the number of bytes
 * @param contentType the media type given at put time, {@code application/octet-stream} when none was given
 * @param metadata    user metadata given at put time (unmodifiable, possibly empty)
 * @param uri         where the bytes live, e.g. {@code s3://bucket/prefix/name/000001}, {@code file:/...}, {@code mem://...}
 */
public record Artifact(String name, Version version, Instant updateAt, String sha256, long size,
                       String contentType, Map<String, String> metadata, String uri) {

    /**
     * Copies {@code metadata} into an immutable map.
     *
     * @param name        the artifact name
     * @param version     {@link Version#LATEST} or a published number
     * @param updateAt    when this version was created or last changed (UTC)
     * @param sha256      the SHA-256 of the bytes, 64 lower-case hex characters
     * @param size        the number of bytes
     * @param contentType the media type of the bytes
     * @param metadata    user metadata, possibly empty
     * @param uri         where the bytes live
     * @throws NullPointerException if any component but {@code size} is null, or {@code metadata} has a null key or
     *                              value
     */
    public Artifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(updateAt, "updateAt");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(uri, "uri");
        metadata = Map.copyOf(metadata);
    }
}
