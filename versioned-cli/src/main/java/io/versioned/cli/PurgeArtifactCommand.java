package io.versioned.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code versioned purge-artifact NAME}: removes everything of one artifact. */
@Command(name = "purge-artifact", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Permanently remove an artifact: every version, its bytes, its aliases and their history.",
            "An artifact that does not exist is reported and left alone (exit code 0)."})
final class PurgeArtifactCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Override
    int run(VersionedCommand root) {
        boolean exists = artifactExists(name);
        if (exists) {
            repository().purgeArtifact(name);
        }
        output().print(() -> JsonShapes.of("name", name, "purged", exists), output -> output.line(exists
                ? "Purged artifact " + name
                : "Artifact " + name + " does not exist; nothing changed."));
        return ExitCodes.OK;
    }
}
