package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.cli.JarCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code versioned serve}'s bad input through the shaded jar ({@link JarCli}): exit 2 naming the option and the
 * rule, before the repository is opened or a port is bound; tokens never appear in a message.
 */
class ServeOptionsIT {

    private static final String SECRET = "s3cret-but-too-short";

    @TempDir
    Path dir;
    @TempDir
    Path bin;

    @Test
    void badTokensAndOptionsAreBadUsage() throws Exception {
        JarCli cli = new JarCli(dir, bin);
        assertThat(cli.shell("versioned init").exitCode()).isZero();

        Run noTokens = cli.shell("versioned serve --port 0");
        assertThat(noTokens.exitCode()).as(noTokens.toString()).isEqualTo(2);
        assertThat(noTokens.err()).contains("--tokens").contains("VERSIONED_TOKENS");

        Files.writeString(dir.resolve("short.txt"), "# comment\nadmin " + SECRET.substring(0, 10) + "\n");
        Run shortToken = cli.shell("versioned serve --port 0 --tokens short.txt");
        assertThat(shortToken.exitCode()).as(shortToken.toString()).isEqualTo(2);
        assertThat(shortToken.err()).contains("line 2").contains("at least 16 characters")
                .doesNotContain(SECRET.substring(0, 10));

        Files.writeString(dir.resolve("scope.txt"), "root " + SECRET + "-padding\n");
        Run badScope = cli.shell("versioned serve --port 0 --tokens scope.txt");
        assertThat(badScope.exitCode()).as(badScope.toString()).isEqualTo(2);
        assertThat(badScope.err()).contains("scope must be read or admin").doesNotContain(SECRET);

        Run badPort = cli.shell("VERSIONED_TOKENS='admin " + SECRET + "-padding' versioned serve --port 70000");
        assertThat(badPort.exitCode()).as(badPort.toString()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port").contains("0 to 65535");

        Run noRepository = cli.shell("VERSIONED_TOKENS='admin " + SECRET + "-padding' "
                + "versioned --repo embedded:./missing serve --port 0");
        assertThat(noRepository.exitCode()).as(noRepository.toString()).isEqualTo(4);
        assertThat(dir.resolve("missing")).doesNotExist();
    }
}
