package io.versioned.adapter.dynamodb;

import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps an {@link AliasRecord} to an alias row and back, and an {@link AliasTarget} to its attributes (used by
 * alias rows and history entries alike). {@code secondary_version} and {@code secondary_version_weight} are
 * left out when there is no secondary version, as the Python library does.
 */
final class AliasItems {

    static final String UPDATE_AT = "update_at";
    static final String VERSION = "version";
    static final String SECONDARY_VERSION = "secondary_version";
    static final String SECONDARY_VERSION_WEIGHT = "secondary_version_weight";
    static final String REVISION = "revision";

    private AliasItems() {
    }

    /** The whole alias row of {@code record}, keys included. */
    static Map<String, AttributeValue> toItem(AliasRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(ItemKeys.key(ItemKeys.aliasPartition(record.name()),
                ItemKeys.aliasSortKey(record.alias())));
        item.put(UPDATE_AT, AttributeValue.fromS(Timestamps.format(record.updateAt())));
        item.putAll(targetAttributes(record.target()));
        item.put(REVISION, AttributeValue.fromN(Long.toString(record.revision())));
        return item;
    }

    /**
     * The record of an alias row of artifact {@code name}; rows without {@code revision} (Python) are at 0.
     *
     * @throws io.versioned.api.BackendException (not retryable) if the row is malformed
     */
    static AliasRecord fromItem(String name, Map<String, AttributeValue> item, String table) {
        ItemReader reader = new ItemReader(item, "table " + table + ", pk=" + ItemKeys.aliasPartition(name)
                + ", sk=" + item.getOrDefault(ItemKeys.SK, AttributeValue.fromS("?")).s());
        return new AliasRecord(name, reader.string(ItemKeys.SK), reader.timestamp(UPDATE_AT), target(reader),
                reader.number(REVISION, 0));
    }

    /** {@code version}, and {@code secondary_version} with {@code secondary_version_weight} when there is one. */
    static Map<String, AttributeValue> targetAttributes(AliasTarget target) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(VERSION, AttributeValue.fromS(ItemKeys.versionSortKey(target.version())));
        target.secondaryVersion().ifPresent(secondary -> {
            attributes.put(SECONDARY_VERSION, AttributeValue.fromS(ItemKeys.versionSortKey(secondary)));
            attributes.put(SECONDARY_VERSION_WEIGHT,
                    AttributeValue.fromN(Integer.toString(target.secondaryVersionWeight())));
        });
        return attributes;
    }

    /**
     * The target stored in {@code reader}'s attributes. Versions may be {@code LATEST}, six digits or a plain
     * number; a weight without a secondary version is ignored; a missing weight with one is 0.
     */
    static AliasTarget target(ItemReader reader) {
        Version version = version(reader, VERSION, reader.string(VERSION));
        Optional<Version> secondary = reader.optionalString(SECONDARY_VERSION)
                .map(text -> version(reader, SECONDARY_VERSION, text));
        long weight = secondary.isPresent() ? reader.number(SECONDARY_VERSION_WEIGHT, 0) : 0;
        if (weight < 0 || weight > 99) {
            throw reader.malformed(SECONDARY_VERSION_WEIGHT, "is not from 0 to 99: " + weight);
        }
        return new AliasTarget(version, secondary, (int) weight);
    }

    private static Version version(ItemReader reader, String attribute, String text) {
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            throw reader.malformed(attribute, e.getMessage());
        }
    }
}
