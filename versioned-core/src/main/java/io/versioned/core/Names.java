package io.versioned.core;

import io.versioned.api.Version;
import java.util.Locale;
import java.util.regex.Pattern;

/** The naming rules of artifacts and aliases, checked before any storage call. */
final class Names {

    private static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private Names() {
    }

    static String artifact(String name) {
        if (name == null || !ARTIFACT.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must match [A-Za-z0-9][A-Za-z0-9._-]{0,127} (a letter or digit, "
                    + "then up to 127 letters, digits, '.', '_' or '-'), got " + quoted(name));
        }
        return name;
    }

    static String alias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("alias: must match [A-Za-z][A-Za-z0-9_]{0,63} (a letter, then up to 63 "
                    + "letters, digits or '_'; no '-'), got " + quoted(alias));
        }
        if (alias.toUpperCase(Locale.ROOT).equals("LATEST")) {
            throw new IllegalArgumentException("alias: must not be LATEST in any case, got " + quoted(alias));
        }
        return alias;
    }

    static Version version(Version version) {
        if (version == null) {
            throw new IllegalArgumentException("version: must not be null");
        }
        return version;
    }

    static <T> T notNull(String argument, T value) {
        if (value == null) {
            throw new IllegalArgumentException(argument + ": must not be null");
        }
        return value;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
