package io.versioned.adapter.dynamodb;

import io.versioned.api.AliasChange;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps an {@link AliasChange} to a history item and back. The item holds {@code alias} (S), {@code revision}
 * (N), {@code update_at} (S, the change's time in the Python format) and, as maps with the alias-row target
 * attributes, {@code previous} (left out when the change created the alias) and {@code current} (left out when
 * it deleted the alias).
 */
final class HistoryItems {

    static final String ALIAS = "alias";
    static final String REVISION = "revision";
    static final String UPDATE_AT = "update_at";
    static final String PREVIOUS = "previous";
    static final String CURRENT = "current";

    private HistoryItems() {
    }

    /** The whole history item of {@code change}, keys included. */
    static Map<String, AttributeValue> toItem(AliasChange change) {
        Map<String, AttributeValue> item = new HashMap<>(ItemKeys.key(ItemKeys.historyPartition(change.name()),
                ItemKeys.historySortKey(change.alias(), change.revision())));
        item.put(ALIAS, AttributeValue.fromS(change.alias()));
        item.put(REVISION, AttributeValue.fromN(Long.toString(change.revision())));
        item.put(UPDATE_AT, AttributeValue.fromS(Timestamps.format(change.time())));
        change.previous().ifPresent(target -> item.put(PREVIOUS,
                AttributeValue.fromM(AliasItems.targetAttributes(target))));
        change.current().ifPresent(target -> item.put(CURRENT,
                AttributeValue.fromM(AliasItems.targetAttributes(target))));
        return item;
    }

    /**
     * The change stored in a history item of artifact {@code name}.
     *
     * @throws io.versioned.api.BackendException (not retryable) if the item is malformed
     */
    static AliasChange fromItem(String name, Map<String, AttributeValue> item, String table) {
        ItemReader reader = new ItemReader(item, "table " + table + ", pk=" + ItemKeys.historyPartition(name)
                + ", sk=" + item.getOrDefault(ItemKeys.SK, AttributeValue.fromS("?")).s());
        long revision = reader.optionalNumber(REVISION).orElseThrow(() -> reader.malformed(REVISION, "is missing"));
        return new AliasChange(name, reader.string(ALIAS), revision, reader.timestamp(UPDATE_AT),
                reader.nested(PREVIOUS).map(AliasItems::target), reader.nested(CURRENT).map(AliasItems::target));
    }
}
