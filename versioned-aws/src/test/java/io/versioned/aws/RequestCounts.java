package io.versioned.aws;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many requests of each operation name ({@code GetObject}, {@code PutItem}, ...) one service received.
 *
 * @param byOperation operation name → requests, without zero entries
 */
record RequestCounts(Map<String, Integer> byOperation) {

    RequestCounts {
        byOperation = Map.copyOf(byOperation);
    }

    /** One request per element of {@code operations}, so {@code of("GetObject", "GetObject")} is two GetObjects. */
    static RequestCounts of(String... operations) {
        Map<String, Integer> counts = new TreeMap<>();
        Arrays.stream(operations).forEach(operation -> counts.merge(operation, 1, Integer::sum));
        return new RequestCounts(counts);
    }

    /** The number of requests of all operations. */
    int total() {
        return byOperation.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** These counts less {@code other}'s, operation by operation. */
    RequestCounts minus(RequestCounts other) {
        Map<String, Integer> result = new TreeMap<>(byOperation);
        other.byOperation.forEach((operation, count) -> result.merge(operation, -count, Integer::sum));
        result.values().removeIf(count -> count == 0);
        return new RequestCounts(result);
    }

    @Override
    public String toString() {
        return new TreeMap<>(byOperation).toString();
    }
}
