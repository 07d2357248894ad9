package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.core.port.RetryPolicy;
import org.junit.jupiter.api.Test;

/** The bound of the compare-and-set loops: exhausted attempts may be retried, an interruption may not. */
class ContentionTest {

    @Test
    void exhaustedAttemptsAreARetryableFailure() {
        assertThatThrownBy(() -> Contention.lostRace(RetryPolicy.LOST_RACES.maxAttempts() - 1, "update s3://b/k"))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("s3://b/k")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue());
    }

    @Test
    void anInterruptionWhileBackingOffIsANonRetryableFailureAndKeepsTheInterruptStatus() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Contention.lostRace(0, "update s3://b/k"))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("interrupted")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
