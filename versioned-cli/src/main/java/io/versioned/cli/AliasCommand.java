package io.versioned.cli;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code versioned alias ...}: named pointers to versions, with canary weights and history. */
@Command(name = "alias", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = "Manage aliases: named pointers (production, staging) to a version, optionally sending a "
                + "percentage of traffic to a second version (canary).",
        subcommands = {AliasCommand.SetAlias.class, AliasCommand.GetAlias.class, AliasCommand.ListAliases.class,
            AliasCommand.DeleteAlias.class, AliasCommand.AliasHistory.class})
final class AliasCommand {

    /** {@code alias set NAME ALIAS VERSION [--secondary V --weight W] [--expected-revision R]}. */
    @Command(name = "set", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = {"Point an alias at a version (LATEST or a number), optionally with a canary.",
                "Example: versioned alias set db production 2 --secondary 3 --weight 10"})
    static final class SetAlias extends Subcommand {

        @Mixin
        AliasArguments subject;

        @Parameters(index = "2", paramLabel = "VERSION", description = "The primary version: LATEST or a number.")
        Version version;

        @Option(names = "--secondary", paramLabel = "V", description = "The canary version that receives --weight percent.")
        Version secondary;

        @Option(names = "--weight", paramLabel = "W", description = "Percent of traffic (0 to 99) for --secondary.")
        Integer weight;

        @Option(names = "--expected-revision", paramLabel = "R",
                description = "Change the alias only if it is still at this revision (0: only if it does not exist).")
        Long expectedRevision;

        @Override
        int run(VersionedCommand root) {
            if (weight != null && secondary == null) {
                throw new IllegalArgumentException("--weight: needs --secondary");
            }
            if (secondary != null && weight == null) {
                throw new IllegalArgumentException("--secondary: needs --weight (0 to 99)");
            }
            if (weight != null && (weight < 0 || weight > 99)) {
                throw new IllegalArgumentException("--weight: must be from 0 to 99, got " + weight);
            }
            int percent = weight == null ? 0 : weight;
            Alias result = expectedRevision == null
                    ? repository().putAlias(subject.name, subject.alias, version, secondary, percent)
                    : repository().putAlias(subject.name, subject.alias, target(percent), expectedRevision);
            output().print(() -> JsonShapes.alias(result), output -> output.line("Alias " + Describe.alias(result)));
            return ExitCodes.OK;
        }

        private AliasTarget target(int percent) {
            return new AliasTarget(version, Optional.ofNullable(secondary), percent);
        }
    }

    /** {@code alias get NAME ALIAS}. */
    @Command(name = "get", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "Show where an alias points.")
    static final class GetAlias extends Subcommand {

        @Mixin
        AliasArguments subject;

        @Override
        int run(VersionedCommand root) {
            Alias result = repository().getAlias(subject.name, subject.alias);
            output().print(() -> JsonShapes.alias(result),
                    output -> output.table(Describe.aliasTable(List.of(result), output)));
            return ExitCodes.OK;
        }
    }

    /** {@code alias list NAME}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = {"List the aliases of an artifact.",
                "An artifact that does not exist is an error (exit code 1)."})
    static final class ListAliases extends Subcommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
        String name;

        @Override
        int run(VersionedCommand root) {
            List<Alias> aliases = repository().listAliases(name);
            if (aliases.isEmpty()) {
                requireArtifact(name);
            }
            output().print(() -> JsonShapes.of("name", name,
                    "aliases", aliases.stream().map(JsonShapes::alias).toList()), output -> {
                if (aliases.isEmpty()) {
                    output.line("No aliases for " + name + ". Create one with: versioned alias set " + name
                            + " ALIAS VERSION");
                } else {
                    output.table(Describe.aliasTable(aliases, output));
                }
            });
            return ExitCodes.OK;
        }
    }

    /** {@code alias delete NAME ALIAS}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = "Delete an alias; a missing alias is reported and left alone (exit code 0).")
    static final class DeleteAlias extends Subcommand {

        @Mixin
        AliasArguments subject;

        @Override
        int run(VersionedCommand root) {
            boolean exists = exists();
            if (exists) {
                repository().deleteAlias(subject.name, subject.alias);
            }
            output().print(() -> JsonShapes.of("name", subject.name, "alias", subject.alias, "deleted", exists),
                    output -> output.line(exists
                            ? "Deleted alias " + subject.alias + " of " + subject.name
                            : "Alias " + subject.alias + " of " + subject.name + " does not exist; nothing changed."));
            return ExitCodes.OK;
        }

        private boolean exists() {
            try {
                repository().getAlias(subject.name, subject.alias);
                return true;
            } catch (AliasNotFoundException e) {
                return false;
            }
        }
    }

    /** {@code alias history NAME ALIAS}. */
    @Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            description = {"Show every change of an alias, newest first (also of a deleted alias).",
                "An alias that was never set is an error (exit code 1)."})
    static final class AliasHistory extends Subcommand {

        @Mixin
        AliasArguments subject;

        @Override
        int run(VersionedCommand root) {
            List<AliasChange> changes = repository().getAliasHistory(subject.name, subject.alias);
            if (changes.isEmpty()) {
                throw new AliasNotFoundException("alias " + subject.alias + " of " + subject.name
                        + " was never set");
            }
            output().print(() -> JsonShapes.of("name", subject.name, "alias", subject.alias,
                    "history", changes.stream().map(JsonShapes::change).toList()),
                    output -> output.table(historyTable(changes, output)));
            return ExitCodes.OK;
        }
    }

    /** The history table: revision, time, previous target, new target. */
    static Table historyTable(List<AliasChange> changes, Output output) {
        Table table = new Table("REVISION", "WHEN", "FROM", "TO").alignRight(0);
        for (AliasChange change : changes) {
            table.row(Long.toString(change.revision()), output.ago(change.time()),
                    change.previous().map(AliasTarget::toString).orElse("(created)"),
                    change.current().map(AliasTarget::toString).orElse("(deleted)"));
        }
        return table;
    }
}
