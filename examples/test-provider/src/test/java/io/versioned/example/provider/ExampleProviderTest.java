package io.versioned.example.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Repository;
import io.versioned.core.Versioned;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Versioned#open(String)} finds a provider it was never told about, by its jar's service file. */
class ExampleProviderTest {

    @Test
    void versionedOpensTheSchemeOfAProviderOnTheClassPath() {
        assertThat(Versioned.schemes()).contains("example", "memory");
        try (Repository repository = Versioned.open("example:shop")) {
            repository.bootstrap();
            repository.putArtifact("catalog", "v1".getBytes(StandardCharsets.UTF_8));

            assertThat(repository.publishArtifactVersion("catalog").uri()).contains("example-shop");
        }
    }

    @Test
    void itsErrorsFollowTheSpi() {
        assertThatThrownBy(() -> Versioned.location("example:Shop!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("uri: example: NAME must be");
    }
}
