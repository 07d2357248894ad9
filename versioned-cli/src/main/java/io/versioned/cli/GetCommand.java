package io.versioned.cli;

import io.versioned.api.Artifact;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code versioned get NAME [--version V] [-o FILE|-]}: downloads a version's bytes. */
@Command(name = "get", versionProvider = VersionInfo.class,
        description = {"Download the bytes of a version, verified against their SHA-256.",
            "Writes to a file named after the artifact unless -o says otherwise; -o - writes to standard output."})
final class GetCommand extends Subcommand {

    @Mixin
    VersionOrLatestArguments selection;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write: a file, or - for standard output.")
    String target;

    @Override
    int run(VersionedCommand root) {
        if (Downloads.STDOUT.equals(target)) {
            Downloads.toStdout(root, selection.name, selection.version);
            return ExitCodes.OK;
        }
        Path path = Downloads.target(target == null ? selection.name : target);
        Artifact artifact = Downloads.toFile(root, selection.name, selection.version, path);
        output().print(() -> {
            var json = JsonShapes.artifact(artifact);
            json.put("path", path.toAbsolutePath().toString());
            return json;
        }, output -> output.line("Downloaded " + Describe.artifact(artifact) + " to " + path + " (sha256 verified)"));
        return ExitCodes.OK;
    }
}
