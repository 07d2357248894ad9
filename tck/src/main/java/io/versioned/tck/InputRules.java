package io.versioned.tck;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The documented argument rules, written a second time and independently of the API's own checks (no shared
 * pattern or helper), so that the property suites can tell for any generated argument whether it must be accepted
 * or refused: the names of docs/semantics.md §1, and the content type, metadata and tag limits of
 * {@link io.versioned.api.PutOptions}.
 */
final class InputRules {

    private static final int MAX_NAME = 128;
    private static final int MAX_ALIAS = 64;
    private static final int MAX_CONTENT_TYPE = 255;
    private static final int MAX_METADATA_KEY = 128;
    private static final int MAX_METADATA_BYTES = 8192;
    private static final int MAX_TAGS = 10;
    private static final int MAX_TAG_KEY = 128;
    private static final int MAX_TAG_VALUE = 256;
    private static final String TOKEN_SYMBOLS = "!#$%&'*+.^_`|~-";
    private static final String TAG_SYMBOLS = "+-=._:/@";
    private static final Set<Integer> TAG_TYPES = Set.of((int) Character.UPPERCASE_LETTER,
            (int) Character.LOWERCASE_LETTER, (int) Character.TITLECASE_LETTER, (int) Character.MODIFIER_LETTER,
            (int) Character.OTHER_LETTER, (int) Character.DECIMAL_DIGIT_NUMBER, (int) Character.LETTER_NUMBER,
            (int) Character.OTHER_NUMBER, (int) Character.SPACE_SEPARATOR, (int) Character.LINE_SEPARATOR,
            (int) Character.PARAGRAPH_SEPARATOR);

    private InputRules() {
    }

    /** A letter or digit, then up to 127 letters, digits, '.', '_' or '-' (ASCII only). */
    static boolean artifactName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || !asciiLetterOrDigit(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> asciiLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
    }

    /** A letter, then up to 63 letters, digits or '_' (ASCII only), and not LATEST in any case. */
    static boolean aliasName(String alias) {
        if (alias == null || alias.isEmpty() || alias.length() > MAX_ALIAS || !asciiLetter(alias.charAt(0))) {
            return false;
        }
        return alias.chars().allMatch(c -> asciiLetterOrDigit(c) || c == '_') && !alias.equalsIgnoreCase("LATEST");
    }

    /** {@code type/subtype}, optionally followed by spaces and {@code ;parameters}; printable ASCII, 255 at most. */
    static boolean contentType(String type) {
        if (type.length() > MAX_CONTENT_TYPE || !type.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            return false;
        }
        int semicolon = type.indexOf(';');
        String head = semicolon < 0 ? type : type.substring(0, semicolon).stripTrailing();
        int slash = head.indexOf('/');
        return slash > 0 && token(head.substring(0, slash)) && token(head.substring(slash + 1));
    }

    /**
     * Keys of 1 to 128 code points without ISO control characters; keys and values free of lone surrogates and of
     * U+0000; keys plus values at most 8192 bytes in UTF-8.
     */
    static boolean metadata(Map<String, String> metadata) {
        if (metadata == null) {
            return false;
        }
        long bytes = 0;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key == null || value == null || hasLoneSurrogate(key) || hasLoneSurrogate(value)) {
                return false;
            }
            long length = key.codePoints().count();
            if (length < 1 || length > MAX_METADATA_KEY || key.codePoints().anyMatch(InputRules::isoControl)
                    || value.codePoints().anyMatch(c -> c == 0)) {
                return false;
            }
            bytes += utf8Length(key) + utf8Length(value);
        }
        return bytes <= MAX_METADATA_BYTES;
    }

    /**
     * At most 10 tags; keys of 1 to 128 and values of 0 to 256 code points, all letters, digits, separators or
     * {@code + - = . _ : / @}.
     */
    static boolean tags(Map<String, String> tags) {
        if (tags == null || tags.size() > MAX_TAGS) {
            return false;
        }
        for (Map.Entry<String, String> entry : tags.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key == null || value == null || !tagText(key) || !tagText(value)) {
                return false;
            }
            long keyLength = key.codePoints().count();
            if (keyLength < 1 || keyLength > MAX_TAG_KEY || value.codePoints().count() > MAX_TAG_VALUE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two valid content types are the same media type as docs/semantics.md defines it: type, subtype and
     * parameter names ignore case, so does a {@code charset} value; spacing and quotes around values do not count.
     */
    static boolean sameMediaType(String a, String b) {
        return canonicalMediaType(a).equals(canonicalMediaType(b));
    }

    /** The number of bytes of {@code text} in UTF-8 (for text without lone surrogates). */
    static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Map<String, String> canonicalMediaType(String type) {
        Map<String, String> canonical = new TreeMap<>();
        String[] parts = type.split(";", -1);
        canonical.put("", parts[0].strip().toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            String value = pair.length == 1 ? "" : pair[1].strip();
            if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                value = value.substring(1, value.length() - 1);
            }
            canonical.put(name, name.equals("charset") ? value.toLowerCase(Locale.ROOT) : value);
        }
        return canonical;
    }

    private static boolean tagText(String text) {
        return text.codePoints().allMatch(c -> TAG_TYPES.contains(Character.getType(c)) || TAG_SYMBOLS.indexOf(c) >= 0);
    }

    private static boolean hasLoneSurrogate(String text) {
        return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    private static boolean isoControl(int c) {
        return c <= 0x1f || c >= 0x7f && c <= 0x9f;
    }

    private static boolean token(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> asciiLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0);
    }

    private static boolean asciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean asciiLetterOrDigit(int c) {
        return asciiLetter(c) || c >= '0' && c <= '9';
    }
}
