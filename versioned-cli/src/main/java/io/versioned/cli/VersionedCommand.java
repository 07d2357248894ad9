package io.versioned.cli;

import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.core.Maintenance;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryUris;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command, {@code versioned}: holds the global options (inherited by every subcommand) and opens the
 * repository they name, once per execution, on first use.
 */
@Command(name = "versioned", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Versioned binary artifacts: a mutable LATEST, immutable numbered versions, and aliases "
                + "that can split traffic between two versions (canary) and roll back instantly.", ""},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"Repositories (--repo URI or $" + CliContext.REPO_VARIABLE + "):",
            "  embedded:DIR            H2 database and blob folder under DIR (default: " + CliContext.DEFAULT_REPOSITORY + ")",
            "  memory:                 in this process's memory; empty at every start",
            "  jdbc:postgresql://HOST[:PORT]/DB[?PARAMS]&blobs=DIR",
            "                          PostgreSQL metadata, blobs in the folder DIR",
            "  s3+dynamodb://BUCKET[/PREFIX]?table=TABLE[&region=R][&endpoint=URL][&dynamodb-endpoint=URL]",
            "                          S3 blobs, DynamoDB metadata (run versioned init once);",
            "                          &python=false: no Python process reads it (no LATEST copy)",
            "  s3://BUCKET[/PREFIX][?region=R][&endpoint=URL]",
            "                          S3 blobs and metadata, no database (run versioned init once)",
            "",
            "Exit codes: 0 ok, 1 not found, 2 bad usage or input, 3 conflict, 4 storage or integrity failure.",
                "Try `versioned demo` for a guided tour on a temporary repository."},
        subcommands = {
            InitCommand.class, PutCommand.class, PublishCommand.class, GetCommand.class, ShowCommand.class,
            VersionsCommand.class, NamesCommand.class, DeleteCommand.class, RestoreCommand.class,
            AliasCommand.class, ResolveCommand.class, PurgeCommand.class, PurgeArtifactCommand.class,
            PurgeAllCommand.class, FsckCommand.class, GcCommand.class, SyncCommand.class, ServeCommand.class, DemoCommand.class,
            HelpCommand.class
        })
public final class VersionedCommand {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--repo", paramLabel = "URI", scope = ScopeType.INHERIT,
            description = {"Where the artifacts live: embedded:DIR, memory:,",
                "jdbc:postgresql://..., s3+dynamodb://... or s3://...",
                "(details: Repositories in 'versioned help').",
                "Default: $" + CliContext.REPO_VARIABLE + ", else " + CliContext.DEFAULT_REPOSITORY + "."})
    private String repo;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result as one JSON document, for scripts.")
    private boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean verbose;

    private Backend backend;

    /** @param context what the CLI takes from its surroundings */
    public VersionedCommand(CliContext context) {
        this.context = context;
    }

    /** True when {@code --verbose} was given. */
    boolean verbose() {
        return verbose;
    }

    CliContext context() {
        return context;
    }

    /** The repository location (parsed by the provider of its scheme) chosen by {@code --repo}, {@code VERSIONED_REPO} or the default. */
    RepositoryLocation repositoryUri() {
        try {
            return Versioned.location(context.repositoryText(repo));
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException("--repo: " + (message.startsWith(RepositoryUris.ERROR_PREFIX)
                    ? message.substring(RepositoryUris.ERROR_PREFIX.length()) : message), e);
        }
    }

    /** The repository named by the options, opened on first use. */
    Repository repository() {
        return backend().repository();
    }

    /** Upkeep of the repository named by the options, opened on first use. */
    Maintenance maintenance() {
        return backend().maintenance();
    }

    /** Where results go. */
    Output output() {
        return new Output(spec.commandLine().getOut(), json, context.clock());
    }

    /** Where progress and warnings go. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Releases the repository if a command opened it. */
    void close() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    private Backend backend() {
        if (backend == null) {
            RepositoryLocation location = repositoryUri();
            refuseUnusable(location, runningCommand() instanceof Subcommand command && command.createsRepository());
            backend = context.repositories().open(location);
        }
        return backend;
    }

    /** The user object of the (sub)command being run: the last one on the command line. */
    private Object runningCommand() {
        List<CommandLine> commands = spec.commandLine().getParseResult().asCommandLineList();
        return commands.get(commands.size() - 1).getCommandSpec().userObject();
    }

    /**
     * Refuses a location that can never hold a repository, such as a file where a folder is needed (exit code 2), and,
     * for a command that does not create a repository, a location without one (exit code 4): a mistyped
     * {@code --repo} must not leave an empty repository behind, nor read as one.
     */
    private static void refuseUnusable(RepositoryLocation location, boolean creates) {
        boolean exists;
        try {
            exists = location.exists();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--repo: " + e.getMessage(), e);
        }
        if (!exists && !creates) {
            throw new BackendException("no repository at " + location + ": check --repo or $"
                    + CliContext.REPO_VARIABLE + "; 'versioned init' or a put creates one", null, false);
        }
    }
}
