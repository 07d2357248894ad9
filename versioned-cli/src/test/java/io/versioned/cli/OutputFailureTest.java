package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Standard output that cannot be written (a full disk, a closed pipe): Java's print streams swallow the error, so
 * the command must ask for it and fail with exit code 4 instead of reporting success over a truncated result.
 */
class OutputFailureTest {

    private static final String NAME = "app";

    private final SharedMemoryFactory memory = new SharedMemoryFactory();

    @Test
    void aResultThatCannotBeWrittenExitsWithFour() {
        memory.repository().putArtifact(NAME, "bytes".getBytes());
        StringWriter err = new StringWriter();
        CommandLine commandLine = VersionedCli.commandLine(context(new PrintStream(OutputStream.nullOutputStream())));
        commandLine.setOut(new PrintWriter(new FailingStream(0), true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("--repo", "memory:", "names", "--json");

        assertThat(exitCode).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).isEqualTo("versioned: error: writing the result to standard output failed\n");
    }

    @Test
    void textWrittenThroughAPrintStreamThatFailsExitsWithFour() {
        PrintStream standardOutput = new PrintStream(new FailingStream(0));
        StringWriter err = new StringWriter();
        CommandLine commandLine = VersionedCli.commandLine(context(standardOutput));
        commandLine.setOut(new PrintWriter(standardOutput, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("--repo", "memory:", "names");

        assertThat(exitCode).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).isEqualTo("versioned: error: writing the result to standard output failed\n");
    }

    @Test
    void bytesThatCannotBeWrittenExitWithFourAndStopTheTransfer() {
        memory.repository().putArtifact(NAME, new byte[1024 * 1024]);
        FailingStream binary = new FailingStream(64 * 1024);
        StringWriter err = new StringWriter();
        CommandLine commandLine = VersionedCli.commandLine(context(new PrintStream(binary)));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("--repo", "memory:", "get", NAME, "-o", "-");

        assertThat(exitCode).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString().strip().lines()).singleElement().asString()
                .startsWith("versioned: error: writing version LATEST of app to standard output failed");
        assertThat(binary.failedWrites).as("no write is attempted after the first failure").isEqualTo(1);
    }

    private CliContext context(PrintStream binaryOut) {
        return new CliContext(memory, Clock.systemUTC(), new ByteArrayInputStream(new byte[0]), binaryOut, Map.of(),
                false);
    }

    /** Accepts {@code capacity} bytes, then fails every write, as a full disk or a closed pipe does. */
    private static final class FailingStream extends OutputStream {
        private long capacity;
        private int failedWrites;

        FailingStream(long capacity) {
            this.capacity = capacity;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > capacity) {
                failedWrites++;
                throw new IOException("No space left on device");
            }
            capacity -= length;
        }
    }
}
