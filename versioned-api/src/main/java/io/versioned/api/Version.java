package io.versioned.api;

import java.util.Comparator;
import java.util.Locale;

/**
 * A version of an artifact: either the mutable {@link #LATEST} or an immutable published number
 * from 1 to {@value #MAX_NUMBER}.
 *
 * @param number 0 for {@code LATEST}, otherwise the published version number
 */
public record Version(int number) implements Comparable<Version> {

    /** The highest version number an artifact can reach. */
    public static final int MAX_NUMBER = 999_999;

    /** The mutable head of an artifact. */
    public static final Version LATEST = new Version(0);

    /**
     * The order in which versions are listed ({@link Repository#listArtifactVersions}, {@link PurgeResult}, the
     * CLI): {@code LATEST} first, then published numbers newest (highest) first, as the Python library lists them.
     */
    public static final Comparator<Version> NEWEST_FIRST =
            Comparator.comparingInt(version -> version.isLatest() ? Integer.MIN_VALUE : -version.number());

    private static final String LATEST_NAME = "LATEST";

    /**
     * Checks the range.
     *
     * @param number 0 for {@code LATEST}, otherwise the published version number
     * @throws IllegalArgumentException if {@code number} is not 0 (LATEST) or within 1..999999
     */
    public Version {
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException(
                    "version: must be LATEST or a number from 1 to " + MAX_NUMBER + ", got " + number);
        }
    }

    /**
     * A published version number.
     *
     * @param n the number, from 1 to {@value #MAX_NUMBER}
     * @return the version
     * @throws IllegalArgumentException if {@code n} is not within 1..999999
     */
    public static Version of(int n) {
        if (n < 1 || n > MAX_NUMBER) {
            throw new IllegalArgumentException("version: must be a number from 1 to " + MAX_NUMBER + ", got " + n);
        }
        return new Version(n);
    }

    /**
     * Parses {@code LATEST} (in any case), {@code "5"} or a zero-padded {@code "000005"}; surrounding white space
     * is ignored. The inverse of {@link #toString()} and {@link #padded()}.
     *
     * @param text the text to parse
     * @return the version
     * @throws IllegalArgumentException if {@code text} is null, blank, or not one of those forms
     */
    public static Version parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("version: must be LATEST or a number from 1 to " + MAX_NUMBER
                    + ", got " + (text == null ? "null" : "a blank string"));
        }
        String trimmed = text.trim();
        if (trimmed.toUpperCase(Locale.ROOT).equals(LATEST_NAME)) {
            return LATEST;
        }
        if (trimmed.length() > 9 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "version: must be LATEST or a number from 1 to " + MAX_NUMBER + ", got '" + text + "'");
        }
        return of(Integer.parseInt(trimmed));
    }

    /**
     * Whether this is the mutable head.
     *
     * @return true for {@code LATEST}, false for a published number
     */
    public boolean isLatest() {
        return number == 0;
    }

    /**
     * The six-digit form used in storage keys: {@code "000005"}, or {@code "LATEST"}.
     *
     * @return the padded form; published numbers in this form sort as text in numeric order
     */
    public String padded() {
        return isLatest() ? LATEST_NAME : String.format(Locale.ROOT, "%06d", number);
    }

    /**
     * The natural order: {@code LATEST} sorts before every published number; numbers sort ascending. Listings use
     * {@link #NEWEST_FIRST} instead.
     */
    @Override
    public int compareTo(Version other) {
        return Integer.compare(number, other.number);
    }

    /** {@code "LATEST"} or the number without padding, e.g. {@code "5"}. */
    @Override
    public String toString() {
        return isLatest() ? LATEST_NAME : Integer.toString(number);
    }
}
