package io.versioned.cli;

import io.versioned.api.Artifact;
import io.versioned.api.Version;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code versioned get NAME [--version V] [-o FILE|-]}: downloads a version's bytes. */
@Command(name = "get", versionProvider = VersionInfo.class,
        description = {"Download the bytes of a version, verified against their SHA-256.",
            "Writes to a file named after the artifact unless -o says otherwise; -o - writes to standard output."})
final class GetCommand extends Subcommand {

    @Mixin
    VersionedHelpOptions help;

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Option(names = "--version", paramLabel = "V", defaultValue = "LATEST",
            description = "LATEST or a version number (default: ${DEFAULT-VALUE}).")
    Version version;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write: a file, or - for standard output.")
    String target;

    @Override
    int run(VersionedCommand root) {
        if (Downloads.STDOUT.equals(target)) {
            Downloads.toStdout(root, name, version);
            return ExitCodes.OK;
        }
        Path path = Path.of(target == null ? name : target);
        Artifact artifact = Downloads.toFile(root, name, version, path);
        Output output = output();
        if (output.json()) {
            var json = JsonShapes.artifact(artifact);
            json.put("path", path.toAbsolutePath().toString());
            output.printJson(json);
        } else {
            output.line("Downloaded " + Describe.artifact(artifact) + " to " + path + " (sha256 verified)");
        }
        return ExitCodes.OK;
    }
}
