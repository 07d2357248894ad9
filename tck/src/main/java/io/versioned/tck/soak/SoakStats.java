package io.versioned.tck.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Counts the soak's operations by kind and outcome, for the summary line. Thread-safe. */
final class SoakStats {

    /** How an operation ended. */
    enum Outcome {
        /** acknowledged (a write) or answered as the model says (a read) */
        OK,
        /** refused as the semantics say (for example deleting a version an alias points at) */
        REFUSED,
        /** failed by an injected fault: outcome unknown, reconciled */
        FAILED,
        /** a write failed by a fault that changed the artifact nevertheless, wholly or partly (also counted FAILED) */
        FAILED_WITH_EFFECT,
        /** a shared-artifact operation that kept losing to the other workers ({@code ConflictException}) */
        CONFLICT
    }

    private final Map<Outcome, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    /** Counts one operation of {@code kind} that ended with {@code outcome}. */
    void count(Outcome outcome, String kind) {
        counts.computeIfAbsent(outcome, o -> new ConcurrentHashMap<>()).computeIfAbsent(kind, k -> new LongAdder())
                .increment();
    }

    /** The number of operations that ended with {@code outcome}. */
    long total(Outcome outcome) {
        return byKind(outcome).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Kind → count of the operations that ended with {@code outcome}, sorted by kind. */
    Map<String, Long> byKind(Outcome outcome) {
        return counts.getOrDefault(outcome, Map.of()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum(), Long::sum, TreeMap::new));
    }

    /** {@code total (kind n, kind n, …)} for {@code outcome}. */
    String describe(Outcome outcome) {
        return total(outcome) + " " + byKind(outcome).entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ", "(", ")"));
    }
}
