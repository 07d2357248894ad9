package io.versioned.core.port;

import io.versioned.api.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The stored record of one version of an artifact. Adapters store every field and give it back unchanged.
 *
 * @param name        the artifact name
 * @param version     LATEST or a published number
 * @param updateAt    when the version was created or last changed, truncated to microseconds
 * @param deleted     true when soft-deleted
 * @param sha256      SHA-256 of the bytes, 64 lower-case hex
 * @param size        number of bytes; -1 when unknown (records written by other tools)
 * @param contentType media type
 * @param metadata    user metadata
 * @param blobKey     the {@link BlobPort} key of the bytes; records written by other tools that name no key
 *                    get {@link BlobKeys#of(String, Version)}
 * @param aliasPins   alias name → the alias revision that may point here. A version with a pin whose alias
 *                    points at it cannot be deleted; the core maintains the pins, adapters only store them
 * @param revision    increases by one on every change of the record; 0 for records written by other tools
 */
public record VersionRecord(String name, Version version, Instant updateAt, boolean deleted, String sha256,
                            long size, String contentType, Map<String, String> metadata, String blobKey,
                            Map<String, Long> aliasPins, long revision) {

    /**
     * Checks that no component is null and makes the maps immutable.
     *
     * @param name        the artifact name
     * @param version     LATEST or a published number
     * @param updateAt    when the version was created or last changed, truncated to microseconds
     * @param deleted     true when soft-deleted
     * @param sha256      SHA-256 of the bytes, 64 lower-case hex
     * @param size        number of bytes; -1 when unknown
     * @param contentType media type
     * @param metadata    user metadata, possibly empty
     * @param blobKey     the {@link BlobPort} key of the bytes
     * @param aliasPins   alias name → the alias revision that may point here; possibly empty
     * @param revision    the revision of this state of the record; 0 for records written by other tools
     */
    public VersionRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(updateAt, "updateAt");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(blobKey, "blobKey");
        metadata = Map.copyOf(metadata);
        aliasPins = Map.copyOf(aliasPins);
    }

    /**
     * This record with {@code deleted} set, stamped {@code now}, at the next revision.
     *
     * @param deletedNow true to soft-delete, false to restore
     * @param now        the new {@code updateAt}
     * @return a new record; this one is unchanged
     */
    public VersionRecord withDeleted(boolean deletedNow, Instant now) {
        return new VersionRecord(name, version, now, deletedNow, sha256, size, contentType, metadata, blobKey,
                aliasPins, revision + 1);
    }

    /**
     * This record with other pins, at the next revision; {@code updateAt} is unchanged.
     *
     * @param pins the new alias pins, replacing the old ones
     * @return a new record; this one is unchanged
     */
    public VersionRecord withAliasPins(Map<String, Long> pins) {
        return new VersionRecord(name, version, updateAt, deleted, sha256, size, contentType, metadata, blobKey,
                pins, revision + 1);
    }
}
