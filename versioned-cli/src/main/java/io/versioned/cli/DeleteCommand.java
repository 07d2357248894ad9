package io.versioned.cli;

import io.versioned.api.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code versioned delete NAME --version V}: soft-deletes a version. */
@Command(name = "delete", versionProvider = VersionInfo.class,
        description = {"Soft-delete a version: it is hidden and cannot be aliased, but its bytes stay until a purge.",
            "A version an alias points at cannot be deleted (exit code 3). Undo with: versioned restore."})
final class DeleteCommand extends Subcommand {

    @Mixin
    VersionedHelpOptions help;

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Option(names = "--version", paramLabel = "V", required = true, description = "LATEST or a version number.")
    Version version;

    @Override
    int run(VersionedCommand root) {
        repository().deleteArtifactVersion(name, version);
        Output output = output();
        if (output.json()) {
            output.printJson(JsonShapes.of("name", name, "version", version.toString(), "deleted", true));
        } else {
            output.line("Deleted version " + version + " of " + name + " (undo with: versioned restore " + name
                    + " --version " + version + ")");
        }
        return ExitCodes.OK;
    }
}
