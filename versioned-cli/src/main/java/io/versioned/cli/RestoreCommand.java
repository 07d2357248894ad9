package io.versioned.cli;

import io.versioned.api.Artifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code versioned restore NAME --version V}: undoes a soft delete. */
@Command(name = "restore", versionProvider = VersionInfo.class,
        description = "Undo the soft delete of a version; a live version is left as it is.")
final class RestoreCommand extends Subcommand {

    @Mixin
    RequiredVersionArguments selection;

    @Override
    int run(VersionedCommand root) {
        Artifact artifact = repository().restoreArtifactVersion(selection.name, selection.version);
        output().print(() -> JsonShapes.artifact(artifact),
                output -> output.line("Restored " + Describe.artifact(artifact)));
        return ExitCodes.OK;
    }
}
