package io.versioned.cli;

import io.versioned.api.Artifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code versioned publish NAME}: copies LATEST into the next immutable version. */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Publish the LATEST of an artifact as the next immutable version number.",
            "If LATEST equals the newest version, that version is returned and nothing is created."})
final class PublishCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Override
    int run(VersionedCommand root) {
        Artifact artifact = repository().publishArtifactVersion(name);
        output().print(() -> JsonShapes.artifact(artifact),
                output -> output.line("Published " + Describe.artifact(artifact)));
        return ExitCodes.OK;
    }
}
