package io.versioned.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one retry policy for lost races: bounded, exponential with full jitter, interruption-aware. */
class RetryPolicyTest {

    private final List<Long> pauses = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(8, 1_000L, 20_000L, pauses::add);

    @Test
    void theCeilingDoublesFromTheFirstPauseUpToTheLongest() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 30, Integer.MAX_VALUE).stream().map(policy::pauseCeilingNanos))
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 20_000L, 20_000L, 20_000L);
    }

    @Test
    void eachPauseIsDrawnBetweenZeroAndTheCeilingOfItsAttempt() {
        Set<Long> distinct = new HashSet<>();
        for (int round = 0; round < 200; round++) {
            pauses.clear();
            for (int attempt = 0; attempt < policy.maxAttempts() - 1; attempt++) {
                policy.afterLostRace(attempt, "put of x", ConflictException::new);
            }
            assertThat(pauses).hasSize(policy.maxAttempts() - 1);
            for (int attempt = 0; attempt < pauses.size(); attempt++) {
                assertThat(pauses.get(attempt)).isBetween(0L, policy.pauseCeilingNanos(attempt));
            }
            distinct.add(pauses.get(6));
        }
        assertThat(distinct).as("jitter: the pauses of racing writers differ").hasSizeGreaterThan(100);
    }

    @Test
    void theLastAttemptThrowsTheCallersFailureNamingTheActionWithoutPausing() {
        assertThatThrownBy(() -> policy.afterLostRace(7, "put of alias live of app", ConflictException::new))
                .isInstanceOf(ConflictException.class)
                .hasMessage("put of alias live of app lost to concurrent writers 8 times in a row; nothing was "
                        + "changed, try again");
        assertThat(pauses).isEmpty();
    }

    @Test
    void anInterruptedThreadStopsRetryingAtOnceAndKeepsItsInterruptStatus() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> policy.afterLostRace(0, "publish of app", ConflictException::new))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("interrupted while retrying publish of app")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(pauses).isEmpty();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptionDuringThePauseStopsRetrying() {
        RetryPolicy interruptedWhilePausing = new RetryPolicy(8, 1_000L, 20_000L,
                nanos -> Thread.currentThread().interrupt());
        try {
            assertThatThrownBy(() -> interruptedWhilePausing.afterLostRace(0, "publish of app",
                    ConflictException::new))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theLibraryPolicyAllows64AttemptsWithPausesUpTo50Milliseconds() {
        assertThat(RetryPolicy.LOST_RACES.maxAttempts()).isEqualTo(64);
        assertThat(RetryPolicy.LOST_RACES.pauseCeilingNanos(0)).isEqualTo(8_000_000L);
        assertThat(RetryPolicy.LOST_RACES.pauseCeilingNanos(63)).isEqualTo(200_000_000L);
    }

    @Test
    void badBoundsAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> new RetryPolicy(0, 1L, 1L, nanos -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, 0L, 1L, nanos -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstPauseNanos");
        assertThatThrownBy(() -> new RetryPolicy(1, 2L, 1L, nanos -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPauseNanos");
    }
}
