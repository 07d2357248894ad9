package io.versioned.bench.requests;

/**
 * The requests one operation sent, per service.
 *
 * @param s3       requests to S3
 * @param dynamoDb requests to DynamoDB (0 on the S3-only backend)
 */
public record RequestCount(int s3, int dynamoDb) {

    /** Both services together. */
    public int total() {
        return s3 + dynamoDb;
    }

    /** This count less {@code other}, service by service. */
    RequestCount minus(RequestCount other) {
        return new RequestCount(s3 - other.s3, dynamoDb - other.dynamoDb);
    }
}
