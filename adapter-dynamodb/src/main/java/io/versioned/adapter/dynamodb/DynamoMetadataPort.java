package io.versioned.adapter.dynamodb;

import io.versioned.api.AliasChange;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.RetryPolicy;
import io.versioned.core.port.VersionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A {@link MetadataPort} on one DynamoDB table, with the AWS SDK v2 low-level client. The table is shared with
 * the Python library {@code versioned} 1.0.x: each reads and writes the other's version and alias rows.
 *
 * <h2>Item layout</h2>
 * The table's key is {@code pk} (S, hash) and {@code sk} (S, range). Timestamps are strings in the Python format
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS+0000} (UTC). Versions are {@code LATEST} or six digits ({@code 000005}).
 * <table>
 *   <caption>items by partition</caption>
 *   <tr><th>pk</th><th>sk</th><th>attributes</th></tr>
 *   <tr><td>{@code {name}}</td><td>{@code LATEST} or {@code 000005}</td>
 *       <td>Python: {@code update_at} (S), {@code is_deleted} (BOOL), {@code sha256} (S). Ours: {@code size} (N),
 *       {@code content_type} (S), {@code metadata} (M of S, left out when empty), {@code blob_key} (S),
 *       {@code alias_pins} (M of N, left out when empty), {@code revision} (N).</td></tr>
 *   <tr><td>{@code __{name}-alias}</td><td>{@code {alias}}</td>
 *       <td>Python: {@code update_at} (S), {@code version} (S), {@code secondary_version} (S) and
 *       {@code secondary_version_weight} (N), both left out when there is no secondary. Ours: {@code revision}
 *       (N).</td></tr>
 *   <tr><td>{@code __{name}-alias-history}</td><td>{@code {alias}#{revision, 19 digits}}</td>
 *       <td>{@code alias} (S), {@code revision} (N), {@code update_at} (S), {@code previous} and {@code current}
 *       (M with the alias-row attributes {@code version}, {@code secondary_version},
 *       {@code secondary_version_weight}; left out when the alias was created, resp. deleted).</td></tr>
 *   <tr><td>{@code __{name}-counter}</td><td>{@code counter}</td>
 *       <td>{@code last_version} (N): the highest version number handed out.</td></tr>
 *   <tr><td>{@code __names}</td><td>{@code {name}}</td><td>none: the index of artifact names.</td></tr>
 * </table>
 * Artifact names match {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}} and never start with {@code _}, so no partition
 * starting with {@code __} is a version partition; the suffixes {@code -alias}, {@code -alias-history} and
 * {@code -counter} end differently, so partitions of two artifacts, or of two kinds, never coincide. Alias names
 * never contain {@code #}, so history prefixes of two aliases never overlap.
 *
 * <h2>Rows written by the Python library</h2>
 * A version row without our attributes reads as size -1, content type {@code application/octet-stream}, no
 * metadata, blob key {@link io.versioned.core.port.BlobKeys#of}, no pins, revision 0; an alias row without
 * {@code revision} is at revision 0, and a compare-and-set expecting 0 succeeds on it. A version row without
 * {@code sha256} (left by the Python library's soft delete of a missing version) counts as absent: reads skip
 * it, {@link #createVersion} replaces it, {@link #deleteVersion} removes it. The Python library writes without
 * conditions and drops our attributes when it rewrites a row, so it does not take part in compare-and-set.
 *
 * <h2>Consistency and requests</h2>
 * Every read is strongly consistent ({@code ConsistentRead=true}); every write is one conditional single-item
 * request (no transactions). Requests per method: get: 1 GetItem; list versions, aliases, names: 1 Query per
 * 1 MB page (names never Scan); create, update, delete (keeping the number or not), append history, register name:
 * 1 PutItem or DeleteItem;
 * alias history: 1 Query; allocate a version number: 1 UpdateItem ({@code ADD}), 2 when the counter must be
 * raised to {@code atLeast} (a conditional {@code SET}), more only when racing writers move the counter meanwhile;
 * purge: 1 Query per partition page (3 partitions), 1 BatchWriteItem per 25 items (plus resends of unprocessed
 * items) and 1 DeleteItem for the name, which goes last so that an interrupted purge can be run again;
 * bootstrap: see {@link #bootstrap()}.
 *
 * <p>Errors are mapped in one place (see {@code DynamoErrors}): a failed condition is a
 * {@link PreconditionFailedException}; everything else from the SDK is a {@link BackendException}, retryable for
 * throttling, server errors and connection failures; a missing table is a non-retryable one that says to run
 * {@link #bootstrap()}. Thread-safe.
 */
public final class DynamoMetadataPort implements MetadataPort, AutoCloseable {

    private static final String LAST_VERSION = "last_version";
    /** Rows per page of {@link #newestVersions}: LATEST and the highest number, with room for a few deleted ones. */
    private static final int NEWEST_PAGE = 8;

    private final DynamoDbClient client;
    private final boolean ownsClient;
    private final String table;
    private final DynamoErrors errors;
    private final TableBootstrapper bootstrapper;

    /**
     * A port with its own client, made from {@code config}; {@link #close()} closes it.
     *
     * @throws IllegalArgumentException if {@code config} is null
     * @throws BackendException         (not retryable) if the client cannot be made, e.g. no region is configured
     */
    public DynamoMetadataPort(DynamoConfig config) {
        this(createClient(config), true, config.tableName(), config.billing());
    }

    /**
     * A port on {@code client}, which stays the caller's to close; {@link #bootstrap()} creates the table on
     * demand ({@code PAY_PER_REQUEST}).
     *
     * @throws IllegalArgumentException if {@code client} is null or {@code tableName} breaks the DynamoDB rules
     */
    public DynamoMetadataPort(DynamoDbClient client, String tableName) {
        this(requireClient(client), false, DynamoConfig.requireValidTableName(tableName),
                DynamoConfig.Billing.payPerRequest());
    }

    private DynamoMetadataPort(DynamoDbClient client, boolean ownsClient, String table,
                               DynamoConfig.Billing billing) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.table = table;
        this.errors = new DynamoErrors(table);
        this.bootstrapper = new TableBootstrapper(client, table, billing, errors);
    }

    /**
     * Creates the table if missing (key {@code pk} S hash, {@code sk} S range, billing from the config) and waits
     * until it is ACTIVE, at most five minutes. Requests: 1 DescribeTable when the table is ACTIVE already;
     * otherwise CreateTable and DescribeTable polls (50 ms apart at first, doubling up to 2 s). A table created
     * meanwhile by someone else is fine.
     *
     * @throws BackendException if the store fails, the table stays inactive, or it exists with another key schema
     */
    @Override
    public void bootstrap() {
        bootstrapper.bootstrap();
    }

    @Override
    public Optional<VersionRecord> getVersion(String name, Version version) {
        Map<String, AttributeValue> item = errors.call("get version " + version + " of '" + name + "'",
                () -> client.getItem(r -> r.tableName(table).consistentRead(true)
                        .key(ItemKeys.key(ItemKeys.versionPartition(name), ItemKeys.versionSortKey(version)))).item());
        return VersionItems.isVersion(item) ? Optional.of(VersionItems.fromItem(name, item, table)) : Optional.empty();
    }

    @Override
    public List<VersionRecord> listVersions(String name) {
        List<VersionRecord> records = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPartition("list versions of '" + name + "'",
                ItemKeys.versionPartition(name))) {
            if (VersionItems.isVersion(item)) {
                records.add(VersionItems.fromItem(name, item, table));
            }
        }
        records.sort(Comparator.comparing(VersionRecord::version));
        return List.copyOf(records);
    }

    /**
     * {@inheritDoc} A strongly consistent Query of the version partition from the highest sort key down
     * ({@code LATEST} sorts above the six-digit numbers), in pages of 8 rows, that stops at the
     * first live published version: one request unless the newest versions are deleted.
     */
    @Override
    public List<VersionRecord> newestVersions(String name) {
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ItemKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ItemKeys.versionPartition(name))))
                .scanIndexForward(false)
                .limit(NEWEST_PAGE)
                .build();
        return errors.call("read the newest versions of '" + name + "'", () -> {
            List<VersionRecord> latest = new ArrayList<>();
            List<VersionRecord> published = new ArrayList<>();
            for (Map<String, AttributeValue> item : (Iterable<Map<String, AttributeValue>>)
                    client.queryPaginator(request).items()::iterator) {
                if (!VersionItems.isVersion(item)) {
                    continue;
                }
                VersionRecord record = VersionItems.fromItem(name, item, table);
                if (record.version().isLatest()) {
                    latest.add(record);
                    continue;
                }
                published.add(record);
                if (!record.deleted()) {
                    break;
                }
            }
            published.sort(Comparator.comparing(VersionRecord::version).reversed());
            latest.addAll(published);
            return List.copyOf(latest);
        });
    }

    @Override
    public void createVersion(VersionRecord record) {
        put("create version " + record.version() + " of '" + record.name() + "'", "it must not exist",
                VersionItems.toItem(record), Condition.absent(VersionItems.SHA256));
    }

    @Override
    public void updateVersion(VersionRecord record, long expectedRevision) {
        put("update version " + record.version() + " of '" + record.name() + "'",
                "it must exist at revision " + expectedRevision, VersionItems.toItem(record),
                Condition.presentAtRevision(VersionItems.SHA256, expectedRevision));
    }

    @Override
    public void deleteVersion(String name, Version version, long expectedRevision) {
        delete("delete version " + version + " of '" + name + "'",
                "it must be absent or at revision " + expectedRevision,
                ItemKeys.key(ItemKeys.versionPartition(name), ItemKeys.versionSortKey(version)),
                Condition.absentOrAtRevision(VersionItems.SHA256, expectedRevision));
    }

    /**
     * {@inheritDoc}
     *
     * <p>One conditional PutItem that replaces the row with what the Python library's soft delete of a missing version
     * leaves: the keys and {@code is_deleted = true}, no {@code sha256}. Such a row counts as absent here, while the
     * Python library, which numbers a publish after the second-highest sort key of the partition, counts it; so a
     * number this library purged is never handed out again by that library. An absent row gets the marker too.
     */
    @Override
    public void deleteVersionKeepingNumber(String name, Version version, long expectedRevision) {
        Map<String, AttributeValue> marker = new HashMap<>(
                ItemKeys.key(ItemKeys.versionPartition(name), ItemKeys.versionSortKey(version)));
        marker.put(VersionItems.IS_DELETED, AttributeValue.fromBool(true));
        put("delete version " + version + " of '" + name + "' keeping its number",
                "it must be absent or at revision " + expectedRevision, marker,
                Condition.absentOrAtRevision(VersionItems.SHA256, expectedRevision));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Adds 1 to the artifact's counter item and returns the new value (1 UpdateItem); when that is below
     * {@code atLeast}, sets the counter to {@code atLeast} on condition that it is still below (a 2nd
     * UpdateItem) and returns {@code atLeast}. If a racing writer raised the counter first, the next addition
     * is above {@code atLeast}. The counter only grows, so no number is handed out twice.
     */
    @Override
    public int allocateVersionNumber(String name, int atLeast) {
        Map<String, AttributeValue> key = ItemKeys.key(ItemKeys.counterPartition(name), ItemKeys.COUNTER_SORT_KEY);
        AttributeValue target = AttributeValue.fromN(Integer.toString(atLeast));
        String action = "allocate a version number for '" + name + "'";
        for (int round = 0; ; round++) {
            long next = increment(action, key);
            if (next >= atLeast) {
                return toVersionNumber(action, next);
            }
            try {
                errors.call(action, "the counter must be below " + atLeast, () -> client.updateItem(r -> r
                        .tableName(table).key(key)
                        .updateExpression("SET #last = :target")
                        .conditionExpression("attribute_not_exists(#last) OR #last < :target")
                        .expressionAttributeNames(Map.of("#last", LAST_VERSION))
                        .expressionAttributeValues(Map.of(":target", target))));
                return atLeast;
            } catch (PreconditionFailedException raced) {
                // another writer raised the counter to atLeast or beyond: the next addition is above atLeast
                RetryPolicy.LOST_RACES.afterLostRace(round, action,
                        message -> new BackendException(message, null, true));
            }
        }
    }

    @Override
    public Optional<AliasRecord> getAlias(String name, String alias) {
        GetItemResponse response = errors.call("get alias '" + alias + "' of '" + name + "'",
                () -> client.getItem(r -> r.tableName(table).consistentRead(true)
                        .key(ItemKeys.key(ItemKeys.aliasPartition(name), ItemKeys.aliasSortKey(alias)))));
        return response.hasItem() ? Optional.of(AliasItems.fromItem(name, response.item(), table)) : Optional.empty();
    }

    @Override
    public List<AliasRecord> listAliases(String name) {
        List<AliasRecord> records = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPartition("list aliases of '" + name + "'",
                ItemKeys.aliasPartition(name))) {
            records.add(AliasItems.fromItem(name, item, table));
        }
        records.sort(Comparator.comparing(AliasRecord::alias));
        return List.copyOf(records);
    }

    @Override
    public void createAlias(AliasRecord record) {
        put("create alias '" + record.alias() + "' of '" + record.name() + "'", "it must not exist",
                AliasItems.toItem(record), Condition.absent(ItemKeys.PK));
    }

    @Override
    public void updateAlias(AliasRecord record, long expectedRevision) {
        put("update alias '" + record.alias() + "' of '" + record.name() + "'",
                "it must exist at revision " + expectedRevision, AliasItems.toItem(record),
                Condition.presentAtRevision(ItemKeys.PK, expectedRevision));
    }

    @Override
    public void deleteAlias(String name, String alias, long expectedRevision) {
        delete("delete alias '" + alias + "' of '" + name + "'",
                "it must be absent or at revision " + expectedRevision,
                ItemKeys.key(ItemKeys.aliasPartition(name), ItemKeys.aliasSortKey(alias)),
                Condition.absentOrAtRevision(ItemKeys.PK, expectedRevision));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the change's revision is negative
     */
    @Override
    public void appendAliasHistory(AliasChange change) {
        put("append revision " + change.revision() + " to the history of alias '" + change.alias() + "' of '"
                        + change.name() + "'", "it must not exist", HistoryItems.toItem(change),
                Condition.absent(ItemKeys.PK));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    @Override
    public List<AliasChange> aliasHistory(String name, String alias, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must be >= 0, got " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", ItemKeys.PK, "#sk", ItemKeys.SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(ItemKeys.historyPartition(name)),
                        ":prefix", AttributeValue.fromS(ItemKeys.historySortKeyPrefix(alias))))
                .scanIndexForward(false)
                .limit(limit)
                .build();
        return errors.call("read the history of alias '" + alias + "' of '" + name + "'",
                () -> client.queryPaginator(request).items().stream().limit(limit)
                        .map(item -> HistoryItems.fromItem(name, item, table)).toList());
    }

    @Override
    public void registerArtifactName(String name) {
        errors.call("register artifact name '" + name + "'", () -> client.putItem(r -> r.tableName(table)
                .item(ItemKeys.key(ItemKeys.NAMES_PARTITION, ItemKeys.nameSortKey(name)))));
    }

    @Override
    public List<String> listArtifactNames() {
        List<String> names = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPartition("list artifact names", ItemKeys.NAMES_PARTITION)) {
            names.add(item.get(ItemKeys.SK).s());
        }
        names.sort(Comparator.naturalOrder());
        return List.copyOf(names);
    }

    @Override
    public void purgeArtifact(String name) {
        List<String> partitions = List.of(ItemKeys.versionPartition(name), ItemKeys.aliasPartition(name),
                ItemKeys.historyPartition(name));
        Map<String, AttributeValue> nameKey = ItemKeys.key(ItemKeys.NAMES_PARTITION, ItemKeys.nameSortKey(name));
        BatchDeleter deleter = new BatchDeleter(client, table, errors);
        errors.call("purge artifact '" + name + "'", () -> {
            for (String partition : partitions) {
                for (Map<String, AttributeValue> item : client.queryPaginator(keysOf(partition)).items()) {
                    deleter.delete(ItemKeys.key(item.get(ItemKeys.PK).s(), item.get(ItemKeys.SK).s()));
                }
            }
            deleter.delete(ItemKeys.key(ItemKeys.counterPartition(name), ItemKeys.COUNTER_SORT_KEY));
            deleter.flush();
            return client.deleteItem(r -> r.tableName(table).key(nameKey));
        });
    }

    /** Closes the client if this port made it. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private long increment(String action, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> updated = errors.call(action, () -> client.updateItem(r -> r
                .tableName(table).key(key)
                .updateExpression("ADD #last :one")
                .expressionAttributeNames(Map.of("#last", LAST_VERSION))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW))).attributes();
        return new ItemReader(updated, "table " + table + ", counter " + key.get(ItemKeys.PK).s())
                .optionalNumber(LAST_VERSION)
                .orElseThrow(() -> new BackendException(action + ": UpdateItem returned no " + LAST_VERSION, null,
                        false));
    }

    private static int toVersionNumber(String action, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new BackendException(action + ": the counter is at " + value + ", beyond any version number",
                    null, false);
        }
        return (int) value;
    }

    private void put(String action, String precondition, Map<String, AttributeValue> item, Condition condition) {
        errors.call(action, precondition, () -> client.putItem(r -> r.tableName(table).item(item)
                .conditionExpression(condition.expression())
                .expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values())));
    }

    private void delete(String action, String precondition, Map<String, AttributeValue> key, Condition condition) {
        errors.call(action, precondition, () -> client.deleteItem(r -> r.tableName(table).key(key)
                .conditionExpression(condition.expression())
                .expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values())));
    }

    private List<Map<String, AttributeValue>> queryPartition(String action, String partition) {
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", ItemKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .build();
        return errors.call(action, () -> client.queryPaginator(request).items().stream().toList());
    }

    private QueryRequest keysOf(String partition) {
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", ItemKeys.PK, "#sk", ItemKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .build();
    }

    private static DynamoDbClient requireClient(DynamoDbClient client) {
        if (client == null) {
            throw new IllegalArgumentException("client: must not be null");
        }
        return client;
    }

    private static DynamoDbClient createClient(DynamoConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: must not be null");
        }
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(config.credentialsProvider());
        config.region().ifPresent(builder::region);
        config.endpointOverride().ifPresent(builder::endpointOverride);
        try {
            return builder.build();
        } catch (SdkException e) {
            throw new BackendException("cannot create the DynamoDB client for table '" + config.tableName() + "': "
                    + e.getMessage(), e, false);
        }
    }
}
