package io.versioned.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Repository;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryProviderTest {

    @Test
    void memoryTakesNothing() {
        RepositoryLocation location = Versioned.location("MEMORY:");

        assertThat(location.scheme()).isEqualTo("memory");
        assertThat(location).hasToString("memory:");
        assertThat(location.bootstrapsImplicitly()).isTrue();
        assertThatThrownBy(() -> Versioned.location("memory:foo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uri: memory: takes no location, got 'memory:foo'");
    }

    @Test
    void eachOpenIsANewEmptyRepositoryWithTheClockOfTheOptions() {
        Clock fixed = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        try (Repository first = Versioned.open("memory:", RepositoryOptions.builder().clock(fixed).build());
             Repository second = Versioned.open("memory:")) {
            first.putArtifact("model", "bytes".getBytes(StandardCharsets.UTF_8));

            assertThat(first.publishArtifactVersion("model").updateAt()).isEqualTo(fixed.instant());
            assertThat(second.listArtifactNames()).isEmpty();
        }
    }
}
