package io.versioned.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code versioned purge-all --yes}: removes everything of the repository. */
@Command(name = "purge-all", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Permanently remove every artifact of the repository (nothing of other repositories sharing "
                + "the bucket or table). Needs --yes.")
final class PurgeAllCommand extends Subcommand {

    @Option(names = "--yes", description = "Confirm that everything in the repository may be removed.")
    boolean yes;

    @Override
    int run(VersionedCommand root) {
        if (!yes) {
            throw new IllegalArgumentException("purge-all removes every artifact of " + root.repositoryUri()
                    + "; add --yes to confirm");
        }
        repository().purgeAll();
        output().print(() -> JsonShapes.of("repository", root.repositoryUri().toString(), "purged", true),
                output -> output.line("Purged every artifact of " + root.repositoryUri()));
        return ExitCodes.OK;
    }
}
