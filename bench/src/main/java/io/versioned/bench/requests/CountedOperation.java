package io.versioned.bench.requests;

/**
 * The rows of the section, in report order, named as in {@code docs/round-trips.md}, each with the Python library's
 * requests for it: on S3 + DynamoDB the "Python library 1.0.x" column of {@code docs/round-trips.md}, on S3 alone
 * the "Python S3-only backend" column of {@code docs/s3-only.md} (read from its source); "—" where it has no such
 * operation.
 */
enum CountedOperation {
    PUT_NEW("put (new content, byte[])", "4", "3"),
    PUT_UNCHANGED("put (unchanged content)", "1", "1"),
    PUBLISH("publish", "5", "3"),
    PUBLISH_FALLBACK("publish (S3-compatible store without conditional CopyObject, as s3proxy)", "—", "—"),
    RESOLVE("resolve", "—", "—"),
    GET_CONTENT("getContent", "2", "2"),
    PUT_ALIAS_NEW("putAlias (new alias)", "2", "3"),
    PUT_ALIAS_SWITCH("putAlias (switch)", "2", "3"),
    PUT_ALIAS_CANARY("putAlias (canary with secondary)", "3", "4"),
    DELETE_VERSION("deleteArtifactVersion", "1", "1"),
    LIST_VERSIONS("listArtifactVersions", "1", "1 + 1 per version"),
    PURGE_PER_CALL("purgeArtifactVersions (per call)", "—", "1 + 1 per version"),
    PURGE_PER_VERSION("purgeArtifactVersions (per purged version)", "—", "1");

    private final String label;
    private final String pythonS3AndDynamoDb;
    private final String pythonS3Only;

    CountedOperation(String label, String pythonS3AndDynamoDb, String pythonS3Only) {
        this.label = label;
        this.pythonS3AndDynamoDb = pythonS3AndDynamoDb;
        this.pythonS3Only = pythonS3Only;
    }

    /** The row name. */
    String label() {
        return label;
    }

    /** The Python library's requests on S3 + DynamoDB. */
    String pythonS3AndDynamoDb() {
        return pythonS3AndDynamoDb;
    }

    /** The Python library's requests on its S3-only backend. */
    String pythonS3Only() {
        return pythonS3Only;
    }
}
