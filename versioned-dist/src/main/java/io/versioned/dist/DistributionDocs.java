package io.versioned.dist;

import io.versioned.cli.CliContext;
import io.versioned.cli.VersionedCli;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes what picocli derives from the {@code versioned} command for the distribution archive, at build time: the
 * completion script (bash; zsh runs it through {@code bashcompinit}, which the script turns on itself) and one man
 * page source per command and subcommand, in AsciiDoc, which the build then renders into troff man pages.
 */
public final class DistributionDocs {

    /** The command's name: the launcher's name and the prefix of every man page. */
    static final String COMMAND = "versioned";

    private DistributionDocs() {
    }

    /**
     * Writes {@code COMPLETION_FILE} and the man page sources into {@code MAN_SOURCE_FOLDER}.
     *
     * @param args the completion script's path and the folder for the man page sources
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DistributionDocs COMPLETION_FILE MAN_SOURCE_FOLDER");
        }
        CommandLine command = VersionedCli.commandLine(CliContext.system());
        Path completion = Path.of(args[0]);
        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, AutoComplete.bash(COMMAND, command), StandardCharsets.UTF_8);
        File manSources = Path.of(args[1]).toFile();
        int status = ManPageGenerator.generateManPage(manSources, null, new boolean[0], true,
                command.getCommandSpec());
        if (status != 0) {
            throw new IOException("picocli's man page generator failed with status " + status);
        }
    }
}
