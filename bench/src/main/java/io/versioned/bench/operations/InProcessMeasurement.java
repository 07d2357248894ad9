package io.versioned.bench.operations;

import io.versioned.bench.BenchSettings;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link InProcessBenchmarks} with JMH, programmatically, in {@code Mode.SampleTime} (every sampled
 * invocation timed on its own, so a median and a p99 can be read), one thread.
 *
 * <p>Full run: one fork per benchmark, {@value #WARMUP_ITERATIONS} warm-up and {@value #MEASUREMENT_ITERATIONS}
 * measurement iterations of one second each. Quick run: in this JVM (no fork), no warm-up, one iteration of a few
 * milliseconds, and one workload per backend and side for all benchmarks ({@link SharedWorkloads}), so that it fits
 * in a unit test.
 */
final class InProcessMeasurement {

    static final int WARMUP_ITERATIONS = 3;
    static final int MEASUREMENT_ITERATIONS = 4;

    private InProcessMeasurement() {
    }

    /**
     * Runs every in-process benchmark and returns its timings.
     *
     * @throws RunnerException if JMH fails or a benchmark throws
     * @throws IOException     if a shared workload cannot be closed
     */
    static Map<Cell, Timing> run(BenchSettings settings) throws RunnerException, IOException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Pattern.quote(InProcessBenchmarks.class.getName() + ".") + ".*")
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .threads(1)
                .param("scratch", settings.scratch().toAbsolutePath().toString())
                .shouldFailOnError(true);
        if (settings.quick()) {
            options.forks(0).param("shared", "true").warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(20)).verbosity(VerboseMode.SILENT);
        } else {
            options.forks(1).warmupIterations(WARMUP_ITERATIONS).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(MEASUREMENT_ITERATIONS).measurementTime(TimeValue.seconds(1))
                    .verbosity(VerboseMode.NORMAL);
        }
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } finally {
            SharedWorkloads.closeAll();
        }
        Map<Cell, Timing> timings = new HashMap<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            Operation operation = Operation.byBenchmarkMethod(benchmark.substring(benchmark.lastIndexOf('.') + 1));
            Statistics statistics = result.getPrimaryResult().getStatistics();
            Cell cell = new Cell(Backend.byId(params.getParam("backend")), operation,
                    Side.byId(params.getParam("side")));
            timings.put(cell, new Timing(statistics.getPercentile(50), statistics.getPercentile(99),
                    statistics.getN()));
        }
        return timings;
    }
}
