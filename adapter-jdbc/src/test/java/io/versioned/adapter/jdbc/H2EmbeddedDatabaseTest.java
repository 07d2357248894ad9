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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database as other processes see it. */
class H2EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void processesShareTheDatabaseAndEachSeesTheWritesOfTheOther() throws Exception {
        JdbcConfig config = JdbcConfig.embeddedH2(directory);
        Shell holder = Shell.open(config.jdbcUrl(), config);
        try {
            try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
                port.bootstrap();
                port.registerArtifactName("written-here");
                assertThat(holder.query("SELECT name FROM versioned_artifact_names;", "written-here"))
                        .as("the other process reads what this one wrote while it holds the file").isTrue();
                holder.query("INSERT INTO versioned_artifact_names (name) VALUES ('written-there');", "Update count");
                assertThat(port.listArtifactNames()).containsExactly("written-here", "written-there");
            }
        } finally {
            holder.quit();
        }
    }

    @Test
    void aDatabaseAnotherProgramOpenedWithoutSharingIsARetryableBackendException() throws Exception {
        JdbcConfig embedded = JdbcConfig.embeddedH2(directory);
        JdbcConfig config = JdbcConfig.builder().jdbcUrl(embedded.jdbcUrl()).user(embedded.user())
                .connectionTimeout(Duration.ofSeconds(1)).build();
        Shell holder = Shell.open(embedded.jdbcUrl().replace(";AUTO_SERVER=TRUE", ""), config);
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
            assertThatThrownBy(port::bootstrap)
                    .isInstanceOf(BackendException.class)
                    .hasMessage("the database " + directory.resolve("metadata.mv.db") + " is busy: another program "
                            + "has it open without sharing it (an H2 tool started without AUTO_SERVER=TRUE?)")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue());
        } finally {
            holder.quit();
        }

        // the holder is gone; a busy machine may take longer than a second to open the file again
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config.withConnectionTimeout(Duration.ofSeconds(30)))) {
            port.bootstrap();
            port.registerArtifactName("doc");
            assertThat(port.listArtifactNames()).containsExactly("doc");
        }
    }

    /** H2's interactive shell on the database in a child JVM: another process holding the database open. */
    private record Shell(Process process, BufferedReader out, OutputStream in) {

        /** Starts the shell on {@code jdbcUrl} and waits (at most 30 s) until it has opened it and shows its prompt. */
        static Shell open(String jdbcUrl, JdbcConfig config) throws Exception {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process process = new ProcessBuilder(java, "-cp", h2Jar(), "org.h2.tools.Shell",
                    "-url", jdbcUrl, "-user", config.user(), "-password", config.password())
                    .redirectErrorStream(true).start();
            Shell shell = new Shell(process, new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), process.getOutputStream());
            if (shell.awaitOutput("sql>")) {
                return shell;
            }
            process.destroyForcibly();
            throw new IllegalStateException("the H2 shell did not open the database");
        }

        /** Runs a statement; true when {@code expected} appears in the output before the next prompt (30 s at most). */
        boolean query(String statement, String expected) throws Exception {
            in.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            return awaitOutput(expected) && awaitOutput("sql>");
        }

        private boolean awaitOutput(String expected) throws Exception {
            CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
                StringBuilder text = new StringBuilder();
                try {
                    for (int c = out.read(); c >= 0; c = out.read()) {
                        text.append((char) c);
                        if (text.indexOf(expected) >= 0) {
                            return true;
                        }
                    }
                    return false;
                } catch (IOException e) {
                    return false;
                }
            });
            try {
                return seen.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                return false;
            }
        }

        void quit() throws Exception {
            try (in) {
                in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aCorruptedDatabaseFileIsSaidToBeCorruptedAndNotRetryable() throws Exception {
        JdbcConfig embedded = JdbcConfig.embeddedH2(directory);
        JdbcConfig config = JdbcConfig.builder().jdbcUrl(embedded.jdbcUrl()).user(embedded.user())
                .connectionTimeout(Duration.ofSeconds(1)).build();
        Path file = directory.resolve("metadata.mv.db");
        java.nio.ByteBuffer headers = writeFiftyNamesAndCorrupt(embedded);

        try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
            for (int call = 1; call <= 3; call++) {
                assertThatThrownBy(port::listArtifactNames).as("listArtifactNames(), call %d", call)
                        .isInstanceOf(BackendException.class)
                        .hasMessage("the database " + file + " is corrupted: restore it from a backup; this is not "
                                + "temporary")
                        .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(headers.flip(), 0);
            }
            assertThatThrownBy(port::listArtifactNames)
                    .as("listArtifactNames() of the port that found the file corrupted, after the file was restored: "
                            + "the pool does not open a file it found corrupted again")
                    .hasMessageContaining("is corrupted");
        }
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
            assertThat(port.listArtifactNames()).as("listArtifactNames() of a new port on the restored file")
                    .hasSize(50);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void bootstrapSaysAFileIsCorruptedWithoutWaitingForThePoolsTimeOut() throws Exception {
        JdbcConfig embedded = JdbcConfig.embeddedH2(directory);
        JdbcConfig patient = JdbcConfig.builder().jdbcUrl(embedded.jdbcUrl()).user(embedded.user())
                .connectionTimeout(Duration.ofMinutes(10)).build();
        writeFiftyNamesAndCorrupt(embedded);

        try (JdbcMetadataPort port = JdbcMetadataPort.open(patient)) {
            assertThatThrownBy(port::bootstrap).as("bootstrap() with a pool that would wait 10 minutes")
                    .isInstanceOf(BackendException.class)
                    .hasMessage("the database " + directory.resolve("metadata.mv.db") + " is corrupted: restore it "
                            + "from a backup; this is not temporary")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
        }
    }

    /**
     * Writes 50 artifact names to the database of {@code config}, then overwrites both file headers, so that H2
     * finds no valid header (a truncation alone may leave an older chunk, which H2 opens as an older state without
     * a word); the headers as they were, to restore the file.
     */
    private java.nio.ByteBuffer writeFiftyNamesAndCorrupt(JdbcConfig config) throws IOException {
        try (JdbcMetadataPort port = JdbcMetadataPort.open(config)) {
            port.bootstrap();
            for (int i = 0; i < 50; i++) {
                port.registerArtifactName("doc" + i);
            }
        }
        java.nio.ByteBuffer headers = java.nio.ByteBuffer.allocate(8192);
        try (FileChannel channel = FileChannel.open(directory.resolve("metadata.mv.db"), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.read(headers, 0);
            channel.write(java.nio.ByteBuffer.wrap(new byte[8192]), 0);
        }
        return headers;
    }

    private static String h2Jar() throws URISyntaxException {
        return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
