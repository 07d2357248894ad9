package io.versioned.cli;

import io.versioned.api.Artifact;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code versioned versions NAME}: the live versions of an artifact. */
@Command(name = "versions", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"List the live versions of an artifact, LATEST first, then newest first, with the aliases",
            "pointing at each. An artifact that does not exist is an error (exit code 1)."})
final class VersionsCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Override
    int run(VersionedCommand root) {
        List<Artifact> versions = repository().listArtifactVersions(name);
        if (versions.isEmpty()) {
            requireArtifact(name);
        }
        output().print(() -> JsonShapes.of("name", name, "versions", JsonShapes.artifacts(versions)), output -> {
            if (versions.isEmpty()) {
                output.line("No live versions of " + name + ".");
            } else {
                output.table(Describe.versionTable(versions, repository().listAliases(name), output));
            }
        });
        return ExitCodes.OK;
    }
}
