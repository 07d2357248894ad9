package io.versioned.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code versioned delete NAME --version V}: soft-deletes a version. */
@Command(name = "delete", versionProvider = VersionInfo.class,
        description = {"Soft-delete a version: it is hidden and cannot be aliased, but its bytes stay until a purge.",
            "A version an alias points at cannot be deleted (exit code 3). Undo with: versioned restore."})
final class DeleteCommand extends Subcommand {

    @Mixin
    RequiredVersionArguments selection;

    @Override
    int run(VersionedCommand root) {
        repository().deleteArtifactVersion(selection.name, selection.version);
        output().print(() -> JsonShapes.of("name", selection.name, "version", selection.version.toString(),
                "deleted", true), output -> output.line("Deleted version " + selection.version + " of " + selection.name
                + " (undo with: versioned restore " + selection.name + " --version " + selection.version + ")"));
        return ExitCodes.OK;
    }
}
