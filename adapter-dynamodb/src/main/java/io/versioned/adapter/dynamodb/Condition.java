package io.versioned.adapter.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition expression with its attribute names and values, for a conditional single-item write. Rows
 * without a {@code revision} attribute (written by the Python library) count as revision 0.
 *
 * @param expression the condition expression
 * @param names      its expression attribute names
 * @param values     its expression attribute values; {@code null} when it has none (DynamoDB refuses an empty map)
 */
record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    private static final String REVISION = "revision";

    /** The item does not exist: {@code existenceAttribute} is absent. */
    static Condition absent(String existenceAttribute) {
        return new Condition("attribute_not_exists(#e)", Map.of("#e", existenceAttribute), null);
    }

    /** The item exists and is at {@code expected} revision. */
    static Condition presentAtRevision(String existenceAttribute, long expected) {
        String revisionMatches = expected == 0 ? "(attribute_not_exists(#rev) OR #rev = :rev)" : "#rev = :rev";
        return new Condition("attribute_exists(#e) AND " + revisionMatches,
                Map.of("#e", existenceAttribute, "#rev", REVISION), revisionValue(expected));
    }

    /** The item does not exist, or it is at {@code expected} revision. */
    static Condition absentOrAtRevision(String existenceAttribute, long expected) {
        String revisionMatches = expected == 0 ? "attribute_not_exists(#rev) OR #rev = :rev" : "#rev = :rev";
        return new Condition("attribute_not_exists(#e) OR " + revisionMatches,
                Map.of("#e", existenceAttribute, "#rev", REVISION), revisionValue(expected));
    }

    private static Map<String, AttributeValue> revisionValue(long expected) {
        return Map.of(":rev", AttributeValue.fromN(Long.toString(expected)));
    }
}
