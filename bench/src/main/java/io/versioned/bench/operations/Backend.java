package io.versioned.bench.operations;

import java.util.Arrays;

/** The backends of the section, in report order. */
enum Backend {
    IN_MEMORY("in-memory", "in-memory"),
    EMBEDDED("embedded", "embedded (H2 + folder)"),
    S3_DYNAMODB("s3-dynamodb", "S3 + DynamoDB"),
    S3_ONLY("s3-only", "S3-only");

    private final String id;
    private final String label;

    Backend(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name of the backend in JMH's {@code backend} parameter. */
    String id() {
        return id;
    }

    /** The name of the backend in the report. */
    String label() {
        return label;
    }

    /** @throws IllegalArgumentException if no backend has that {@link #id()} */
    static Backend byId(String id) {
        return Arrays.stream(values()).filter(backend -> backend.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("backend: unknown id '" + id + "'"));
    }
}
