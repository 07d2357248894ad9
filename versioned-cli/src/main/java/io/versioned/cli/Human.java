package io.versioned.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Formats values for people: sizes in binary units, relative times, shortened hashes. */
final class Human {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final int SHORT_SHA = 12;

    private Human() {
    }

    /** {@code 512 B}, {@code 12.4 MiB}; {@code ?} for an unknown (negative) size. */
    static String size(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** {@code just now}, {@code 1 minute ago}, {@code 3 hours ago}, {@code 2 years ago}. */
    static String ago(Instant then, Instant now) {
        long seconds = Duration.between(then, now).getSeconds();
        if (seconds < 5) {
            return "just now";
        }
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        if (seconds < 3600) {
            return plural(seconds / 60, "minute");
        }
        if (seconds < 86_400) {
            return plural(seconds / 3600, "hour");
        }
        long days = seconds / 86_400;
        if (days < 30) {
            return plural(days, "day");
        }
        if (days < 365) {
            return plural(days / 30, "month");
        }
        return plural(days / 365, "year");
    }

    /** The first 12 characters of a SHA-256. */
    static String sha(String sha256) {
        return sha256.length() <= SHORT_SHA ? sha256 : sha256.substring(0, SHORT_SHA);
    }

    /** {@code 1 version}, {@code 2 versions}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String plural(long n, String unit) {
        return count(n, unit) + " ago";
    }
}
