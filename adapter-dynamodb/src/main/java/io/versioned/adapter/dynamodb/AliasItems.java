package io.versioned.adapter.dynamodb;

import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.TargetFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps an {@link AliasRecord} to an alias row and back, and an {@link AliasTarget} to its attributes (used by
 * alias rows and history entries alike). {@code secondary_version} and {@code secondary_version_weight} are
 * left out when there is no secondary version, as the Python library does. {@code target_facts} (ours, left out when
 * empty) maps the sort key of each numbered target version to its {@link TargetFacts}, named as on a version row; the
 * Python library ignores it, and its own rows (rewritten whole) have none.
 */
final class AliasItems {

    static final String UPDATE_AT = "update_at";
    static final String VERSION = "version";
    static final String SECONDARY_VERSION = "secondary_version";
    static final String SECONDARY_VERSION_WEIGHT = "secondary_version_weight";
    static final String REVISION = "revision";
    static final String TARGET_FACTS = "target_facts";

    private AliasItems() {
    }

    /** The whole alias row of {@code record}, keys included. */
    static Map<String, AttributeValue> toItem(AliasRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(ItemKeys.key(ItemKeys.aliasPartition(record.name()),
                ItemKeys.aliasSortKey(record.alias())));
        item.put(UPDATE_AT, AttributeValue.fromS(Timestamps.format(record.updateAt())));
        item.putAll(targetAttributes(record.target()));
        item.put(REVISION, AttributeValue.fromN(Long.toString(record.revision())));
        if (!record.targetFacts().isEmpty()) {
            Map<String, AttributeValue> facts = new HashMap<>();
            record.targetFacts().forEach((version, known) ->
                    facts.put(ItemKeys.versionSortKey(version), AttributeValue.fromM(factsItem(known))));
            item.put(TARGET_FACTS, AttributeValue.fromM(facts));
        }
        return item;
    }

    /** The facts of one target, named as on a version row; empty metadata is left out. */
    private static Map<String, AttributeValue> factsItem(TargetFacts facts) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(VersionItems.UPDATE_AT, AttributeValue.fromS(Timestamps.format(facts.updateAt())));
        item.put(VersionItems.SHA256, AttributeValue.fromS(facts.sha256()));
        item.put(VersionItems.SIZE, AttributeValue.fromN(Long.toString(facts.size())));
        item.put(VersionItems.CONTENT_TYPE, AttributeValue.fromS(facts.contentType()));
        if (!facts.metadata().isEmpty()) {
            item.put(VersionItems.METADATA, AttributeValue.fromM(facts.metadata().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue())))));
        }
        item.put(VersionItems.BLOB_KEY, AttributeValue.fromS(facts.blobKey()));
        return item;
    }

    /** The facts of {@code target}'s versions in {@code reader}'s {@code target_facts}; none in a Python row. */
    private static Map<Version, TargetFacts> facts(ItemReader reader, AliasTarget target) {
        Map<Version, TargetFacts> facts = new HashMap<>();
        reader.nested(TARGET_FACTS).ifPresent(all -> {
            for (Version version : targetVersions(target)) {
                all.nested(ItemKeys.versionSortKey(version)).ifPresent(known -> facts.put(version, new TargetFacts(
                        known.timestamp(VersionItems.UPDATE_AT), known.string(VersionItems.SHA256),
                        known.optionalNumber(VersionItems.SIZE)
                                .orElseThrow(() -> known.malformed(VersionItems.SIZE, "is missing")),
                        known.string(VersionItems.CONTENT_TYPE), known.stringMap(VersionItems.METADATA),
                        known.string(VersionItems.BLOB_KEY))));
            }
        });
        return facts;
    }

    private static List<Version> targetVersions(AliasTarget target) {
        List<Version> versions = new ArrayList<>();
        if (!target.version().isLatest()) {
            versions.add(target.version());
        }
        target.secondaryVersion().filter(version -> !version.isLatest()).ifPresent(versions::add);
        return versions;
    }

    /**
     * The record of an alias row of artifact {@code name}; rows without {@code revision} (Python) are at 0.
     *
     * @throws io.versioned.api.BackendException (not retryable) if the row is malformed
     */
    static AliasRecord fromItem(String name, Map<String, AttributeValue> item, String table) {
        ItemReader reader = new ItemReader(item, "table " + table + ", pk=" + ItemKeys.aliasPartition(name)
                + ", sk=" + item.getOrDefault(ItemKeys.SK, AttributeValue.fromS("?")).s());
        AliasTarget target = target(reader);
        return new AliasRecord(name, reader.string(ItemKeys.SK), reader.timestamp(UPDATE_AT), target,
                reader.number(REVISION, 0), facts(reader, target));
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
