package io.versioned.cli;

import io.versioned.api.Artifact;
import io.versioned.api.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code versioned restore NAME --version V}: undoes a soft delete. */
@Command(name = "restore", versionProvider = VersionInfo.class,
        description = "Undo the soft delete of a version; a live version is left as it is.")
final class RestoreCommand extends Subcommand {

    @Mixin
    VersionedHelpOptions help;

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Option(names = "--version", paramLabel = "V", required = true, description = "LATEST or a version number.")
    Version version;

    @Override
    int run(VersionedCommand root) {
        Artifact artifact = repository().restoreArtifactVersion(name, version);
        Output output = output();
        if (output.json()) {
            output.printJson(JsonShapes.artifact(artifact));
        } else {
            output.line("Restored " + Describe.artifact(artifact));
        }
        return ExitCodes.OK;
    }
}
