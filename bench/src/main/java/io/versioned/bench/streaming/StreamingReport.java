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
 * The tables of the streaming section: per backend and operation, the library's row and its baseline's row, each
 * with the median throughput over the rounds, the slowest and fastest round, the ratio of the median times and the
 * largest heap figures of its rounds; then the parts of the library's transfers timed alone, if any were.
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
        Map<List<String>, List<Measurement>> parts = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            List<String> key = List.of(measurement.backend(), measurement.operation());
            switch (measurement.side()) {
                case LIBRARY -> pairs.computeIfAbsent(key, k -> new Pair()).library.add(measurement);
                case BASELINE -> pairs.computeIfAbsent(key, k -> new Pair()).baseline.add(measurement);
                case PART -> parts.computeIfAbsent(List.of(measurement.backend(), measurement.operation(),
                        measurement.call()), k -> new ArrayList<>()).add(measurement);
            }
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
        return parts.isEmpty() ? table.toString() : table + "\n" + partsTable(pairs, parts);
    }

    /**
     * The parts of the library's transfers, each timed alone in the same rounds, with its median time as a share of
     * the baseline's median time of the operation it is part of.
     */
    private static String partsTable(Map<List<String>, Pair> pairs, Map<List<String>, List<Measurement>> parts) {
        MarkdownTable table = new MarkdownTable("backend", "part of", "step, timed alone", "time (median)",
                "slowest – fastest", "time ratio to the baseline");
        parts.forEach((key, measured) -> {
            Pair pair = pairs.get(key.subList(0, 2));
            if (pair == null || pair.baseline.isEmpty()) {
                throw new IllegalArgumentException("measurements: the part " + key + " needs the baseline of "
                        + key.subList(0, 2));
            }
            Samples part = samples(measured);
            long[] sorted = part.nanos();
            table.row(key.get(0), key.get(1), key.get(2), seconds(part.median()),
                    seconds(sorted[sorted.length - 1]) + " – " + seconds(sorted[0]),
                    part.ratioTo(samples(pair.baseline)));
        });
        return "What the library's transfers contain, each step timed alone in the same rounds (its time as a share of"
                + " the baseline's):\n\n" + table;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** The issue-15 target a backend's operation is measured for, if any. */
    private static Optional<Targets.Target> target(String backend, String operation) {
        if (backend.equals(AwsBackend.NAME)) {
            return Optional.of(operation.equals("put") ? Targets.Target.STREAM_S3_PUT : Targets.Target.STREAM_S3_GET);
        }
        if (backend.equals(AwsBackend.NAME_NOT_SHARED)) {
            return operation.equals("put") ? Optional.of(Targets.Target.STREAM_S3_PUT_NOT_SHARED) : Optional.empty();
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
