package io.versioned.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The servers are stopped under a cached repository ({@code s3:}, and {@code s3+dynamodb:} with DynamoDB stopped):
 * reads go on from the cache, and say so.
 */
class StoppedStoreTest {

    @TempDir
    Path cacheDir;

    @Test
    void readsAreServedFromTheCacheWhileTheStoreIsDownAndTheListenerIsTold() {
        MutableClock clock = new MutableClock();
        List<String> stale = new ArrayList<>();
        S3ProxyServer server = S3ProxyServer.start();
        try (S3Client s3 = server.client()) {
            RepositoryOptions options = RepositoryOptions.builder().bootstrap(true).clock(clock)
                    .component(S3Client.class, s3)
                    .component(CacheListener.class, (operation, failure, age) -> stale.add(operation))
                    .build();
            try (Repository repository = Versioned.open("s3://stopped/repo?endpoint=" + server.endpoint()
                    + "&cache=" + cacheDir + "&cacheTtl=30s&cacheMaxStale=1h", options)) {
                assertThat(repository).isInstanceOf(CachingRepository.class);
                assertServedFromTheCacheOnceStopped(repository, server::close, clock, stale);
            }
        } finally {
            server.close();
        }
    }

    @Test
    void onS3AndDynamoDbReadsAreServedFromTheCacheWhileDynamoDbIsDown() {
        MutableClock clock = new MutableClock();
        List<String> stale = new ArrayList<>();
        S3ProxyServer s3Server = S3ProxyServer.start();
        DynaliteServer dynamoDbServer = DynaliteServer.start();
        try (S3Client s3 = s3Server.client(); DynamoDbClient dynamoDb = dynamoDbServer.client()) {
            RepositoryOptions options = RepositoryOptions.builder().bootstrap(true).clock(clock)
                    .component(S3Client.class, s3).component(DynamoDbClient.class, dynamoDb)
                    .component(CacheListener.class, (operation, failure, age) -> stale.add(operation))
                    .build();
            try (Repository repository = Versioned.open("s3+dynamodb://stopped/repo?table=versioned&endpoint="
                    + s3Server.endpoint() + "&dynamodb-endpoint=" + dynamoDbServer.endpoint() + "&cache=" + cacheDir
                    + "&cacheTtl=30s&cacheMaxStale=1h", options)) {
                assertServedFromTheCacheOnceStopped(repository, dynamoDbServer::close, clock, stale);
            }
        } finally {
            dynamoDbServer.close();
            s3Server.close();
        }
    }

    /**
     * Releases a version behind an alias and reads it, stops the store, and checks that reads go on from the cache
     * (the listener told) until the maximum staleness has passed.
     */
    private static void assertServedFromTheCacheOnceStopped(Repository repository, Runnable stopStore,
                                                            MutableClock clock, List<String> stale) {
        repository.putArtifact("model", "weights".getBytes(StandardCharsets.UTF_8));
        repository.publishArtifactVersion("model");
        repository.putAlias("model", "production", Version.of(1));
        assertThat(repository.getContent("model", repository.resolve("model", "production").version()))
                .asString(StandardCharsets.UTF_8).isEqualTo("weights");

        stopStore.run();
        clock.advance(Duration.ofMinutes(5));

        assertThat(repository.getContent("model", repository.resolve("model", "production").version()))
                .asString(StandardCharsets.UTF_8).isEqualTo("weights");
        assertThat(stale).containsExactly("getAlias model/production");

        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> repository.resolve("model", "production")).isInstanceOf(BackendException.class);
    }
}
