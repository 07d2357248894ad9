package io.versioned.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations of repeated runs of one measured action, in nanoseconds, summarised by their median and 99th
 * percentile (nearest rank): the figures a noisy, shared machine can still report honestly.
 *
 * @param nanos the measured durations, sorted ascending (copied)
 */
public record Samples(long[] nanos) {

    /** @throws IllegalArgumentException if {@code nanos} is null or empty */
    public Samples {
        if (nanos == null || nanos.length == 0) {
            throw new IllegalArgumentException("nanos: must hold at least one sample");
        }
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    /** How many samples were taken. */
    public int count() {
        return nanos.length;
    }

    /** The median duration in nanoseconds. */
    public long median() {
        return percentile(50);
    }

    /** The 99th percentile duration in nanoseconds (the maximum below 100 samples). */
    public long p99() {
        return percentile(99);
    }

    /** The nearest-rank {@code p}-th percentile, 0 &lt; p &le; 100. */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p: must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100 * nanos.length);
        return nanos[Math.max(rank, 1) - 1];
    }

    /** This median divided by {@code baseline}'s, formatted like {@code 1.35×}. */
    public String ratioTo(Samples baseline) {
        return ratio(median(), baseline.median());
    }

    /** {@code value / baseline} formatted like {@code 1.35×}. */
    public static String ratio(double value, double baseline) {
        return String.format(Locale.ROOT, value / baseline >= 10 ? "%.0f×" : "%.2f×", value / baseline);
    }

    /** A duration in nanoseconds in a readable unit: {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 1.20 s}. */
    public static String duration(double nanos) {
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Samples samples && Arrays.equals(nanos, samples.nanos);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nanos);
    }

    @Override
    public String toString() {
        return "median " + duration(median()) + ", p99 " + duration(p99()) + " (" + count() + " samples)";
    }
}
