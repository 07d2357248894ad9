package io.versioned.tck.soak;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

/**
 * How long and how hard {@link io.versioned.tck.SoakContract} runs, from system properties (Maven passes {@code -D} options on to the
 * forked test JVM), with short defaults for CI:
 * <ul>
 *   <li>{@value #DURATION}: ISO-8601 duration of the random phase, default {@code PT5S};</li>
 *   <li>{@value #THREADS}: worker threads, default 4;</li>
 *   <li>{@value #FAULT_RATE}: fraction of port calls failed by the injector, default 0.05;</li>
 *   <li>{@value #SEED}: the seed every worker's generators derive from, default a fresh random one (printed, so a
 *       failing run can be replayed).</li>
 * </ul>
 *
 * @param duration  how long the workers pick random operations (after one pass over every kind), positive
 * @param threads   the number of workers, 1 to 64
 * @param faultRate the fraction of port calls that fail, 0 to 0.5
 * @param seed      the seed of the run
 */
public record SoakSettings(Duration duration, int threads, double faultRate, long seed) {

    static final String DURATION = "versioned.soak.duration";
    static final String THREADS = "versioned.soak.threads";
    static final String FAULT_RATE = "versioned.soak.faultRate";
    static final String SEED = "versioned.soak.seed";

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if a value is outside its range, naming the property
     */
    public SoakSettings {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(DURATION + ": must be a positive duration, got " + duration);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException(THREADS + ": must be from 1 to 64, got " + threads);
        }
        if (!(faultRate >= 0 && faultRate <= 0.5)) {
            throw new IllegalArgumentException(FAULT_RATE + ": must be from 0 to 0.5, got " + faultRate);
        }
    }

    /**
     * The settings named by the system properties, defaults for those not set.
     *
     * @return the settings
     * @throws IllegalArgumentException if a property is set to something unparsable or out of range, naming it
     */
    public static SoakSettings fromSystemProperties() {
        return new SoakSettings(duration(System.getProperty(DURATION, "PT5S")),
                integer(THREADS, System.getProperty(THREADS, "4")),
                decimal(FAULT_RATE, System.getProperty(FAULT_RATE, "0.05")),
                System.getProperty(SEED) == null ? new SplittableRandom().nextLong()
                        : integer64(SEED, System.getProperty(SEED)));
    }

    /** A seed for stream {@code stream} of this run (one per worker and purpose), derived from {@link #seed()}. */
    long derivedSeed(int stream) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (stream + 1))).nextLong();
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(DURATION + ": must be an ISO-8601 duration such as PT10M, got '" + text
                    + "'", e);
        }
    }

    private static int integer(String property, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + ": must be an integer, got '" + text + "'", e);
        }
    }

    private static long integer64(String property, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + ": must be a 64-bit integer, got '" + text + "'", e);
        }
    }

    private static double decimal(String property, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + ": must be a decimal number, got '" + text + "'", e);
        }
    }
}
