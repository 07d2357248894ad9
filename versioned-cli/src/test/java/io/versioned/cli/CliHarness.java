package io.versioned.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the real {@code versioned} command in this JVM with captured output. */
final class CliHarness {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RepositoryFactory factory;
    private final Map<String, String> environment;
    private final boolean interactive;

    CliHarness(RepositoryFactory factory) {
        this(factory, Map.of(), false);
    }

    CliHarness(RepositoryFactory factory, Map<String, String> environment, boolean interactive) {
        this.factory = factory;
        this.environment = environment;
        this.interactive = interactive;
    }

    /** The same harness at a terminal (progress bars on). */
    CliHarness interactive() {
        return new CliHarness(factory, environment, true);
    }

    /** The same harness with these environment variables. */
    CliHarness withEnvironment(Map<String, String> variables) {
        return new CliHarness(factory, variables, interactive);
    }

    Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    Result runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(factory, Clock.systemUTC(), new ByteArrayInputStream(stdin),
                new PrintStream(binary, true, StandardCharsets.UTF_8), environment, interactive);
        CommandLine commandLine = VersionedCli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString(), binary.toByteArray());
    }

    /**
     * What one invocation produced.
     *
     * @param exitCode the exit code
     * @param out      standard output (text)
     * @param err      standard error
     * @param binary   bytes written to the binary output ({@code -o -})
     */
    record Result(int exitCode, String out, String err, byte[] binary) {

        /** Standard output parsed as JSON. */
        JsonNode json() {
            return JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
