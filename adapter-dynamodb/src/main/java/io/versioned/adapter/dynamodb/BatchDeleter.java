package io.versioned.adapter.dynamodb;

import io.versioned.api.BackendException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes items by key with BatchWriteItem, 25 keys per request (the DynamoDB maximum). Keys the service
 * leaves unprocessed are sent again with exponential backoff, up to {@value #MAX_ATTEMPTS} requests per batch.
 * Not thread-safe: one instance per purge.
 */
final class BatchDeleter {

    private static final int BATCH_SIZE = 25;
    private static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final DynamoDbClient client;
    private final String table;
    private final DynamoErrors errors;
    private final List<WriteRequest> pending = new ArrayList<>(BATCH_SIZE);

    BatchDeleter(DynamoDbClient client, String table, DynamoErrors errors) {
        this.client = client;
        this.table = table;
        this.errors = errors;
    }

    /** Queues the deletion of {@code key}, sending a batch when 25 are queued. */
    void delete(Map<String, AttributeValue> key) {
        pending.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
        if (pending.size() == BATCH_SIZE) {
            flush();
        }
    }

    /**
     * Sends the queued deletions.
     *
     * @throws BackendException if the store fails, or keys are still unprocessed after every attempt (retryable)
     */
    void flush() {
        List<WriteRequest> batch = List.copyOf(pending);
        pending.clear();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; !batch.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new BackendException("purge on DynamoDB table '" + table + "': " + batch.size()
                        + " deletions still unprocessed after " + MAX_ATTEMPTS + " attempts", null, true);
            }
            if (attempt > 1) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            List<WriteRequest> toSend = batch;
            batch = errors.call("delete items (batch)", () -> client.batchWriteItem(r -> r
                    .requestItems(Map.of(table, toSend))).unprocessedItems().getOrDefault(table, List.of()));
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("purge on DynamoDB table '" + table + "' interrupted", e, false);
        }
    }
}
