package io.versioned.adapter.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A JVM running {@link H2Process} on the test class path, talked to through its standard input and output. */
record ChildJvm(Process process, BufferedReader out, OutputStream in) implements AutoCloseable {

    /** Starts {@code H2Process ARGS}. */
    static ChildJvm start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = H2Process.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ChildJvm(process, new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), process.getOutputStream());
    }

    /** Waits (at most 60 s) for a line {@code expected}; what the process printed before it if it does not come. */
    void await(String expected) throws Exception {
        StringBuilder seen = new StringBuilder();
        Boolean found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals(expected)) {
                        return true;
                    }
                    seen.append(line).append('\n');
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }).completeOnTimeout(false, 60, TimeUnit.SECONDS).get();
        if (!found) {
            throw new AssertionError("the child process did not print '" + expected + "'; it printed:\n" + seen);
        }
    }

    /** Sends one line to the process. */
    void send(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Ends the process's input and waits (at most 60 s) for it to exit; its exit code. */
    int finish() throws Exception {
        in.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the child process did not exit within 60 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
