package io.versioned.bench.startup;

import io.versioned.bench.BenchSection;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.MarkdownTable;
import io.versioned.bench.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long the command-line tool takes to start and answer, beside a bare JVM that starts and exits: {@code
 * versioned names} on an embedded repository, with the launcher's JVM options, without and with the class-data
 * sharing archive the launcher writes on its first run. The runs of the three commands alternate, so a change in the
 * machine's load hits them alike. The shaded CLI jar is taken from {@code versioned-cli/target/versioned-cli.jar}
 * (built before this module in the reactor).
 */
public final class StartupSection implements BenchSection {

    /** The target of issue 11: {@code versioned names} on the embedded default in at most 1 s (median). */
    private static final long TARGET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final List<String> LAUNCHER_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    @Override
    public String title() {
        return "Start-up of the CLI";
    }

    @Override
    public String run(BenchSettings settings) throws Exception {
        Path jar = cliJar();
        Path work = Files.createDirectories(settings.scratch().resolve("startup"));
        String repository = "embedded:" + work.resolve("repository");
        Path content = Files.writeString(work.resolve("model.bin"), "model");
        Path archive = work.resolve("versioned-cli.jsa");
        timed(cli(jar, List.of(), repository, "put", "model", content.toString()));
        timed(cli(jar, List.of("-XX:ArchiveClassesAtExit=" + archive), repository, "names"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the JVM wrote no class-data sharing archive at " + archive);
        }
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("bare JVM (starts and exits)", java(List.of("-cp", System.getProperty("java.class.path"),
                EmptyMain.class.getName())));
        commands.put("`versioned names`, no archive", cli(jar, List.of(), repository, "names"));
        commands.put("`versioned names`, with the archive (the launcher's default)",
                cli(jar, List.of("-XX:SharedArchiveFile=" + archive), repository, "names"));
        int runs = settings.size(21, 2);
        Map<String, long[]> nanos = new LinkedHashMap<>();
        commands.keySet().forEach(name -> nanos.put(name, new long[runs]));
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                nanos.get(command.getKey())[run] = timed(command.getValue());
            }
        }
        Samples bare = new Samples(nanos.values().iterator().next());
        MarkdownTable table = new MarkdownTable("command", "median", "p99", "ratio to the bare JVM");
        nanos.forEach((name, samples) -> {
            Samples measured = new Samples(samples);
            table.row(name, Samples.duration(measured.median()), Samples.duration(measured.p99()),
                    measured.ratioTo(bare));
        });
        Samples withArchive = new Samples(nanos.get(List.copyOf(nanos.keySet()).get(2)));
        MarkdownTable target = new MarkdownTable("target", "measured", "met");
        target.row("`versioned names` on the embedded default: median ≤ 1 s",
                Samples.duration(withArchive.median()), withArchive.median() <= TARGET_NANOS ? "yes" : "no");
        return "Wall time of " + runs + " runs of each command, alternating, with the launcher's JVM options ("
                + String.join(" ", LAUNCHER_OPTIONS) + "); the repository holds one artifact.\n\n" + table
                + "\n" + target;
    }

    private static Path cliJar() {
        for (Path candidate : List.of(Path.of("versioned-cli", "target", "versioned-cli.jar"),
                Path.of("..", "versioned-cli", "target", "versioned-cli.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the CLI jar versioned-cli/target/versioned-cli.jar is not built; run "
                + "`mvn -B -DskipTests package -pl versioned-cli -am` first");
    }

    private static List<String> cli(Path jar, List<String> options, String repository, String... args) {
        List<String> command = new ArrayList<>(options);
        command.addAll(List.of("-cp", jar.toString(), "io.versioned.cli.VersionedCli", "--repo", repository));
        command.addAll(List.of(args));
        return java(command);
    }

    private static List<String> java(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(arguments);
        return command;
    }

    /** Runs the command to its end and returns its wall time; it must exit with 0. */
    private static long timed(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("did not end within 120 s: " + command);
        }
        long nanos = System.nanoTime() - start;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit code " + process.exitValue() + ": " + command);
        }
        return nanos;
    }
}
