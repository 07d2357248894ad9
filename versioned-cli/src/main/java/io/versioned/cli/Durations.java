package io.versioned.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as people write them: {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s}, combinations such
 * as {@code 1d12h}, {@code 0s}, or ISO-8601 such as {@code PT1H} and {@code P7D}.
 */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(?:\\d+[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException if {@code text} is not one of the accepted forms, is negative, or is longer
     *                                  than a {@link Duration} holds
     */
    static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (SHORT.matcher(trimmed).matches()) {
            try {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(trimmed);
                while (part.find()) {
                    total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
                }
                return total;
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("duration: too long to hold (at most " + Long.MAX_VALUE
                        + " seconds), got '" + text + "'", e);
            }
        }
        if (trimmed.startsWith("p")) {
            try {
                Duration duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                if (!duration.isNegative()) {
                    return duration;
                }
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        throw invalid(text);
    }

    /** {@code seconds} in the short form, largest units first: {@code 45s}, {@code 3m05s}, {@code 1h02m}, {@code 2d3h}. */
    static String shortForm(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return s / 86_400 + "d" + s % 86_400 / 3600 + "h";
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofSeconds(1);
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("duration: must look like 30d, 12h, 90m, 45s, 1d12h or ISO-8601 PT1H "
                + "(not negative), got '" + text + "'");
    }
}
