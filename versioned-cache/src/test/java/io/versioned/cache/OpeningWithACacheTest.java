package io.versioned.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.core.spi.CacheSettings;
import io.versioned.core.spi.RepositoryOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache asked for through {@code Versioned.open}: by URI parameters on any scheme, or by the options. */
class OpeningWithACacheTest {

    @TempDir
    Path cacheDir;
    @TempDir
    Path storeDir;

    @Test
    void uriParametersPutACacheInFrontOfAnyScheme() {
        try (Repository repository = Versioned.open("memory:?cache=" + cacheDir + "&cacheTtl=1m&cacheMaxBytes=2m"
                + "&cacheMaxStale=2h")) {
            assertThat(repository).isInstanceOf(CachingRepository.class);
            assertThat(((CachingRepository) repository).settings()).isEqualTo(
                    new CacheSettings(cacheDir, Duration.ofMinutes(1), 2L * 1024 * 1024, Duration.ofHours(2)));
        }
    }

    @Test
    void theEmbeddedBackendServesThroughTheCache() {
        String uri = "embedded:" + storeDir + "?cache=" + cacheDir;
        try (Repository repository = Versioned.open(uri, RepositoryOptions.builder().bootstrap(true).build())) {
            repository.putArtifact("db", "rows".getBytes(StandardCharsets.UTF_8));
            repository.publishArtifactVersion("db");
            repository.putAlias("db", "production", Version.of(1));

            assertThat(repository.getContent("db", repository.resolve("db", "production").version()))
                    .asString(StandardCharsets.UTF_8).isEqualTo("rows");
            assertThat(((CachingRepository) repository).cachedBytes()).isEqualTo(4);
        }
        assertThat(Files.exists(storeDir.resolve("metadata.mv.db"))).isTrue();
    }

    @Test
    void theOptionsAskForACacheToo() {
        RepositoryOptions options = RepositoryOptions.builder().cache(CacheSettings.of(cacheDir)).build();
        try (Repository repository = Versioned.open("memory:", options)) {
            assertThat(repository).isInstanceOf(CachingRepository.class);
            assertThat(((CachingRepository) repository).settings().ttl()).isEqualTo(CacheSettings.DEFAULT_TTL);
        }
    }

    @Test
    void withoutCacheParametersNothingIsCached() {
        try (Repository repository = Versioned.open("memory:")) {
            assertThat(repository).isNotInstanceOf(CachingRepository.class);
        }
    }

    @Test
    void badCacheParametersAreRefusedNamingTheRule() {
        assertThatThrownBy(() -> Versioned.open("memory:?cacheTtl=30s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("uri: cache: cacheTtl needs cache=DIR, the "
                        + "cache folder");
        assertThatThrownBy(() -> Versioned.open("memory:?cache=" + cacheDir + "&cacheTtl=soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("uri: duration: must look like");
        assertThatThrownBy(() -> Versioned.open("memory:?cache=" + cacheDir + "&cacheMaxBytes=lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("uri: cacheMaxBytes: must be a number of bytes");
        assertThatThrownBy(() -> Versioned.open("memory:?cache=" + cacheDir + "&other=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("uri: memory:");
    }
}
