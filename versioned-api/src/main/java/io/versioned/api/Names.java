package io.versioned.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The naming rules of artifacts and aliases (docs/semantics.md §1), the one place they are defined. Every
 * {@link Repository} checks them before any storage call; tools that must refuse a bad name earlier (the CLI,
 * before reading a file) call them too.
 */
public final class Names {

    /** Artifact names: a letter or digit, then up to 127 letters, digits, {@code .}, {@code _} or {@code -}. */
    public static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** Alias names: a letter, then up to 63 letters, digits or {@code _}; never {@code LATEST} in any case. */
    public static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private Names() {
    }

    /**
     * Returns {@code name} if it is a valid artifact name.
     *
     * @param name the artifact name to check, as given by the caller
     * @return {@code name} unchanged
     * @throws IllegalArgumentException naming {@code name} and the rule otherwise (also for null)
     */
    public static String artifact(String name) {
        if (name == null || !ARTIFACT.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must match [A-Za-z0-9][A-Za-z0-9._-]{0,127} (a letter or digit, "
                    + "then up to 127 letters, digits, '.', '_' or '-'), got " + quoted(name));
        }
        return name;
    }

    /**
     * Returns {@code alias} if it is a valid alias name.
     *
     * @param alias the alias name to check, as given by the caller
     * @return {@code alias} unchanged
     * @throws IllegalArgumentException naming {@code alias} and the rule otherwise (also for null and LATEST)
     */
    public static String alias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("alias: must match [A-Za-z][A-Za-z0-9_]{0,63} (a letter, then up to 63 "
                    + "letters, digits or '_'; no '-'), got " + quoted(alias));
        }
        if (alias.toUpperCase(Locale.ROOT).equals("LATEST")) {
            throw new IllegalArgumentException("alias: must not be LATEST in any case, got " + quoted(alias));
        }
        return alias;
    }

    /**
     * Returns {@code version} if it is not null.
     *
     * @param version the version to check
     * @return {@code version} unchanged
     * @throws IllegalArgumentException naming {@code version} if it is null
     */
    public static Version version(Version version) {
        if (version == null) {
            throw new IllegalArgumentException("version: must not be null");
        }
        return version;
    }

    /**
     * Returns {@code value} if it is not null.
     *
     * @param <T>      the type of the value
     * @param argument the argument's name, used as the prefix of the message
     * @param value    the argument's value
     * @return {@code value} unchanged
     * @throws IllegalArgumentException naming {@code argument} if it is null
     */
    public static <T> T notNull(String argument, T value) {
        if (value == null) {
            throw new IllegalArgumentException(argument + ": must not be null");
        }
        return value;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
