package io.versioned.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Artifact;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.core.spi.CacheSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingRepositoryTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration MAX_STALE = Duration.ofMinutes(10);

    @TempDir
    Path cacheDir;
    @TempDir
    Path work;

    private final MutableClock clock = new MutableClock();
    private final List<String> staleServed = new ArrayList<>();
    private Repository memory;
    private FlakyStore store;
    private CachingRepository cache;

    @BeforeEach
    void open() {
        memory = Versioned.open("memory:");
        store = new FlakyStore(memory);
        cache = cached(new CacheSettings(cacheDir, TTL, 1024 * 1024, MAX_STALE));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private CachingRepository cached(CacheSettings settings) {
        return new CachingRepository(store.repository, settings, clock,
                (operation, failure, age) -> staleServed.add(operation + " " + age));
    }

    private Artifact release(String name, String text) {
        memory.putArtifact(name, text.getBytes(StandardCharsets.UTF_8));
        return memory.publishArtifactVersion(name);
    }

    @Test
    void aCachedResolveSendsNoRequest() {
        release("model", "one");
        memory.putAlias("model", "production", Version.of(1));
        assertThat(cache.resolve("model", "production").version()).isEqualTo(Version.of(1));
        int before = store.calls.get();

        assertThat(cache.resolve("model", "production").version()).isEqualTo(Version.of(1));
        assertThat(cache.resolve("model", "production", "user-7").version()).isEqualTo(Version.of(1));

        assertThat(store.calls.get()).isEqualTo(before);
    }

    @Test
    void anAliasIsReadAgainOnlyAfterItsTimeToLive() {
        release("model", "one");
        release("model", "two");
        memory.putAlias("model", "production", Version.of(1));
        assertThat(cache.resolve("model", "production").version()).isEqualTo(Version.of(1));
        memory.putAlias("model", "production", Version.of(2));

        clock.advance(TTL.minusSeconds(1));
        assertThat(cache.resolve("model", "production").version()).isEqualTo(Version.of(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.resolve("model", "production").version()).isEqualTo(Version.of(2));
    }

    @Test
    void latestExpiresButPublishedVersionsAreKept() {
        release("model", "one");
        assertThat(cache.getArtifactVersion("model").sha256()).isEqualTo(memory.getArtifactVersion("model").sha256());
        cache.getArtifactVersion("model", Version.of(1));
        memory.putArtifact("model", "two".getBytes(StandardCharsets.UTF_8));
        clock.advance(Duration.ofDays(365));
        int before = store.calls.get();

        assertThat(cache.getArtifactVersion("model", Version.of(1)).version()).isEqualTo(Version.of(1));
        assertThat(store.calls.get()).isEqualTo(before);
        assertThat(cache.getArtifactVersion("model").sha256())
                .isEqualTo(memory.getArtifactVersion("model").sha256());
    }

    @Test
    void whenTheStoreFailsTheLastKnownGoodIsServedAndReported() {
        release("model", "one");
        memory.putAlias("model", "production", Version.of(1));
        cache.resolve("model", "production");
        cache.getContent("model", Version.of(1));
        store.down.set(true);

        clock.advance(TTL.plus(MAX_STALE).minusSeconds(1));
        assertThat(cache.resolve("model", "production").version()).isEqualTo(Version.of(1));
        assertThat(staleServed).containsExactly("getAlias model/production PT10M29S");
        assertThat(cache.getContent("model", Version.of(1))).asString(StandardCharsets.UTF_8).isEqualTo("one");

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> cache.resolve("model", "production")).isInstanceOf(BackendException.class);
    }

    @Test
    void aFailureWithNothingCachedIsThrown() {
        store.down.set(true);
        assertThatThrownBy(() -> cache.resolve("model", "production")).isInstanceOf(BackendException.class);
        assertThat(staleServed).isEmpty();
    }

    @Test
    void writesThroughTheCacheAreSeenAtOnce() {
        cache.putArtifact("model", "one".getBytes(StandardCharsets.UTF_8));
        cache.publishArtifactVersion("model");
        cache.putAlias("model", "production", Version.of(1));
        assertThat(cache.resolve("model", "production").version()).isEqualTo(Version.of(1));
        cache.putArtifact("model", "two".getBytes(StandardCharsets.UTF_8));
        cache.publishArtifactVersion("model");
        cache.putAlias("model", "production", Version.of(2));

        assertThat(cache.resolve("model", "production").version()).isEqualTo(Version.of(2));
    }

    @Test
    void identicalBytesAreStoredOnceAndReadFromDiskTheSecondTime() throws IOException {
        Artifact a = release("a", "same bytes");
        release("b", "same bytes");
        assertThat(cache.getContent("a", Version.of(1))).asString(StandardCharsets.UTF_8).isEqualTo("same bytes");
        cache.download("b", Version.of(1), work.resolve("b.bin"));
        store.down.set(true);

        assertThat(cache.getContent("a", Version.of(1))).asString(StandardCharsets.UTF_8).isEqualTo("same bytes");
        try (InputStream in = cache.openContent("b", Version.of(1))) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("same bytes");
        }
        assertThat(contentFiles()).hasSize(1);
        assertThat(cache.cachedBytes()).isEqualTo(a.size());
        assertThat(Files.readString(work.resolve("b.bin"))).isEqualTo("same bytes");
        assertThat(work.toFile().list()).containsExactly("b.bin");
    }

    @Test
    void theLeastRecentlyUsedContentIsEvictedBeyondTheBound() {
        cache.close();
        cache = cached(new CacheSettings(cacheDir, TTL, 250, MAX_STALE));
        for (String name : List.of("a", "b", "c")) {
            release(name, String.valueOf(name.charAt(0)).repeat(100));
        }
        cache.getContent("a", Version.of(1));
        clock.advance(Duration.ofSeconds(1));
        cache.getContent("b", Version.of(1));
        clock.advance(Duration.ofSeconds(1));
        cache.getContent("a", Version.of(1));
        clock.advance(Duration.ofSeconds(1));
        cache.getContent("c", Version.of(1));

        assertThat(cache.cachedBytes()).isEqualTo(200);
        assertThat(contentFiles()).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                memory.getArtifactVersion("a", Version.of(1)).sha256(),
                memory.getArtifactVersion("c", Version.of(1)).sha256());
    }

    @Test
    void aCorruptedCacheFileIsDetectedAndReadAgain() throws IOException {
        Artifact artifact = release("model", "the right bytes");
        Path file = cache.file(artifact);
        Files.writeString(file, "the wrong bytes");

        assertThat(cache.getContent("model", Version.of(1))).asString(StandardCharsets.UTF_8)
                .isEqualTo("the right bytes");
        Files.writeString(file, "the wrong bytes");
        cache.download("model", Version.of(1), work.resolve("model.bin"));
        assertThat(Files.readString(work.resolve("model.bin"))).isEqualTo("the right bytes");
        Files.writeString(file, "the wrong bytes");
        try (InputStream in = cache.openContent("model", Version.of(1))) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("the right bytes");
        }
        assertThat(Files.readString(file)).isEqualTo("the right bytes");
    }

    @Test
    void aCacheFileChangedAfterItWasTrustedIsDetectedAndReadAgain() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            files.add(cache.file(release(name, name + ": the right bytes")));
        }
        Thread.sleep(VerifiedFiles.SETTLE.plusMillis(200).toMillis());
        for (String name : List.of("a", "b", "c")) {
            assertThat(cache.getContent(name, Version.of(1))).asString(StandardCharsets.UTF_8)
                    .as("the read of %s that checks the settled file and trusts it", name)
                    .isEqualTo(name + ": the right bytes");
        }
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(files.get(i), "abc".charAt(i) + ": the wrong bytes");
        }

        assertThat(cache.getContent("a", Version.of(1))).asString(StandardCharsets.UTF_8)
                .as("getContent after the trusted file was written into").isEqualTo("a: the right bytes");
        cache.download("b", Version.of(1), work.resolve("b.bin"));
        assertThat(Files.readString(work.resolve("b.bin"))).as("download after the trusted file was written into")
                .isEqualTo("b: the right bytes");
        try (InputStream in = cache.openContent("c", Version.of(1))) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8)
                    .as("openContent after the trusted file was written into").isEqualTo("c: the right bytes");
        }
    }

    @Test
    void aTruncatedCacheFileIsReadAgain() throws IOException {
        Artifact artifact = release("model", "the right bytes");
        Files.writeString(cache.file(artifact), "short");

        assertThat(cache.getContent("model", Version.of(1))).asString(StandardCharsets.UTF_8)
                .isEqualTo("the right bytes");
    }

    @Test
    void aDownloadIntoAMissingFolderIsRefusedBeforeAnythingIsRead() {
        int before = store.calls.get();
        assertThatThrownBy(() -> cache.download("model", Version.of(1), work.resolve("no/such/file")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("target: ");
        assertThat(store.calls.get()).isEqualTo(before);
    }

    private List<Path> contentFiles() {
        try (Stream<Path> files = Files.walk(cacheDir.resolve("content"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
