package io.versioned.adapter.dynamodb;

import io.versioned.api.BackendException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the table if it is missing and waits until it is ACTIVE, then checks its key schema
 * ({@code pk} string hash key, {@code sk} string range key). Requests: one DescribeTable when the table is
 * already ACTIVE; otherwise a CreateTable (when missing) and DescribeTable polls, 50 ms apart at first, then
 * doubling up to 2 s, for at most five minutes.
 */
final class TableBootstrapper {

    private static final Duration FIRST_POLL_DELAY = Duration.ofMillis(50);
    private static final Duration MAX_POLL_DELAY = Duration.ofSeconds(2);
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final int MAX_POLLS = 1_000;

    private final DynamoDbClient client;
    private final String table;
    private final DynamoConfig.Billing billing;
    private final DynamoErrors errors;

    TableBootstrapper(DynamoDbClient client, String table, DynamoConfig.Billing billing, DynamoErrors errors) {
        this.client = client;
        this.table = table;
        this.billing = billing;
        this.errors = errors;
    }

    /**
     * Makes sure the table exists, is ACTIVE and has the expected keys.
     *
     * @throws BackendException if the store fails, the table does not become ACTIVE in time, or it exists with
     *                          other keys (not retryable)
     */
    void bootstrap() {
        Optional<TableDescription> existing = describe();
        if (existing.isEmpty()) {
            create();
        }
        TableDescription description = existing.filter(t -> t.tableStatus() == TableStatus.ACTIVE)
                .orElseGet(this::awaitActive);
        verifyKeySchema(description);
    }

    private Optional<TableDescription> describe() {
        return errors.call("describe table", () -> {
            try {
                return Optional.of(client.describeTable(r -> r.tableName(table)).table());
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private void create() {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table)
                .attributeDefinitions(stringAttribute(ItemKeys.PK), stringAttribute(ItemKeys.SK))
                .keySchema(
                        KeySchemaElement.builder().attributeName(ItemKeys.PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(ItemKeys.SK).keyType(KeyType.RANGE).build());
        if (billing.mode() == DynamoConfig.Billing.Mode.PAY_PER_REQUEST) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p
                    .readCapacityUnits(billing.readCapacityUnits())
                    .writeCapacityUnits(billing.writeCapacityUnits()));
        }
        errors.call("create table", () -> {
            try {
                return client.createTable(request.build());
            } catch (ResourceInUseException e) {
                // created meanwhile by another bootstrap: fine, wait for it like for ours
                return null;
            }
        });
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private TableDescription awaitActive() {
        return errors.call("wait until the table is ACTIVE", () -> {
            try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                    .client(client)
                    .overrideConfiguration(c -> c
                            .backoffStrategyV2(BackoffStrategy.exponentialDelayWithoutJitter(FIRST_POLL_DELAY,
                                    MAX_POLL_DELAY))
                            .maxAttempts(MAX_POLLS)
                            .waitTimeout(MAX_WAIT))
                    .build()) {
                return waiter.waitUntilTableExists(r -> r.tableName(table)).matched().response()
                        .orElseThrow(() -> new BackendException("DynamoDB table '" + table
                                + "' did not become ACTIVE within " + MAX_WAIT, null, true))
                        .table();
            }
        });
    }

    private void verifyKeySchema(TableDescription description) {
        Map<String, KeyType> keys = description.keySchema().stream()
                .collect(Collectors.toMap(KeySchemaElement::attributeName, KeySchemaElement::keyType));
        Map<String, ScalarAttributeType> types = description.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeType));
        boolean expected = keys.equals(Map.of(ItemKeys.PK, KeyType.HASH, ItemKeys.SK, KeyType.RANGE))
                && types.get(ItemKeys.PK) == ScalarAttributeType.S && types.get(ItemKeys.SK) == ScalarAttributeType.S;
        if (!expected) {
            throw new BackendException("DynamoDB table '" + table + "' exists with key schema " + keys
                    + " and key types " + types + "; this library needs pk (S) as hash key and sk (S) as range key",
                    null, false);
        }
    }
}
