package io.versioned.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.cache.AliasListener;
import io.versioned.cache.AliasWatch;
import io.versioned.cache.CacheListener;
import io.versioned.cache.CachingRepository;
import io.versioned.cache.LocalAlias;
import io.versioned.core.Versioned;
import io.versioned.core.spi.CacheSettings;
import io.versioned.core.spi.RepositoryOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeteredCacheAndWatchTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aStoreFailureTheCacheCoveredIsCountedAndPassedOn(@TempDir Path folder) {
        Repository store = Versioned.open("embedded:" + folder.resolve("store"),
                RepositoryOptions.builder().bootstrap(true).build());
        store.putArtifact("model", "one".getBytes(StandardCharsets.UTF_8));
        store.publishArtifactVersion("model");
        store.putAlias("model", "production", Version.of(1));
        AtomicInteger passedOn = new AtomicInteger();
        // the record is read at 00:00, its time-to-live ends at 00:00:30, and it is asked for again at 00:01
        Clock[] clock = {Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        };
        CachingRepository cache = new CachingRepository(store, CacheSettings.of(folder.resolve("cache")), moving,
                new MeteredCacheListener(registry, (operation, failure, age) -> passedOn.incrementAndGet()));
        cache.getAlias("model", "production");
        store.close();
        clock[0] = Clock.offset(clock[0], Duration.ofMinutes(1));

        assertThat(cache.getAlias("model", "production").version()).isEqualTo(Version.of(1));

        assertThat(registry.get(MeteredCacheListener.STALE).tag("operation", "getAlias").counter().count())
                .isEqualTo(1);
        assertThat(passedOn).hasValue(1);
    }

    @Test
    void recordReadsAreCountedAsHitsWithinTheTimeToLiveAndAsMissesWhenTheStoreIsAsked(@TempDir Path folder) {
        Repository store = Versioned.open("memory:");
        store.putArtifact("model", "one".getBytes(StandardCharsets.UTF_8));
        store.publishArtifactVersion("model");
        store.putAlias("model", "production", Version.of(1));
        List<String> passedOn = new ArrayList<>();
        CacheListener next = new CacheListener() {
            @Override
            public void servedStale(String operation, BackendException failure, Duration age) {
            }

            @Override
            public void read(String operation, boolean hit) {
                passedOn.add(operation + (hit ? " hit" : " miss"));
            }
        };
        try (CachingRepository cache = new CachingRepository(store, CacheSettings.of(folder), Clock.systemUTC(),
                new MeteredCacheListener(registry, next))) {
            cache.resolve("model", "production");
            cache.resolve("model", "production");
        }

        assertThat(reads("getAlias", "miss")).isEqualTo(1);
        assertThat(reads("getAlias", "hit")).isEqualTo(1);
        assertThat(reads("getArtifactVersion", "miss")).isEqualTo(1);
        assertThat(reads("getArtifactVersion", "hit")).isEqualTo(1);
        assertThat(passedOn).containsExactly("getAlias miss", "getArtifactVersion miss", "getAlias hit",
                "getArtifactVersion hit");
    }

    private double reads(String operation, String result) {
        return registry.get(MeteredCacheListener.READS).tags("operation", operation, "result", result).counter()
                .count();
    }

    @Test
    void aWatchsChangesAndFailedPollsAreCountedAndPassedOn(@TempDir Path folder) throws Exception {
        Repository store = Versioned.open("memory:");
        CachingRepository cache = new CachingRepository(store, CacheSettings.of(folder), Clock.systemUTC(),
                CacheListener.NONE);
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AliasListener counting = new AliasListener() {
            @Override
            public void changed(LocalAlias now) {
                changes.incrementAndGet();
            }

            @Override
            public void failed(RuntimeException failure) {
                failures.incrementAndGet();
            }
        };
        try (AliasWatch watch = cache.watch("model", "production", Duration.ofMillis(20),
                new MeteredAliasListener(registry, "model", "production", counting))) {
            waitFor(() -> failures.get() >= 1);
            cache.putArtifact("model", "one".getBytes(StandardCharsets.UTF_8));
            cache.publishArtifactVersion("model");
            cache.putAlias("model", "production", Version.of(1));
            waitFor(() -> changes.get() == 1);
            cache.putArtifact("model", "two".getBytes(StandardCharsets.UTF_8));
            cache.publishArtifactVersion("model");
            cache.putAlias("model", "production", Version.of(2));
            waitFor(() -> changes.get() == 2);
        } finally {
            cache.close();
        }

        assertThat(registry.get(MeteredAliasListener.CHANGES).tags("name", "model", "alias", "production")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(MeteredAliasListener.FAILURES).tags("name", "model", "alias", "production")
                .counter().count()).isEqualTo(failures.get()).isGreaterThanOrEqualTo(1);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
