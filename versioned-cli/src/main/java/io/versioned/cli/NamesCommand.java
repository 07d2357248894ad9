package io.versioned.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code versioned names}: the artifacts of the repository. */
@Command(name = "names", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "List the names of the artifacts in the repository, sorted; one per line.")
final class NamesCommand extends Subcommand {

    @Override
    int run(VersionedCommand root) {
        List<String> names = repository().listArtifactNames();
        output().print(() -> JsonShapes.of("names", names), output -> {
            if (names.isEmpty()) {
                output.line("No artifacts yet. Store one with: versioned put NAME FILE");
            } else {
                names.forEach(output::line);
            }
        });
        return ExitCodes.OK;
    }
}
