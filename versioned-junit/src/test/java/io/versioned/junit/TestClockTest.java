package io.versioned.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {

    private final TestClock clock = new TestClock();

    @Test
    void startsAtTheStartAndMovesOnlyWhenTold() {
        assertThat(clock.instant()).isEqualTo(TestClock.START);
        assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(TestClock.START.plusSeconds(90));
        assertThat(clock.instant()).isEqualTo(TestClock.START.plusSeconds(90));
        clock.set(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void readsInUtcWhateverZoneIsAskedFor() {
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneId.of("Europe/Paris"))).isSameAs(clock);
    }

    @Test
    void refusesToGoBackByAdvancingAndNulls() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duration:");
        assertThatThrownBy(() -> clock.set(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("instant:");
        assertThat(clock.instant()).isEqualTo(TestClock.START);
    }
}
