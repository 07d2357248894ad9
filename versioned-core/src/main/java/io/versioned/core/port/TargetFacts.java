package io.versioned.core.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code resolve} needs about a numbered version an alias points at, copied from the version's record when
 * the alias is written, so that a resolve reads the alias record only. These fields of a live published version
 * never change while an alias points at it: its bytes are immutable, and it can be neither deleted nor purged (nor
 * therefore restored with a new time) while the alias points at it.
 *
 * @param updateAt    the version record's {@link VersionRecord#updateAt()}
 * @param sha256      SHA-256 of the bytes, 64 lower-case hex
 * @param size        number of bytes, never negative (a record of unknown size gets no facts)
 * @param contentType media type
 * @param metadata    user metadata
 * @param blobKey     the {@link BlobPort} key of the bytes
 */
public record TargetFacts(Instant updateAt, String sha256, long size, String contentType,
                          Map<String, String> metadata, String blobKey) {

    /**
     * Checks that no component is null and that the size is known; makes the map immutable.
     *
     * @param updateAt    the version record's {@link VersionRecord#updateAt()}
     * @param sha256      SHA-256 of the bytes, 64 lower-case hex
     * @param size        number of bytes, never negative
     * @param contentType media type
     * @param metadata    user metadata, possibly empty
     * @param blobKey     the {@link BlobPort} key of the bytes
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public TargetFacts {
        Objects.requireNonNull(updateAt, "updateAt");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(blobKey, "blobKey");
        if (size < 0) {
            throw new IllegalArgumentException("size: must be >= 0, got " + size);
        }
        metadata = Map.copyOf(metadata);
    }

    /**
     * The facts of {@code record}.
     *
     * @param record the record of a published version of known size
     * @return its facts
     * @throws IllegalArgumentException if the record is LATEST's, or its size is unknown
     */
    public static TargetFacts of(VersionRecord record) {
        if (record.version().isLatest()) {
            throw new IllegalArgumentException("record: LATEST changes on every put and has no target facts");
        }
        return new TargetFacts(record.updateAt(), record.sha256(), record.size(), record.contentType(),
                record.metadata(), record.blobKey());
    }
}
