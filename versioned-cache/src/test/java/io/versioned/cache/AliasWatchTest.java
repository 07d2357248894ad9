package io.versioned.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.AliasNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.Routing;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.core.spi.CacheSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasWatchTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    @TempDir
    Path cacheDir;

    private final BlockingQueue<LocalAlias> changes = new LinkedBlockingQueue<>();
    private final BlockingQueue<RuntimeException> failures = new LinkedBlockingQueue<>();
    private final AliasListener listener = new AliasListener() {
        @Override
        public void changed(LocalAlias now) {
            changes.add(now);
        }

        @Override
        public void failed(RuntimeException failure) {
            failures.add(failure);
        }
    };
    private Repository memory;
    private FlakyStore store;
    private CachingRepository cache;

    @BeforeEach
    void open() {
        memory = Versioned.open("memory:");
        store = new FlakyStore(memory);
        cache = new CachingRepository(store.repository, CacheSettings.of(cacheDir), Clock.systemUTC(),
                CacheListener.NONE);
        for (String text : new String[] {"one", "two"}) {
            memory.putArtifact("model", text.getBytes(StandardCharsets.UTF_8));
            memory.publishArtifactVersion("model");
        }
        memory.putAlias("model", "production", Version.of(1));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void seesAPromotionACanaryAndARollbackWithLocalFiles() throws Exception {
        try (AliasWatch watch = cache.watch("model", "production", INTERVAL, listener)) {
            LocalAlias first = next();
            assertThat(first.primary().version()).isEqualTo(Version.of(1));
            assertThat(Files.readString(first.primaryFile())).isEqualTo("one");

            memory.putAlias("model", "production", Version.of(2));
            LocalAlias promoted = next();
            assertThat(promoted.primary().version()).isEqualTo(Version.of(2));
            assertThat(Files.readString(watch.path("any key"))).isEqualTo("two");

            memory.putAlias("model", "production", Version.of(2), Version.of(1), 30);
            LocalAlias canary = next();
            assertThat(Files.readString(canary.primaryFile())).isEqualTo("two");
            assertThat(Files.readString(canary.secondaryFile().orElseThrow())).isEqualTo("one");
            String canaryKey = key(bucket -> bucket < 30);
            String stableKey = key(bucket -> bucket >= 30);
            assertThat(Files.readString(watch.path(canaryKey))).isEqualTo("one");
            assertThat(Files.readString(watch.path(stableKey))).isEqualTo("two");
            assertThat(canary.artifact(canaryKey).version()).isEqualTo(Version.of(1));

            memory.putAlias("model", "production", Version.of(1));
            LocalAlias rolledBack = next();
            assertThat(rolledBack.primary().version()).isEqualTo(Version.of(1));
            assertThat(rolledBack.secondary()).isEmpty();
            assertThat(Files.readString(watch.path(canaryKey))).isEqualTo("one");
            assertThat(Files.readString(watch.path(stableKey))).isEqualTo("one");
        }
    }

    @Test
    void aFailingStoreKeepsTheLastStateAndTellsTheListener() throws Exception {
        try (AliasWatch watch = cache.watch("model", "production", INTERVAL, listener)) {
            Path before = next().primaryFile();
            store.down.set(true);
            assertThat(failures.poll(10, TimeUnit.SECONDS)).isInstanceOf(BackendException.class);
            assertThat(watch.path("k")).isEqualTo(before);
            assertThat(Files.readString(before)).isEqualTo("one");

            store.down.set(false);
            memory.putAlias("model", "production", Version.of(2));
            assertThat(next().primary().version()).isEqualTo(Version.of(2));
        }
    }

    @Test
    void aMissingAliasIsAFailureUntilItAppears() throws Exception {
        try (AliasWatch watch = cache.watch("model", "staging", INTERVAL, listener)) {
            assertThat(failures.poll(10, TimeUnit.SECONDS)).isInstanceOf(AliasNotFoundException.class);
            assertThat(watch.current()).isEmpty();
            memory.putAlias("model", "staging", Version.of(2));
            assertThat(next().primary().version()).isEqualTo(Version.of(2));
        }
    }

    @Test
    void closingStopsPollingAndEndsTheThread() throws Exception {
        AliasWatch watch = cache.watch("model", "production", INTERVAL, listener);
        next();
        watch.close();

        assertThat(watch.executor().isTerminated()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.getName().startsWith("versioned-watch-") && thread.isAlive());
        int calls = store.calls.get();
        memory.putAlias("model", "production", Version.of(2));
        assertThat(changes.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(store.calls.get()).isEqualTo(calls);
    }

    private LocalAlias next() throws InterruptedException {
        LocalAlias change = changes.poll(10, TimeUnit.SECONDS);
        assertThat(change).as("a change within 10 s").isNotNull();
        return change;
    }

    private static String key(java.util.function.IntPredicate bucket) {
        return IntStream.range(0, 1000).mapToObj(i -> "user-" + i)
                .filter(k -> bucket.test(Routing.bucket("model", "production", k))).findFirst().orElseThrow();
    }
}
