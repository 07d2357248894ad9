package io.versioned.tck;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Short, one-line, printable descriptions of generated values for the reports of the property suites: long text
 * is cut, and characters a terminal cannot show (controls, surrogates, separators) are escaped.
 */
final class Show {

    private static final int SHOWN = 40;
    private static final int SHOWN_ENTRIES = 4;

    private Show() {
    }

    /** {@code text} quoted, escaped and cut to about 40 characters (with its length when cut); "null" for null. */
    static String text(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(text.length(), SHOWN); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029'
                    || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (text.length() > SHOWN) {
            out.append("...(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    /** The first few entries of {@code map}, each shown as {@link #text}, and its size; "null" for null. */
    static String map(Map<String, String> map) {
        if (map == null) {
            return "null";
        }
        String entries = map.entrySet().stream().limit(SHOWN_ENTRIES)
                .map(entry -> text(entry.getKey()) + "=" + text(entry.getValue()))
                .collect(Collectors.joining(", ", "{", map.size() > SHOWN_ENTRIES ? ", ...}" : "}"));
        return map.size() > SHOWN_ENTRIES ? entries + " (" + map.size() + " entries)" : entries;
    }
}
