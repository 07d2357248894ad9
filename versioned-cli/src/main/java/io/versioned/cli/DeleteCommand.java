package io.versioned.cli;

import io.versioned.api.ArtifactNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code versioned delete NAME --version V}: soft-deletes a version. */
@Command(name = "delete", versionProvider = VersionInfo.class,
        description = {"Soft-delete a version: it is hidden and cannot be aliased, but its bytes stay until a purge.",
            "A version an alias points at cannot be deleted (exit code 3). Undo with: versioned restore.",
            "A version that does not exist or is already deleted is reported and left alone (exit code 0)."})
final class DeleteCommand extends Subcommand {

    @Mixin
    RequiredVersionArguments selection;

    @Override
    int run(VersionedCommand root) {
        boolean live = isLive();
        if (live) {
            repository().deleteArtifactVersion(selection.name, selection.version);
        }
        output().print(() -> JsonShapes.of("name", selection.name, "version", selection.version.toString(),
                "deleted", live), output -> output.line(live
                ? "Deleted version " + selection.version + " of " + selection.name + " (undo with: versioned restore "
                        + selection.name + " --version " + selection.version + ")"
                : "Version " + selection.version + " of " + selection.name
                        + " does not exist or is already deleted; nothing changed."));
        return ExitCodes.OK;
    }

    private boolean isLive() {
        try {
            repository().getArtifactVersion(selection.name, selection.version);
            return true;
        } catch (ArtifactNotFoundException e) {
            return false;
        }
    }
}
