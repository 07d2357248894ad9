package io.versioned.adapter.dynamodb;

import io.versioned.api.BackendException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Typed, checked access to the attributes of one stored item. An attribute of the wrong type or format makes
 * the item malformed: a {@link BackendException} that is not retryable and names the item and the attribute.
 */
final class ItemReader {

    private final Map<String, AttributeValue> item;
    private final String description;

    /**
     * @param item        the attributes
     * @param description where the item lives, for messages, e.g. {@code table t, pk=a, sk=LATEST}
     */
    ItemReader(Map<String, AttributeValue> item, String description) {
        this.item = item;
        this.description = description;
    }

    /** The required string attribute. */
    String string(String attribute) {
        return optionalString(attribute).orElseThrow(() -> malformed(attribute, "is missing"));
    }

    /** The string attribute, or empty when absent. */
    Optional<String> optionalString(String attribute) {
        return typed(attribute, AttributeValue::s, "a string (S)");
    }

    /** The boolean attribute, or {@code absent} when absent. */
    boolean bool(String attribute, boolean absent) {
        return typed(attribute, AttributeValue::bool, "a boolean (BOOL)").orElse(absent);
    }

    /** The integral number attribute, or {@code absent} when absent. */
    long number(String attribute, long absent) {
        return optionalNumber(attribute).orElse(absent);
    }

    /** The integral number attribute, or empty when absent. */
    Optional<Long> optionalNumber(String attribute) {
        return typed(attribute, AttributeValue::n, "a number (N)").map(text -> parseLong(attribute, text));
    }

    /** The required timestamp attribute, in the Python format (see {@link Timestamps}). */
    Instant timestamp(String attribute) {
        String text = string(attribute);
        try {
            return Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
            throw malformed(attribute, e.getMessage());
        }
    }

    /** The map-of-strings attribute, or an empty map when absent. */
    Map<String, String> stringMap(String attribute) {
        Map<String, String> result = new LinkedHashMap<>();
        nested(attribute).ifPresent(map -> map.item.keySet().forEach(key -> result.put(key, map.string(key))));
        return result;
    }

    /** The map-of-numbers attribute, or an empty map when absent. */
    Map<String, Long> numberMap(String attribute) {
        Map<String, Long> result = new LinkedHashMap<>();
        nested(attribute).ifPresent(map -> map.item.keySet().forEach(key -> result.put(key, map.number(key, 0))));
        return result;
    }

    /** A reader of the map attribute, or empty when absent. */
    Optional<ItemReader> nested(String attribute) {
        return typed(attribute, value -> value.hasM() ? value.m() : null, "a map (M)")
                .map(map -> new ItemReader(map, description + ", in attribute '" + attribute + "'"));
    }

    /** A malformed-item error about {@code attribute}. */
    BackendException malformed(String attribute, String problem) {
        return new BackendException("malformed item (" + description + "): attribute '" + attribute + "' "
                + problem, null, false);
    }

    private <T> Optional<T> typed(String attribute, Function<AttributeValue, T> getter, String expected) {
        AttributeValue value = item.get(attribute);
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return Optional.empty();
        }
        T typedValue = getter.apply(value);
        if (typedValue == null) {
            throw malformed(attribute, "is not " + expected + ": " + value);
        }
        return Optional.of(typedValue);
    }

    private long parseLong(String attribute, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformed(attribute, "is not an integer: " + text);
        }
    }
}
