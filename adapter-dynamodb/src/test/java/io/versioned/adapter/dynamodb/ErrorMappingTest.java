package io.versioned.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.VersionRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Store failures against real servers: a missing table, an unreachable endpoint, a malformed item. */
class ErrorMappingTest {

    private static final VersionRecord RECORD = new VersionRecord("doc", Version.LATEST,
            Instant.parse("2024-01-02T03:04:05Z"), false, "e".repeat(64), 1, "text/plain", Map.of(), "doc/LATEST.1",
            Map.of(), 1);

    @Test
    void aMissingTableIsANonRetryableBackendExceptionThatSaysToRunBootstrap() {
        String table = Dynalite.freshTableName();
        DynamoMetadataPort port = new DynamoMetadataPort(Dynalite.client(), table);
        List<ThrowingCallable> calls = List.of(
                () -> port.getVersion("doc", Version.LATEST),
                () -> port.listVersions("doc"),
                () -> port.createVersion(RECORD),
                () -> port.allocateVersionNumber("doc", 1),
                () -> port.listArtifactNames(),
                () -> port.purgeArtifact("doc"));

        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isExactlyInstanceOf(BackendException.class)
                    .hasMessageContaining(table).hasMessageContaining("run bootstrap()")
                    .hasCauseInstanceOf(ResourceNotFoundException.class)
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
        }
    }

    @Test
    void anInterruptedCallIsANonRetryableBackendExceptionAndKeepsTheInterruptStatus() {
        DynamoMetadataPort port = new DynamoMetadataPort(Dynalite.client(), Dynalite.freshTableName());
        port.bootstrap();

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> port.getVersion("doc", Version.LATEST))
                    .isExactlyInstanceOf(BackendException.class)
                    .hasMessageContaining("interrupted")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(port.getVersion("doc", Version.LATEST)).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsARetryableBackendException() throws IOException {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            DynamoMetadataPort port = new DynamoMetadataPort(client, "versioned-unreachable");
            List<ThrowingCallable> calls = List.of(
                    port::bootstrap,
                    () -> port.getVersion("doc", Version.LATEST),
                    () -> port.createVersion(RECORD),
                    () -> port.purgeArtifact("doc"));

            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).isExactlyInstanceOf(BackendException.class)
                        .hasCauseInstanceOf(SdkClientException.class)
                        .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue());
            }
        }
    }

    @Test
    void aMalformedItemIsANonRetryableBackendExceptionNamingTheAttribute() {
        String table = Dynalite.freshTableName();
        DynamoMetadataPort port = new DynamoMetadataPort(Dynalite.client(), table);
        port.bootstrap();
        Dynalite.client().putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("doc"), "sk", AttributeValue.fromS("000001"),
                "update_at", AttributeValue.fromS("yesterday"), "is_deleted", AttributeValue.fromBool(false),
                "sha256", AttributeValue.fromS("f".repeat(64)))));
        Dynalite.client().putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("__doc-alias"), "sk", AttributeValue.fromS("prod"),
                "update_at", AttributeValue.fromS("2024-01-02T03:04:05.000000+0000"),
                "version", AttributeValue.fromN("1"))));

        assertThatThrownBy(() -> port.getVersion("doc", Version.of(1))).isExactlyInstanceOf(BackendException.class)
                .hasMessageContaining("'update_at'").hasMessageContaining("yesterday")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
        assertThatThrownBy(() -> port.listAliases("doc")).isExactlyInstanceOf(BackendException.class)
                .hasMessageContaining("'version'").hasMessageContaining("string (S)");
    }

    @Test
    void bootstrapOfATableWithAnotherKeySchemaFailsWithoutRetry() {
        String table = Dynalite.freshTableName();
        Dynalite.client().createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        DynamoMetadataPort port = new DynamoMetadataPort(Dynalite.client(), table);

        assertThatThrownBy(port::bootstrap).isExactlyInstanceOf(BackendException.class)
                .hasMessageContaining("pk (S) as hash key and sk (S) as range key")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
