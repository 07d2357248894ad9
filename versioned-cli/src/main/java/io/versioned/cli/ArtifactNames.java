package io.versioned.cli;

import java.util.regex.Pattern;

/**
 * The artifact naming rule of the library, checked by the CLI itself where a command must refuse a bad name before
 * it touches anything else (a file, standard input). The library has no public validator, so the rule of
 * {@link io.versioned.api.Repository} is repeated here, once, with the library's message.
 */
final class ArtifactNames {

    private static final String RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private static final Pattern ARTIFACT = Pattern.compile(RULE);

    private ArtifactNames() {
    }

    /**
     * Returns {@code name} if it is a valid artifact name.
     *
     * @throws IllegalArgumentException naming {@code name} and the rule if it is null or does not match
     */
    static String requireValid(String name) {
        if (name == null || !ARTIFACT.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must match " + RULE + " (a letter or digit, then up to 127 "
                    + "letters, digits, '.', '_' or '-'), got " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }
}
