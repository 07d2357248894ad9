package io.versioned.bench.streaming;

import io.versioned.bench.MarkdownTable;
import io.versioned.bench.Samples;
import io.versioned.bench.Targets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The table of the streaming section: per backend and operation, the library's row and its baseline's row, each
 * with the median throughput over the rounds, the slowest and fastest round, the ratio of the median times and the
 * largest heap figures of its rounds.
 */
final class StreamingReport {

    private static final double MIB = 1024.0 * 1024;

    private StreamingReport() {
    }

    /**
     * The table of {@code measurements}, transfers of {@code size} bytes each, in the order the backends and
     * operations first appear.
     *
     * @throws IllegalArgumentException if a library row has no baseline, or the reverse
     */
    static String table(long size, List<Measurement> measurements, Targets targets) {
        Map<List<String>, Pair> pairs = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            Pair pair = pairs.computeIfAbsent(List.of(measurement.backend(), measurement.operation()),
                    key -> new Pair());
            (measurement.baseline() ? pair.baseline : pair.library).add(measurement);
        }
        MarkdownTable table = new MarkdownTable("backend", "operation", "call", "throughput (median)",
                "slowest – fastest", "time ratio to baseline", "peak heap", "heap after GC");
        pairs.forEach((key, pair) -> {
            if (pair.library.isEmpty() || pair.baseline.isEmpty()) {
                throw new IllegalArgumentException("measurements: " + key
                        + " needs both the library's and the baseline's transfers");
            }
            Samples library = samples(pair.library);
            Samples baseline = samples(pair.baseline);
            target(key.get(0), key.get(1)).ifPresent(target ->
                    targets.measured(target, library.median() / (double) baseline.median()));
            table.row(key.get(0), key.get(1), "`" + pair.library.get(0).call() + "`",
                    throughput(size, library.median()), range(size, library), library.ratioTo(baseline),
                    mib(pair.library, HeapMeter.Usage::peak), mib(pair.library, HeapMeter.Usage::afterCollection));
            table.row(key.get(0), key.get(1), pair.baseline.get(0).call(), throughput(size, baseline.median()),
                    range(size, baseline), "1.00× (baseline)", mib(pair.baseline, HeapMeter.Usage::peak),
                    mib(pair.baseline, HeapMeter.Usage::afterCollection));
        });
        return table.toString();
    }

    /** The issue-15 target a backend's operation is measured for, if any. */
    private static Optional<Targets.Target> target(String backend, String operation) {
        if (backend.equals(AwsBackend.NAME)) {
            return Optional.of(operation.equals("put") ? Targets.Target.STREAM_S3_PUT : Targets.Target.STREAM_S3_GET);
        }
        return backend.equals(EmbeddedBackend.NAME) && operation.equals("put")
                ? Optional.of(Targets.Target.STREAM_EMBEDDED_PUT) : Optional.empty();
    }

    private static Samples samples(List<Measurement> measurements) {
        return new Samples(measurements.stream().mapToLong(Measurement::nanos).toArray());
    }

    private static String throughput(long size, long nanos) {
        double mibPerSecond = size / MIB / (nanos / 1e9);
        return String.format(Locale.ROOT, mibPerSecond >= 100 ? "%.0f MiB/s" : "%.1f MiB/s", mibPerSecond);
    }

    /** The slowest and the fastest round's throughput. */
    private static String range(long size, Samples samples) {
        long[] sorted = samples.nanos();
        return throughput(size, sorted[sorted.length - 1]) + " – " + throughput(size, sorted[0]);
    }

    /** The largest {@code figure} of the transfers' heap use, in MiB. */
    private static String mib(List<Measurement> measurements, ToLongFunction<HeapMeter.Usage> figure) {
        long bytes = measurements.stream().map(Measurement::heap).mapToLong(figure).max().orElse(0);
        return String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
    }

    /** The library's and the baseline's transfers of one backend and operation. */
    private static final class Pair {
        private final List<Measurement> library = new ArrayList<>();
        private final List<Measurement> baseline = new ArrayList<>();
    }
}
