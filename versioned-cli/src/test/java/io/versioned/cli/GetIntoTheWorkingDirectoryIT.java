package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get NAME} without {@code -o} writes a file named after the artifact in the working directory (so it runs
 * the real command in a child process): a new file, never one that exists unless {@code --force} or {@code -o}
 * names it.
 */
class GetIntoTheWorkingDirectoryIT {

    @TempDir
    Path directory;

    @TempDir
    Path bin;

    @Test
    void refusesToReplaceAnExistingFileWithoutForce() throws Exception {
        JarCli cli = new JarCli(directory, bin);
        Files.writeString(directory.resolve("input.csv"), "published bytes");
        assertThat(cli.shell("versioned put db input.csv && versioned publish db").exitCode()).isZero();

        JarCli.Run first = cli.shell("versioned get db");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(directory.resolve("db")).hasContent("published bytes");

        Files.writeString(directory.resolve("db"), "edited locally");
        JarCli.Run refused = cli.shell("versioned get db");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).isEqualTo("versioned: error: NAME: the file 'db' exists and get does not replace "
                + "it without --force; give --force, or -o db to name it\n");
        assertThat(directory.resolve("db")).hasContent("edited locally");

        JarCli.Run named = cli.shell("versioned get db -o db");
        assertThat(named.exitCode()).as(named.toString()).isZero();
        assertThat(directory.resolve("db")).hasContent("published bytes");

        Files.writeString(directory.resolve("db"), "edited again");
        JarCli.Run forced = cli.shell("versioned get db --force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(directory.resolve("db")).hasContent("published bytes");
    }
}
