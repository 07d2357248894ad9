package io.versioned.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code versioned purge-artifact NAME}: removes everything of one artifact. */
@Command(name = "purge-artifact", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Permanently remove an artifact: every version, its bytes, its aliases and their history.")
final class PurgeArtifactCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Override
    int run(VersionedCommand root) {
        repository().purgeArtifact(name);
        output().print(() -> JsonShapes.of("name", name, "purged", true),
                output -> output.line("Purged artifact " + name));
        return ExitCodes.OK;
    }
}
