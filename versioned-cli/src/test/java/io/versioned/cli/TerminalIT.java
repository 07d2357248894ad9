package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command with standard error on a terminal ({@code script} gives it a pseudo-terminal) and standard
 * input from a pipe: {@code put -} shows the bytes read and the rate.
 */
class TerminalIT {

    @TempDir
    Path directory;

    @TempDir
    Path bin;

    @Test
    void putFromAPipeShowsProgressWhenStandardErrorIsATerminal() throws Exception {
        JarCli cli = new JarCli(directory, bin);

        JarCli.Run run = cli.shell("script -qec \"seq 1 3000000 | versioned put db -\" /dev/null");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\rput db  ", "MiB/s", "Stored db LATEST: ");
    }
}
