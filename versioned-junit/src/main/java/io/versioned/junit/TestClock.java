package io.versioned.junit;

import java.io.Serial;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves by hand, in UTC: the repository of {@link VersionedExtension} reads its time from it, so
 * version and alias timestamps, purge cut-offs and a cache's time-to-live are under the test's control. Starts at
 * {@link #START}. Thread-safe.
 */
public final class TestClock extends Clock {

    /** Where every test clock starts: 2026-01-01T00:00:00Z. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Serial
    private static final long serialVersionUID = 1L;

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    /**
     * Moves the clock forward.
     *
     * @param duration how far, not negative
     * @return the new time
     * @throws IllegalArgumentException if {@code duration} is null or negative
     */
    public Instant advance(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("duration: must not be negative, got " + duration);
        }
        return now.updateAndGet(time -> time.plus(duration));
    }

    /**
     * Sets the time, backwards too (to test what a store does with a clock that jumped back).
     *
     * @param instant the new time
     * @throws IllegalArgumentException if {@code instant} is null
     */
    public void set(Instant instant) {
        if (instant == null) {
            throw new IllegalArgumentException("instant: must not be null");
        }
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock: it always reads in UTC, which is all the library reads. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "]";
    }
}
