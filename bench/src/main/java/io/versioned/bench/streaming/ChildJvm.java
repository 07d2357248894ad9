package io.versioned.bench.streaming;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link StreamingRun} in a child JVM on this JVM's class path with the heap limited to {@value #MAX_HEAP}
 * and {@code -XX:+ExitOnOutOfMemoryError}, so that a transfer holding the content in memory ends the run instead
 * of passing. The child's output is echoed to this JVM's standard output as it comes.
 */
final class ChildJvm {

    /** The child's heap limit, as given to {@code -Xmx}. */
    static final String MAX_HEAP = "256m";

    private static final int TAIL_LINES = 20;
    /** The exit code of a JVM ended by {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private ChildJvm() {
    }

    /**
     * Runs the plan and returns the child's measurements.
     *
     * @throws IllegalStateException if the child fails, runs out of memory or does not finish within {@code timeout}
     *                               (it is then killed); the message holds the end of its output
     * @throws IOException           if the child cannot be started or its results cannot be read
     * @throws InterruptedException  if interrupted while waiting (the child is then killed)
     */
    static List<Measurement> run(StreamingPlan plan, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + MAX_HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                StreamingRun.class.getName()));
        command.addAll(plan.toArguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        Thread echo = new Thread(() -> echo(process, tail), "streaming-child-output");
        echo.setDaemon(true);
        echo.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the streaming child JVM did not finish within " + timeout
                        + " and was killed; its last lines:\n" + lines(tail));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }
        echo.join(TimeUnit.SECONDS.toMillis(5));
        int exit = process.exitValue();
        if (exit != 0) {
            throw new IllegalStateException("the streaming child JVM (-Xmx" + MAX_HEAP + ") exited with code " + exit
                    + (exit == OUT_OF_MEMORY_EXIT ? " (OutOfMemoryError)" : "") + "; its last lines:\n"
                    + lines(tail));
        }
        return Files.readAllLines(plan.results(), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(Measurement::parse)
                .toList();
    }

    private static void echo(Process process, Deque<String> tail) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println("  " + line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("  (the streaming child's output could not be read: " + e + ")");
        }
    }

    private static String lines(Deque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }
}
