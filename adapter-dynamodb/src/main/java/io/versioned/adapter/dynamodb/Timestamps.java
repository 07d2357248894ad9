package io.versioned.adapter.dynamodb;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code update_at} format of the Python library (pynamodb's {@code UTCDateTimeAttribute}):
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS+0000}, always UTC, microsecond precision.
 */
final class Timestamps {

    private static final DateTimeFormatter WRITE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+0000'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter READ = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxx");

    private Timestamps() {
    }

    /** {@code instant} in UTC, truncated to microseconds, e.g. {@code 2024-01-02T03:04:05.123456+0000}. */
    static String format(Instant instant) {
        return WRITE.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Parses the Python format (any offset is accepted and converted).
     *
     * @throws IllegalArgumentException if {@code text} is not in that format
     */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, READ).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp of the form yyyy-MM-dd'T'HH:mm:ss.SSSSSS+0000: '"
                    + text + "'", e);
        }
    }
}
