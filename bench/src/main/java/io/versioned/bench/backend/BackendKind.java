package io.versioned.bench.backend;

/** The four backends every benchmark section measures, with the label the report gives each. */
public enum BackendKind {
    /** The adapter-inmemory ports. */
    IN_MEMORY("in-memory"),
    /** H2 and a blob folder under one directory, the embedded default. */
    EMBEDDED("embedded (H2 + folder)"),
    /** S3 (s3proxy) for the bytes, DynamoDB (dynalite) for the records. */
    S3_DYNAMODB("S3 + DynamoDB"),
    /** S3 (s3proxy) for the bytes and the records. */
    S3_ONLY("S3 only");

    private final String label;

    BackendKind(String label) {
        this.label = label;
    }

    /** The name of the backend in the report. */
    public String label() {
        return label;
    }
}
