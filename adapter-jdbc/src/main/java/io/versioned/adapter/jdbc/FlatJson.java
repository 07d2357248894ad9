package io.versioned.adapter.jdbc;

import io.versioned.api.BackendException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Encodes flat maps as JSON objects and back, for the metadata and alias-pin columns: string keys, and either
 * string or integer values. Keys are written sorted; every character outside printable ASCII is written as a
 * {@code \\uXXXX} escape, so the stored text is plain ASCII and any Java string (even one with a lone surrogate
 * or a NUL) round-trips exactly on every database.
 */
final class FlatJson {

    private FlatJson() {
    }

    /** {@code {"k":"v",...}}. */
    static String encodeStrings(Map<String, String> map) {
        return encode(map, FlatJson::quote);
    }

    /** {@code {"k":12,...}}. */
    static String encodeLongs(Map<String, Long> map) {
        return encode(map, value -> Long.toString(value));
    }

    /**
     * The map of a JSON object whose values are strings.
     *
     * @throws BackendException if {@code json} is not such an object (the stored value is damaged)
     */
    static Map<String, String> decodeStrings(String json) {
        return new Parser(json).object(Parser::string);
    }

    /**
     * The map of a JSON object whose values are integers.
     *
     * @throws BackendException if {@code json} is not such an object (the stored value is damaged)
     */
    static Map<String, Long> decodeLongs(String json) {
        return new Parser(json).object(Parser::integer);
    }

    private static <V> String encode(Map<String, V> map, Function<V, String> value) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(map).forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(k)).append(':').append(value.apply(v));
        });
        return out.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A strict parser for one flat JSON object. */
    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        <V> Map<String, V> object(Function<Parser, V> value) {
            Map<String, V> map = new TreeMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                position++;
            } else {
                while (true) {
                    skipSpace();
                    String key = string();
                    expect(':');
                    skipSpace();
                    if (map.put(key, value.apply(this)) != null) {
                        throw damaged("duplicate key '" + key + "'");
                    }
                    skipSpace();
                    char next = next();
                    if (next == '}') {
                        break;
                    }
                    if (next != ',') {
                        throw damaged("expected ',' or '}' at " + (position - 1));
                    }
                }
            }
            skipSpace();
            if (position != text.length()) {
                throw damaged("unexpected text after the object at " + position);
            }
            return map;
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(unicodeEscape());
                    default -> throw damaged("bad escape '\\" + escaped + "'");
                }
            }
        }

        Long integer() {
            int start = position;
            if (peek() == '-') {
                position++;
            }
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            try {
                return Long.parseLong(text.substring(start, position));
            } catch (NumberFormatException e) {
                throw damaged("expected an integer at " + start);
            }
        }

        private char unicodeEscape() {
            if (position + 4 > text.length()) {
                throw damaged("truncated \\u escape");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
                position += 4;
                return c;
            } catch (NumberFormatException e) {
                throw damaged("bad \\u escape at " + position);
            }
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private char next() {
            if (position >= text.length()) {
                throw damaged("unexpected end");
            }
            return text.charAt(position++);
        }

        private void expect(char c) {
            skipSpace();
            if (next() != c) {
                throw damaged("expected '" + c + "' at " + (position - 1));
            }
        }

        private BackendException damaged(String problem) {
            return new BackendException("a stored JSON map is damaged: " + problem + " in " + text, null, false);
        }
    }
}
