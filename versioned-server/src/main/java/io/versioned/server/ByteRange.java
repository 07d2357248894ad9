package io.versioned.server;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of a {@code Range: bytes=...} request header (RFC 9110, section 14): {@code first-last},
 * {@code first-} or the suffix {@code -length}. A header of another unit, with several ranges, or that is not
 * well-formed is ignored (the whole content is sent), as the RFC allows; a well-formed range that starts past the
 * end is refused with 416.
 *
 * @param first the first byte, inclusive
 * @param last  the last byte, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    /** The number of bytes in the range. */
    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} header value for content of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range a header asks for in content of {@code size} bytes.
     *
     * @param header the {@code Range} header, possibly null
     * @param size   the size of the content
     * @return the range, or empty to send the whole content
     * @throws ApiProblem (416) if the range is well-formed but not satisfiable
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(header.strip());
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return Optional.empty();
        }
        String first = matcher.group(1);
        String last = matcher.group(2);
        if (first.isEmpty()) {
            long suffix = Long.parseLong(last);
            if (suffix == 0 || size == 0) {
                throw unsatisfiable(header, size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long start = Long.parseLong(first);
        long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
        if (!last.isEmpty() && Long.parseLong(last) < start) {
            return Optional.empty();
        }
        if (start >= size) {
            throw unsatisfiable(header, size);
        }
        return Optional.of(new ByteRange(start, end));
    }

    private static ApiProblem unsatisfiable(String header, long size) {
        return new ApiProblem(416, "range_not_satisfiable",
                "Range: must start inside the content of " + size + " bytes, got '" + header + "'");
    }
}
