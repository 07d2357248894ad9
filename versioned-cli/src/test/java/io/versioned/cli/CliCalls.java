package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Version;
import io.versioned.cli.CliArgs.FileArg;
import io.versioned.cli.CliArgs.TargetArg;
import io.versioned.core.port.VersionRecord;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands of {@code versioned} with generated arguments, each with the rules that decide which arguments it
 * must refuse (exit code 2) and the exit codes docs/cli.md allows otherwise: 1 where the artifact, version or alias
 * may not exist, 3 where an alias may block or another writer may win.
 */
final class CliCalls {

    private static final Set<Integer> OK = Set.of(0);
    private static final Set<Integer> OK_OR_NOT_FOUND = Set.of(0, 1);
    private static final CliCall.Check NOTHING = (result, after) -> { };

    private CliCalls() {
    }

    /** {@code put NAME FILE [--content-type T] [--meta K=V]... [--tag K=V]...}: LATEST holds the bytes afterwards. */
    static CliCall put(String name, byte[] content, FileArg file, Optional<String> contentType, List<String> meta,
                       List<String> tags) {
        Problems problems = new Problems().name(name);
        Optional<Map<String, String>> metadata = CliRules.pairs(meta);
        Optional<Map<String, String>> tagMap = CliRules.pairs(tags);
        problems.when(metadata.isEmpty() || !CliRules.metadata(metadata.get()), "--meta", meta);
        problems.when(tagMap.isEmpty() || !CliRules.tags(tagMap.get()), "--tag", tags);
        problems.when(contentType.isPresent() && !CliRules.contentType(contentType.get()), "--content-type",
                List.of("contentType"));
        problems.when(!file.valid(), "FILE", List.of());
        // the parser refuses a value that reads as one of the command's options, even attached (docs/cli.md)
        problems.when(meta.stream().anyMatch(pair -> CliRules.looksLikeAnOptionOf(List.of("put"), pair)), "--meta",
                meta);
        problems.when(tags.stream().anyMatch(pair -> CliRules.looksLikeAnOptionOf(List.of("put"), pair)), "--tag",
                tags);
        problems.when(contentType.filter(type -> CliRules.looksLikeAnOptionOf(List.of("put"), type)).isPresent(),
                "--content-type", List.of(contentType.orElse("")));
        List<String> options = new ArrayList<>();
        contentType.ifPresent(type -> options.add("--content-type=" + type));
        meta.forEach(pair -> options.add("--meta=" + pair));
        tags.forEach(pair -> options.add("--tag=" + pair));
        String label = "put " + show(name) + " " + file + " (" + content.length + " bytes) " + show(options);
        return new CliCall("put", label, List.of(name), List.of(), problems.found(), OK, work -> {
            List<String> arguments = new ArrayList<>(List.of("put", name, file.in(work, content)));
            arguments.addAll(options);
            return arguments;
        }, file == FileArg.STDIN ? content : new byte[0], (result, after) -> {
            VersionRecord latest = after.get().versions().get(name).stream()
                    .filter(record -> record.version().isLatest()).findFirst().orElseThrow();
            assertThat(latest.deleted()).isFalse();
            assertThat(latest.sha256()).isEqualTo(sha256(content));
            metadata.filter(map -> !map.isEmpty())
                    .ifPresent(map -> assertThat(latest.metadata()).isEqualTo(map));
        });
    }

    /** {@code publish NAME}. */
    static CliCall publish(String name) {
        return simple("publish", List.of("publish", name), name, null, OK_OR_NOT_FOUND);
    }

    /** {@code get NAME --version V -o TARGET}. */
    static CliCall get(String name, String version, TargetArg target) {
        Problems problems = new Problems().name(name).version("--version", version)
                .when(!target.valid(), "-o", List.of());
        return new CliCall("get", "get " + show(name) + " --version=" + show(version) + " -o " + target,
                List.of(name), List.of(), problems.found(), OK_OR_NOT_FOUND, work -> {
                    List<String> arguments = new ArrayList<>(List.of("get", name, "--version=" + version));
                    arguments.addAll(target.in(work));
                    return arguments;
                }, new byte[0], NOTHING);
    }

    /** {@code show NAME --version V}. */
    static CliCall show(String name, String version) {
        Problems problems = new Problems().name(name).version("--version", version);
        return fixed("show", List.of("show", name, "--version=" + version), name, null, problems, OK_OR_NOT_FOUND);
    }

    /** {@code versions NAME}. */
    static CliCall versions(String name) {
        return simple("versions", List.of("versions", name), name, null, OK_OR_NOT_FOUND);
    }

    /** {@code delete NAME --version V}: 3 when an alias points at the version. */
    static CliCall delete(String name, String version) {
        Problems problems = new Problems().name(name).version("--version", version);
        return fixed("delete", List.of("delete", name, "--version=" + version), name, null, problems, Set.of(0, 3));
    }

    /** {@code restore NAME --version V}. */
    static CliCall restore(String name, String version) {
        Problems problems = new Problems().name(name).version("--version", version);
        return fixed("restore", List.of("restore", name, "--version=" + version), name, null, problems,
                OK_OR_NOT_FOUND);
    }

    /**
     * {@code alias set NAME ALIAS VERSION [--secondary S --weight W] [--expected-revision R]} (each option present
     * when its value is): 3 with an expected revision another change passed.
     */
    static CliCall setAlias(String name, String alias, String version, Optional<String> secondary,
                            Optional<String> weight, Optional<String> revision) {
        Problems problems = new Problems().name(name).alias(alias).version("VERSION", version);
        secondary.ifPresent(text -> problems.version("--secondary", text));
        Optional<Integer> percent = weight.flatMap(CliRules::integer);
        weight.ifPresent(text -> problems.when(percent.isEmpty() || percent.get() < 0 || percent.get() > 99
                || secondary.isEmpty(), "--weight", List.of(text)));
        problems.when(secondary.isPresent() && weight.isEmpty(), "--secondary", List.of());
        Optional<Version> primary = CliRules.version(version);
        problems.when(primary.isPresent() && secondary.flatMap(CliRules::version).equals(primary), "--secondary",
                List.of("secondary"));
        Optional<Long> expected = revision.flatMap(CliRules::longValue);
        revision.ifPresent(text -> problems.when(expected.isEmpty() || expected.get() < 0, "--expected-revision",
                List.of("expectedRevision", text)));
        List<String> arguments = new ArrayList<>(List.of("alias", "set", name, alias, version));
        secondary.ifPresent(text -> arguments.add("--secondary=" + text));
        weight.ifPresent(text -> arguments.add("--weight=" + text));
        revision.ifPresent(text -> arguments.add("--expected-revision=" + text));
        return fixed("alias set", arguments, name, alias, problems, revision.isPresent() ? Set.of(0, 1, 3)
                : OK_OR_NOT_FOUND);
    }

    /** {@code alias get|delete|history NAME ALIAS}: get and history exit 1 for an alias never set. */
    static CliCall aliasCommand(String command, String name, String alias) {
        Problems problems = new Problems().name(name).alias(alias);
        return fixed("alias " + command, List.of("alias", command, name, alias), name, alias, problems,
                command.equals("delete") ? OK : OK_OR_NOT_FOUND);
    }

    /** {@code alias list NAME}. */
    static CliCall listAliases(String name) {
        return simple("alias list", List.of("alias", "list", name), name, null, OK_OR_NOT_FOUND);
    }

    /** {@code resolve NAME ALIAS [--key K] [-o TARGET]}. */
    static CliCall resolve(String name, String alias, Optional<String> key, TargetArg target) {
        Problems problems = new Problems().name(name).alias(alias).when(!target.valid(), "-o", List.of())
                .when(key.filter(k -> CliRules.looksLikeAnOptionOf(List.of("resolve"), k)).isPresent(), "--key",
                        List.of(key.orElse("")));
        return new CliCall("resolve", "resolve " + show(name) + " " + show(alias)
                + key.map(k -> " --key=" + show(k)).orElse("") + " " + target, List.of(name), List.of(alias),
                problems.found(), OK_OR_NOT_FOUND, work -> {
                    List<String> arguments = new ArrayList<>(List.of("resolve", name, alias));
                    key.ifPresent(k -> arguments.add("--key=" + k));
                    arguments.addAll(target.in(work));
                    return arguments;
                }, new byte[0], NOTHING);
    }

    /** {@code purge NAME --keep N --older-than D [--dry-run]}. */
    static CliCall purge(String name, String keep, String olderThan, boolean dryRun) {
        Optional<Integer> count = CliRules.integer(keep);
        Problems problems = new Problems().name(name)
                .when(count.isEmpty() || count.get() < 0, "--keep", List.of(keep))
                .when(CliRules.duration(olderThan).isEmpty(), "--older-than", List.of("duration", olderThan));
        List<String> arguments = new ArrayList<>(List.of("purge", name, "--keep=" + keep, "--older-than=" + olderThan));
        if (dryRun) {
            arguments.add("--dry-run");
        }
        return fixed("purge", arguments, name, null, problems, OK);
    }

    /** {@code purge-artifact NAME}. */
    static CliCall purgeArtifact(String name) {
        return simple("purge-artifact", List.of("purge-artifact", name), name, null, OK);
    }

    private static CliCall simple(String command, List<String> arguments, String name, String alias,
                                  Set<Integer> outcomes) {
        return fixed(command, arguments, name, alias, new Problems().name(name), outcomes);
    }

    private static CliCall fixed(String command, List<String> arguments, String name, String alias,
                                 Problems problems, Set<Integer> outcomes) {
        return new CliCall(command, show(arguments), List.of(name), alias == null ? List.of() : Arrays.asList(alias),
                problems.found(), outcomes, work -> arguments, new byte[0], NOTHING);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The arguments, each quoted and escaped as needed, abbreviated when long. */
    private static String show(List<String> arguments) {
        return String.join(" ", arguments.stream().map(CliCalls::show).toList());
    }

    private static String show(String argument) {
        StringBuilder out = new StringBuilder("'");
        argument.chars().limit(40).forEach(c -> out.append(c < 0x20 || c >= 0x7f && c <= 0x9f
                || Character.isSurrogate((char) c) || c == '\u2028' ? String.format("\\u%04x", c) : (char) c));
        return out.append(argument.length() > 40 ? "'...(" + argument.length() + " chars)" : "'").toString();
    }

    /** The arguments a command must refuse, each with the words its error message may name it by. */
    private static final class Problems {
        private final Map<String, List<String>> found = new LinkedHashMap<>();

        Problems name(String name) {
            return when(!CliRules.artifactName(name), "NAME", positional("name", name));
        }

        Problems alias(String alias) {
            return when(!CliRules.aliasName(alias), "ALIAS", positional("alias", alias));
        }

        /**
         * The words naming a refused positional {@code value}: the rule's argument, the value, and, when it looks
         * like an option, the parser's complaints (the parser then takes it for an unknown option and reports that,
         * or the parameter that is missing because of it).
         */
        private static List<String> positional(String argument, String value) {
            List<String> words = new ArrayList<>(List.of(argument, value));
            if (value.startsWith("-")) {
                words.addAll(List.of("Unknown option", "Missing required parameter", "Unmatched argument"));
            }
            return words;
        }

        Problems version(String option, String text) {
            return when(CliRules.version(text).isEmpty(), option, option.startsWith("-")
                    ? List.of("version", text) : positional("version", text));
        }

        /** When {@code refused}, the argument {@code option}, named by itself or by one of {@code words}. */
        Problems when(boolean refused, String option, List<String> words) {
            if (refused) {
                List<String> names = new ArrayList<>(List.of(option));
                words.stream().filter(word -> !word.isBlank()).forEach(names::add);
                found.merge(option, names, (earlier, later) -> {
                    List<String> all = new ArrayList<>(earlier);
                    all.addAll(later);
                    return all;
                });
            }
            return this;
        }

        Map<String, List<String>> found() {
            return found;
        }
    }
}
