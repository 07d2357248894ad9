package io.versioned.api;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks behind {@link PutOptions}: the same limits for every backend, so a put that one store accepts no
 * other store refuses, and every refusal happens before anything is uploaded. Each failure is an
 * {@link IllegalArgumentException} whose message starts with the argument's name and states the rule.
 */
final class PutOptionRules {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + "(\\s*;.*)?");
    private static final int MAX_CONTENT_TYPE_LENGTH = 255;
    /** The characters of S3 object tags: letters, digits, white space and {@code + - = . _ : / @}. */
    private static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}+\\-=._:/@]*");
    private static final int SHOWN_CHARACTERS = 64;

    private PutOptionRules() {
    }

    /** Checks a supplied content type: a media type of printable ASCII, at most 255 characters. */
    static void contentType(String contentType) {
        if (!MEDIA_TYPE.matcher(contentType).matches() || contentType.length() > MAX_CONTENT_TYPE_LENGTH
                || contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("contentType: must be a media type type/subtype[; parameters] such as "
                    + "text/plain (printable ASCII, at most " + MAX_CONTENT_TYPE_LENGTH + " characters), got "
                    + shown(contentType));
        }
    }

    /** An unmodifiable copy of {@code metadata}, checked against the rules documented on {@link PutOptions}. */
    static Map<String, String> metadata(Map<String, String> metadata) {
        Map<String, String> copy = copyOf("metadata", metadata);
        long utf8Bytes = 0;
        for (Map.Entry<String, String> entry : copy.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            requireKeyAndValue("metadata", key, value);
            if (!wellFormed(key)) {
                throw new IllegalArgumentException("metadata: keys must be well-formed UTF-16 (no unpaired "
                        + "surrogate), got key " + shown(key));
            }
            int keyLength = key.codePointCount(0, key.length());
            if (keyLength < 1 || keyLength > PutOptions.MAX_METADATA_KEY_LENGTH) {
                throw new IllegalArgumentException("metadata: keys must be 1 to " + PutOptions.MAX_METADATA_KEY_LENGTH
                        + " characters, got " + keyLength + ": " + shown(key));
            }
            if (key.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("metadata: keys must not contain ISO control characters (U+0000 "
                        + "to U+001F, U+007F to U+009F), got key " + shown(key));
            }
            if (!wellFormed(value)) {
                throw new IllegalArgumentException("metadata: values must be well-formed UTF-16 (no unpaired "
                        + "surrogate), got the value of key " + shown(key));
            }
            if (value.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("metadata: values must not contain U+0000, got the value of key "
                        + shown(key));
            }
            utf8Bytes += key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
        }
        if (utf8Bytes > PutOptions.MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("metadata: keys and values together must be at most "
                    + PutOptions.MAX_METADATA_BYTES + " bytes in UTF-8, got " + utf8Bytes);
        }
        return Map.copyOf(copy);
    }

    /**
     * An unmodifiable copy of {@code tags}, checked against the rules documented on {@link PutOptions} (those of S3
     * object tags).
     */
    static Map<String, String> tags(Map<String, String> tags) {
        Map<String, String> copy = copyOf("tags", tags);
        if (copy.size() > PutOptions.MAX_TAGS) {
            throw new IllegalArgumentException("tags: at most " + PutOptions.MAX_TAGS + " tags, got " + copy.size());
        }
        for (Map.Entry<String, String> entry : copy.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            requireKeyAndValue("tags", key, value);
            if (!TAG_CHARACTERS.matcher(key).matches()) {
                throw new IllegalArgumentException("tags: keys must hold only letters, digits, white space and "
                        + "+ - = . _ : / @, got key " + shown(key));
            }
            int keyLength = key.codePointCount(0, key.length());
            if (keyLength < 1 || keyLength > PutOptions.MAX_TAG_KEY_LENGTH) {
                throw new IllegalArgumentException("tags: keys must be 1 to " + PutOptions.MAX_TAG_KEY_LENGTH
                        + " characters, got " + keyLength + ": " + shown(key));
            }
            if (!TAG_CHARACTERS.matcher(value).matches()) {
                throw new IllegalArgumentException("tags: values must hold only letters, digits, white space and "
                        + "+ - = . _ : / @, got the value of key " + shown(key));
            }
            int valueLength = value.codePointCount(0, value.length());
            if (valueLength > PutOptions.MAX_TAG_VALUE_LENGTH) {
                throw new IllegalArgumentException("tags: values must be at most " + PutOptions.MAX_TAG_VALUE_LENGTH
                        + " characters, got " + valueLength + " for key " + shown(key));
            }
        }
        return Map.copyOf(copy);
    }

    /** A copy of {@code map} that may still hold null keys and values; refuses a null map. */
    private static Map<String, String> copyOf(String argument, Map<String, String> map) {
        if (map == null) {
            throw new IllegalArgumentException(argument + ": must not be null (use an empty map)");
        }
        return new HashMap<>(map);
    }

    private static void requireKeyAndValue(String argument, String key, String value) {
        if (key == null) {
            throw new IllegalArgumentException(argument + ": keys must not be null");
        }
        if (value == null) {
            throw new IllegalArgumentException(argument + ": values must not be null, got null for key "
                    + shown(key));
        }
    }

    /** True when {@code text} has no unpaired surrogate, so that it converts to UTF-8 and back unchanged. */
    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} quoted for a one-line message: at most {@value #SHOWN_CHARACTERS} characters (then an
     * ellipsis), with control characters, surrogates and line or paragraph separators escaped as
     * {@code \\uXXXX}.
     */
    private static String shown(String text) {
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(text.length(), SHOWN_CHARACTERS);
        if (limit < text.length() && Character.isHighSurrogate(text.charAt(limit - 1))) {
            limit--;
        }
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !pairedAt(text, i)
                    || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (limit < text.length()) {
            out.append('\u2026');
        }
        return out.append('\'').toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
