package io.versioned.core;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares content types as media types (RFC 9110 §8.3.1), not as strings: type, subtype and parameter names
 * ignore case, a {@code charset} value ignores case, whitespace around {@code ;} and {@code =} and quotes around a
 * value do not count. So {@code text/plain; charset=utf-8} equals {@code TEXT/plain;charset="UTF-8"}, the way some
 * stores rewrite it.
 */
final class MediaTypes {

    private MediaTypes() {
    }

    /** Whether {@code a} and {@code b} denote the same media type with the same parameters. */
    static boolean equivalent(String a, String b) {
        return a.equals(b) || canonical(a).equals(canonical(b));
    }

    private static Map<String, String> canonical(String mediaType) {
        String[] parts = mediaType.split(";");
        Map<String, String> canonical = new TreeMap<>();
        canonical.put("", parts[0].trim().toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String name = (equals < 0 ? parts[i] : parts[i].substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : unquoted(parts[i].substring(equals + 1).trim());
            canonical.put(name, name.equals("charset") ? value.toLowerCase(Locale.ROOT) : value);
        }
        return canonical;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
