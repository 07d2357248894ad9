package io.versioned.adapter.dynamodb;

import io.versioned.api.Version;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a {@link VersionRecord} to a version row and back. The Python attributes ({@code update_at},
 * {@code is_deleted}, {@code sha256}) keep their names, types and formats; the others are ours and get
 * defaults when a row written by the Python library lacks them.
 */
final class VersionItems {

    static final String UPDATE_AT = "update_at";
    static final String IS_DELETED = "is_deleted";
    static final String SHA256 = "sha256";
    static final String SIZE = "size";
    static final String CONTENT_TYPE = "content_type";
    static final String METADATA = "metadata";
    static final String BLOB_KEY = "blob_key";
    static final String ALIAS_PINS = "alias_pins";
    static final String REVISION = "revision";

    /** The content type of rows that name none (written by the Python library). */
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private VersionItems() {
    }

    /** The whole row of {@code record}, keys included; empty maps are left out. */
    static Map<String, AttributeValue> toItem(VersionRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(ItemKeys.key(ItemKeys.versionPartition(record.name()),
                ItemKeys.versionSortKey(record.version())));
        item.put(UPDATE_AT, AttributeValue.fromS(Timestamps.format(record.updateAt())));
        item.put(IS_DELETED, AttributeValue.fromBool(record.deleted()));
        item.put(SHA256, AttributeValue.fromS(record.sha256()));
        item.put(SIZE, AttributeValue.fromN(Long.toString(record.size())));
        item.put(CONTENT_TYPE, AttributeValue.fromS(record.contentType()));
        if (!record.metadata().isEmpty()) {
            item.put(METADATA, AttributeValue.fromM(record.metadata().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue())))));
        }
        item.put(BLOB_KEY, AttributeValue.fromS(record.blobKey()));
        if (!record.aliasPins().isEmpty()) {
            item.put(ALIAS_PINS, AttributeValue.fromM(record.aliasPins().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromN(e.getValue().toString())))));
        }
        item.put(REVISION, AttributeValue.fromN(Long.toString(record.revision())));
        return item;
    }

    /**
     * True when the row is a version: it has a {@code sha256}. The Python library's soft delete of a missing
     * version (an unconditional UpdateItem) leaves a row with only the keys and {@code is_deleted}; such a row
     * counts as absent.
     */
    static boolean isVersion(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(SHA256);
    }

    /**
     * The record of a version row of artifact {@code name}.
     *
     * @throws io.versioned.api.BackendException (not retryable) if the row is malformed
     */
    static VersionRecord fromItem(String name, Map<String, AttributeValue> item, String table) {
        ItemReader reader = new ItemReader(item, "table " + table + ", pk=" + name + ", sk="
                + item.getOrDefault(ItemKeys.SK, AttributeValue.fromS("?")).s());
        Version version = version(reader);
        return new VersionRecord(name, version, reader.timestamp(UPDATE_AT), reader.bool(IS_DELETED, false),
                reader.string(SHA256), reader.number(SIZE, -1),
                reader.optionalString(CONTENT_TYPE).orElse(DEFAULT_CONTENT_TYPE), reader.stringMap(METADATA),
                reader.optionalString(BLOB_KEY).orElseGet(() -> BlobKeys.of(name, version)),
                reader.numberMap(ALIAS_PINS), reader.number(REVISION, 0));
    }

    private static Version version(ItemReader reader) {
        String sortKey = reader.string(ItemKeys.SK);
        try {
            return ItemKeys.parseVersionSortKey(sortKey);
        } catch (IllegalArgumentException e) {
            throw reader.malformed(ItemKeys.SK, e.getMessage());
        }
    }
}
