package io.versioned.cli;

import io.versioned.api.Names;
import io.versioned.api.PutOptions;
import io.versioned.api.Version;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import io.versioned.core.spi.Durations;

/**
 * The documented rules for the CLI's arguments, so the CLI properties can tell for any generated argument whether
 * the command must accept or refuse it. The API's own rules (names, versions, put options) are taken from the API,
 * whose own properties check them; what is the CLI's (option syntax, numbers, durations) is stated here.
 */
final class CliRules {

    /** The command, for the option names of each subcommand. */
    private static final CommandLine VERSIONED = VersionedCli.commandLine(new CliContext(uri -> {
        throw new IllegalStateException("the rules open no repository");
    }, Clock.systemUTC(), InputStream.nullInputStream(), System.out, Map.of(), false));

    private CliRules() {
    }

    /**
     * Whether the parser takes {@code value} for an option of the subcommand at {@code path} ({@code -o},
     * {@code --json=x}) rather than as the value of the option before it: it then refuses the command, however the
     * value was attached ({@code --key=-o} included).
     */
    static boolean looksLikeAnOptionOf(List<String> path, String value) {
        CommandLine command = VERSIONED;
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        Set<String> options = command.getCommandSpec().optionsMap().keySet();
        int equals = value.indexOf('=');
        return options.contains(value) || equals > 0 && options.contains(value.substring(0, equals));
    }

    /** A valid artifact name. */
    static boolean artifactName(String name) {
        return name != null && Names.ARTIFACT.matcher(name).matches();
    }

    /** A valid alias name. */
    static boolean aliasName(String alias) {
        return alias != null && Names.ALIAS.matcher(alias).matches() && !alias.equalsIgnoreCase("LATEST");
    }

    /** The version {@code text} denotes, as {@code --version} and {@code VERSION} read it. */
    static Optional<Version> version(String text) {
        return parsed(text, Version::parse);
    }

    /** The int an int option reads from {@code text}. */
    static Optional<Integer> integer(String text) {
        return parsed(text, Integer::valueOf);
    }

    /** The long a long option reads from {@code text}. */
    static Optional<Long> longValue(String text) {
        return parsed(text, Long::valueOf);
    }

    /** The duration {@code --older-than} reads from {@code text}: 30d, 1d12h, PT1H and the like, not negative. */
    static Optional<Duration> duration(String text) {
        return parsed(text, Durations::parse);
    }

    /**
     * The map that repeated {@code KEY=VALUE} options give (split at the first '=', later keys win); empty when one of
     * them has no '=' or an empty key.
     */
    static Optional<Map<String, String>> pairs(List<String> texts) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String text : texts) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                return Optional.empty();
            }
            map.put(text.substring(0, equals), text.substring(equals + 1));
        }
        return Optional.of(map);
    }

    /** Whether {@link PutOptions} accepts {@code contentType}. */
    static boolean contentType(String contentType) {
        return parsed(contentType, type -> new PutOptions(Optional.of(type), Map.of(), Map.of())).isPresent();
    }

    /** Whether {@link PutOptions} accepts {@code metadata}. */
    static boolean metadata(Map<String, String> metadata) {
        return parsed(metadata, map -> new PutOptions(Optional.empty(), map, Map.of())).isPresent();
    }

    /** Whether {@link PutOptions} accepts {@code tags}. */
    static boolean tags(Map<String, String> tags) {
        return parsed(tags, map -> new PutOptions(Optional.empty(), Map.of(), map)).isPresent();
    }

    private static <T, R> Optional<R> parsed(T text, Function<T, R> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
