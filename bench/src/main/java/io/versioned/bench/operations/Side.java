package io.versioned.bench.operations;

import java.util.Arrays;

/** Who does an operation: the library, or the raw store doing the fewest calls for the same result. */
enum Side {
    LIBRARY("library"),
    BASELINE("baseline");

    private final String id;

    Side(String id) {
        this.id = id;
    }

    /** The name of the side in JMH's {@code side} parameter. */
    String id() {
        return id;
    }

    /** @throws IllegalArgumentException if no side has that {@link #id()} */
    static Side byId(String id) {
        return Arrays.stream(values()).filter(side -> side.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("side: unknown id '" + id + "'"));
    }
}
