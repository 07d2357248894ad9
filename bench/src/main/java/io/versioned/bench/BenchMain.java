package io.versioned.bench;

import io.versioned.bench.cache.CacheSection;
import io.versioned.bench.concurrency.ConcurrencySection;
import io.versioned.bench.operations.OperationsSection;
import io.versioned.bench.requests.RequestsSection;
import io.versioned.bench.scale.ScaleSection;
import io.versioned.bench.server.ServerSection;
import io.versioned.bench.startup.StartupSection;
import io.versioned.bench.streaming.StreamingSection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the benchmark sections and writes the report, docs/benchmarks.md by default.
 *
 * <p>Usage: {@code java -jar bench/target/versioned-bench.jar [--quick] [--only TITLE-PREFIX] [--output FILE]},
 * from the repository root (the DynamoDB test server is found there). {@code --quick} makes a smoke run whose
 * numbers are not meant to be read; {@code --only} runs the sections whose title starts with the given text.
 */
public final class BenchMain {

    private static final Path DEFAULT_OUTPUT = Path.of("docs", "benchmarks.md");
    private static final String TARGETS_INTRO = "The targets of issue 15, each a ratio or a count measured above in "
            + "this run (the section is named in brackets), with whether it is met. A target whose section did not "
            + "run, or failed, says so. The last column names the page that explains the design behind the number and, "
            + "where a target is not met, the measured reason.";

    private BenchMain() {
    }

    /** The sections of the report, in order. */
    static List<BenchSection> sections() {
        return List.of(
                new OperationsSection(),
                new RequestsSection(),
                new StreamingSection(),
                new ConcurrencySection(),
                new ScaleSection(),
                new CacheSection(),
                new StartupSection(),
                new ServerSection());
    }

    public static void main(String[] args) throws IOException {
        boolean quick = false;
        String only = "";
        Path output = DEFAULT_OUTPUT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = value(args, ++i, "--only");
                case "--output" -> output = Path.of(value(args, ++i, "--output"));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; usage: [--quick] [--only TITLE-PREFIX] [--output FILE]");
            }
        }
        Path scratch = Files.createTempDirectory("versioned-bench");
        try {
            String report = report(new BenchSettings(quick, scratch, new BenchServers()), only);
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, report, StandardCharsets.UTF_8);
            System.out.println("wrote " + output);
        } finally {
            deleteRecursively(scratch);
        }
        System.exit(0);
    }

    /** Runs the selected sections and returns the whole report. */
    static String report(BenchSettings settings, String only) {
        StringBuilder out = new StringBuilder(header(settings));
        for (BenchSection section : sections()) {
            if (!section.title().startsWith(only)) {
                continue;
            }
            System.out.println("== " + section.title());
            out.append("\n## ").append(section.title()).append("\n\n");
            try {
                out.append(section.run(settings).strip()).append('\n');
            } catch (Exception e) {
                e.printStackTrace();
                out.append("Not measured: the run failed with ").append(e).append('\n');
            }
        }
        out.append("\n## Targets\n\n").append(TARGETS_INTRO).append("\n\n").append(settings.targets().table());
        return out.toString();
    }

    private static String header(BenchSettings settings) {
        Runtime runtime = Runtime.getRuntime();
        return "# Benchmarks\n\n"
                + "Written by `bench/run` (see the README); do not edit by hand. Every ratio compares a median with a "
                + "baseline measured in the same run on the same machine, so the ratios travel better than the "
                + "absolute times. The S3 and DynamoDB figures are on the local test servers (s3proxy, dynalite), "
                + "not on AWS: they show the library's own overhead and request counts, not cloud latency.\n\n"
                + new MarkdownTable("run", "value")
                        .row("date", Instant.now().truncatedTo(ChronoUnit.SECONDS))
                        .row("machine", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                                + runtime.availableProcessors() + " cores, "
                                + String.format(Locale.ROOT, "%.1f GiB", physicalMemory() / (double) (1L << 30))
                                + " memory")
                        .row("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                                + ", max heap " + runtime.maxMemory() / (1 << 20) + " MiB")
                        .row("mode", settings.quick() ? "quick (smoke run: do not read the numbers)" : "full");
    }

    private static long physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + ": needs a value");
        }
        return args[index];
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
