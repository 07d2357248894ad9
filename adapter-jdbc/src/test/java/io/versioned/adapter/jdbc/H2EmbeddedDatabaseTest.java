package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database as another process sees it. */
class H2EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void aDatabaseOpenInAnotherProcessIsARetryableBackendException() throws Exception {
        JdbcConfig embedded = JdbcConfig.embeddedH2(directory);
        JdbcConfig config = JdbcConfig.builder().jdbcUrl(embedded.jdbcUrl()).user(embedded.user())
                .connectionTimeout(Duration.ofSeconds(1)).build();
        Process holder = holdOpenInAnotherProcess(config);
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
            assertThatThrownBy(port::bootstrap)
                    .isInstanceOf(BackendException.class)
                    .hasMessage("the database " + directory.resolve("metadata.mv.db") + " is busy: another process "
                            + "has it open (an H2 file is opened by one process at a time)")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue());
        } finally {
            try (OutputStream in = holder.getOutputStream()) {
                in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }

        // the holder is gone; a busy machine may take longer than a second to open the file again
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config.withConnectionTimeout(Duration.ofSeconds(30)))) {
            port.bootstrap();
            port.registerArtifactName("doc");
            assertThat(port.listArtifactNames()).containsExactly("doc");
        }
    }

    @Test
    void aCorruptedDatabaseFileIsSaidToBeCorruptedAndNotRetryable() throws Exception {
        JdbcConfig embedded = JdbcConfig.embeddedH2(directory);
        JdbcConfig config = JdbcConfig.builder().jdbcUrl(embedded.jdbcUrl()).user(embedded.user())
                .connectionTimeout(Duration.ofSeconds(1)).build();
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
            port.bootstrap();
            for (int i = 0; i < 50; i++) {
                port.registerArtifactName("doc" + i);
            }
        }
        Path file = directory.resolve("metadata.mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(12_288); // the two file headers and a little of the first chunk
        }

        try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
            assertThatThrownBy(port::listArtifactNames)
                    .isInstanceOf(BackendException.class)
                    .hasMessage("the database " + file + " is corrupted: restore it from a backup; this is not "
                            + "temporary")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
        }
    }

    /**
     * Starts H2's interactive shell on the database in a child JVM and waits (at most 30 s) until it has opened it
     * and shows its prompt.
     */
    private static Process holdOpenInAnotherProcess(JdbcConfig config) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-cp", h2Jar(), "org.h2.tools.Shell",
                "-url", config.jdbcUrl(), "-user", config.user(), "-password", config.password())
                .redirectErrorStream(true).start();
        CompletableFuture<Boolean> prompted = CompletableFuture.supplyAsync(() -> awaitPrompt(process));
        try {
            if (prompted.get(30, TimeUnit.SECONDS)) {
                return process;
            }
        } catch (TimeoutException e) {
            process.destroyForcibly();
        }
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
