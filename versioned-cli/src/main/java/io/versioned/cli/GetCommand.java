package io.versioned.cli;

import io.versioned.api.Artifact;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code versioned get NAME [--version V] [-o FILE|-]}: downloads a version's bytes. */
@Command(name = "get", versionProvider = VersionInfo.class,
        description = {"Download the bytes of a version, verified against their SHA-256.",
            "Writes to a new file named after the artifact (an existing one only with --force) unless -o says "
                    + "otherwise; -o - writes to standard output.",
            "A regular file is replaced once the bytes are verified; a device or FIFO is written into; a symbolic "
                    + "link is followed."})
final class GetCommand extends Subcommand {

    @Mixin
    VersionOrLatestArguments selection;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write: a file, or - for standard output.")
    String target;

    @Option(names = "--force", description = "Without -o: replace the file named after the artifact if it exists.")
    boolean force;

    @Override
    int run(VersionedCommand root) {
        if (Downloads.STDOUT.equals(target)) {
            Downloads.toStdout(root, selection.name, selection.version);
            return ExitCodes.OK;
        }
        Path path = target == null ? defaultTarget() : Downloads.target("-o", target);
        Artifact artifact = Downloads.toFile(root, selection.name, selection.version, path);
        output().print(() -> {
            var json = JsonShapes.artifact(artifact);
            json.put("path", path.toAbsolutePath().toString());
            return json;
        }, output -> output.line("Downloaded " + Describe.artifact(artifact) + " to " + path + " (sha256 verified)"));
        return ExitCodes.OK;
    }

    /** The file named after the artifact in the working directory; an existing one only with {@code --force}. */
    private Path defaultTarget() {
        if (!force && Files.exists(Path.of(selection.name), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("NAME: the file '" + selection.name + "' exists and get does not "
                    + "replace it without --force; give --force, or -o " + selection.name + " to name it");
        }
        return Downloads.target("NAME", selection.name);
    }
}
