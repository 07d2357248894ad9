package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.cli.CliHarness.Result;
import io.versioned.embedded.EmbeddedModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code embedded:} folder whose H2 database another program holds without sharing it (an H2 tool started without
 * {@code AUTO_SERVER=TRUE}; processes of this library share it): the command fails after
 * {@link ProviderRepositoryFactory#CONNECTION_TIMEOUT}, not the library's 30 s, with one line saying that the database
 * is busy (not which step of the command waited for it) and that trying again may help, and exit code 4.
 */
class EmbeddedLockTest {

    @TempDir
    Path dir;

    @Test
    void embeddedRepositoriesWaitOnlyBrieflyForTheDatabase() {
        assertThat(new ProviderRepositoryFactory(Map.of()).options().connectionTimeout())
                .contains(ProviderRepositoryFactory.CONNECTION_TIMEOUT);
    }

    @Test
    void aFolderAnotherProgramHoldsWithoutSharingIsATemporaryFailure() throws Exception {
        CliHarness cli = new CliHarness(new ProviderRepositoryFactory(Map.of()));
        String repo = "embedded:" + dir;
        assertThat(cli.run("--repo", repo, "init").exitCode()).isZero();
        Process holder = holdOpenInAnotherProcess(new EmbeddedModule(dir).database().jdbcUrl()
                .replace(";AUTO_SERVER=TRUE", ""));
        try {
            Result result = cli.run("--repo", repo, "names");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).isEqualTo("versioned: error: the database " + dir.resolve("metadata.mv.db")
                    + " is busy: another program has it open without sharing it (an H2 tool started without "
                    + "AUTO_SERVER=TRUE?) (temporary: try again)\n");
        } finally {
            try (OutputStream in = holder.getOutputStream()) {
                in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(cli.run("--repo", repo, "names").exitCode()).isZero();
    }

    /** H2's interactive shell on the database in a child JVM, once it shows its prompt (at most 30 s). */
    private static Process holdOpenInAnotherProcess(String jdbcUrl) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-cp", h2Jar(), "org.h2.tools.Shell", "-url", jdbcUrl,
                "-user", "sa", "-password", "").redirectErrorStream(true).start();
        if (CompletableFuture.supplyAsync(() -> awaitPrompt(process)).completeOnTimeout(false, 30, TimeUnit.SECONDS)
                .get()) {
            return process;
        }
        process.destroyForcibly();
        throw new IllegalStateException("the H2 shell did not open the database");
    }

    private static boolean awaitPrompt(Process process) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            int c;
            while ((c = out.read()) >= 0) {
                seen.append((char) c);
                if (seen.indexOf("sql>") >= 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String h2Jar() throws URISyntaxException {
        return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
