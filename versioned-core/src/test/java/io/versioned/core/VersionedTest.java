package io.versioned.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.RepositoryUris;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Versioned}'s choice of a provider, with the test provider {@code echo:} as the only one on the class path. */
class VersionedTest {

    @Test
    void theSchemeChoosesTheProviderWithoutRegardToCase() {
        assertThat(Versioned.location("ECHO:one")).isEqualTo(new EchoProvider.Echo("one"));
        assertThat(Versioned.schemes()).containsExactly("echo");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|must not be blank",
        "'   '|must not be blank",
        "nothing|'nothing' has no scheme; use echo:NAME",
        "ftp://user:secret@host/x|unknown scheme 'ftp'; the schemes on the class path are echo; use echo:NAME",
        "echo:|echo: needs a name, e.g. echo:one"
    })
    void refusesUrisNamingTheRuleAndTheForms(String uri, String problem) {
        assertThatThrownBy(() -> Versioned.location(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(RepositoryUris.ERROR_PREFIX + problem);
    }

    @Test
    void anUnknownSchemeIsNotEchoedWithItsSecrets() {
        assertThatThrownBy(() -> Versioned.open("ftp://user:secret@host/x"))
                .hasMessageNotContaining("secret");
    }

    @Test
    void aProviderThatFailsToOpenBecomesABackendExceptionNamingTheLocation() {
        assertThatThrownBy(() -> Versioned.open("echo:one")).isInstanceOf(BackendException.class)
                .hasMessageContaining("could not open the repository echo:one")
                .hasMessageContaining("the echo store one is unreachable");
    }

    @Test
    void optionsDefaultToNoBootstrapTheSystemClockAndTheProcessEnvironment() {
        RepositoryOptions defaults = RepositoryOptions.defaults();
        assertThat(defaults.bootstrap()).isFalse();
        assertThat(defaults.clock()).isEqualTo(Clock.systemUTC());
        assertThat(defaults.environment()).isEqualTo(System.getenv());
        assertThat(defaults.connectionTimeout()).isEmpty();
        assertThat(defaults.component(StringBuilder.class)).isEmpty();
    }

    @Test
    void optionsKeepWhatTheApplicationHandsIn() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        StringBuilder client = new StringBuilder("a client");
        RepositoryOptions options = RepositoryOptions.builder().bootstrap(true).clock(fixed)
                .environment(Map.of("AWS_REGION", "eu-west-1")).connectionTimeout(Duration.ofSeconds(2))
                .component(StringBuilder.class, client).build();

        assertThat(options.bootstrap()).isTrue();
        assertThat(options.clock()).isSameAs(fixed);
        assertThat(options.environment()).containsExactly(Map.entry("AWS_REGION", "eu-west-1"));
        assertThat(options.connectionTimeout()).contains(Duration.ofSeconds(2));
        assertThat(options.component(StringBuilder.class)).containsSame(client);
        assertThat(options.component(CharSequence.class)).as("found by the exact type only").isEmpty();
    }

    @Test
    void optionsRefuseNullsAndTooShortTimeOutsNamingTheArgument() {
        assertThatThrownBy(() -> RepositoryOptions.builder().clock(null)).hasMessageStartingWith("clock: ");
        assertThatThrownBy(() -> RepositoryOptions.builder().connectionTimeout(Duration.ofMillis(10)))
                .hasMessageStartingWith("connectionTimeout: ");
        assertThatThrownBy(() -> RepositoryOptions.builder().component(String.class, null))
                .hasMessageStartingWith("component: ");
        assertThatThrownBy(() -> Versioned.open("echo:one", null)).hasMessageStartingWith("options: ");
    }
}
