package io.versioned.bench.operations;

import io.versioned.bench.BenchSection;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.MarkdownTable;
import io.versioned.bench.Samples;
import io.versioned.bench.Targets;
import java.util.HashMap;
import java.util.Map;

/**
 * The section "Operations: library against the raw store": resolve + read (1 KiB, 1 MiB), put, publish, putAlias
 * and listArtifactVersions on every backend, each beside its baseline, the raw store doing the fewest calls for the
 * same result, measured in the same run: JMH for the in-process backends ({@link InProcessMeasurement}), the plain
 * harness for the HTTP ones ({@link HarnessMeasurement}).
 */
public final class OperationsSection implements BenchSection {

    @Override
    public String title() {
        return "Operations: library against the raw store";
    }

    /**
     * Runs both measurements and returns the description and the table.
     *
     * @throws Exception if JMH, a server or a workload fails
     */
    @Override
    public String run(BenchSettings settings) throws Exception {
        Map<Cell, Timing> timings = new HashMap<>(InProcessMeasurement.run(settings));
        HarnessMeasurement harness = new HarnessMeasurement(settings);
        timings.putAll(harness.run());
        return description(settings, harness.samples()) + "\n\n" + table(timings, settings.targets());
    }

    private static String description(BenchSettings settings, int harnessSamples) {
        String jmh = settings.quick()
                ? "JMH in the same JVM, one iteration of 20 ms, no warm-up"
                : "JMH, `Mode.SampleTime`, one fork per benchmark, " + InProcessMeasurement.WARMUP_ITERATIONS
                        + " warm-up and " + InProcessMeasurement.MEASUREMENT_ITERATIONS
                        + " measurement iterations of 1 s";
        return "Each operation, one thread, through the library and through its baseline: the raw store doing the "
                + "fewest calls that give the same result, measured in the same run. The baselines write "
                + "unconditionally, keep no history, pins or version counter, and do not verify the SHA-256 of what "
                + "they read, so a ratio is the price of the library's guarantees as well as of its code (requests "
                + "per operation: next section). The library's resolve + read is `resolveContent(name, alias)`: "
                + "the alias record, then the bytes its facts name, verified.\n\n"
                + "- in-memory: the adapter's ports called directly (getAlias + getVersion + open for a resolve + "
                + "read, getVersion + copy + createVersion for a publish, updateAlias for a putAlias, ...);\n"
                + "- embedded: plain JDBC on one connection to an H2 file opened in the embedded backend's mode, one "
                + "table of its own, and `java.nio` files written as a careful raw writer does (temporary file, "
                + "fsync, atomic move, fsync of the folder);\n"
                + "- S3 + DynamoDB: raw SDK calls on a bucket and a table of its own on the same servers: GetItem + "
                + "GetObject (resolve + read), PutObject + PutItem (put), GetItem + CopyObject + PutItem (publish), "
                + "PutItem (putAlias), one Query (list);\n"
                + "- S3-only: raw GetObject and PutObject of small JSON documents (an alias document, a versions "
                + "document) and of the bytes.\n\n"
                + "In-process backends: " + jmh + ". HTTP backends, on s3proxy and dynalite (local in-memory "
                + "servers, not AWS): the plain harness, " + harnessSamples + " samples per side after a warm-up of "
                + "every operation, library and baseline taking turns in rounds; s3proxy has no conditional "
                + "CopyObject, so the library publishes there with its multipart-copy fallback (two more S3 requests "
                + "than on AWS). Every timed publish copies a new LATEST put just before it, untimed; the artifact "
                + "is renewed every " + Fixture.PUBLISHES_PER_ARTIFACT + " publishes. The putAlias switches an "
                + "existing alias between two versions.";
    }

    private static String table(Map<Cell, Timing> timings, Targets targets) {
        MarkdownTable table = new MarkdownTable("backend", "operation", "library median", "library p99",
                "baseline median", "baseline p99", "library / baseline (median)");
        for (Backend backend : Backend.values()) {
            for (Operation operation : Operation.values()) {
                Timing library = timings.get(new Cell(backend, operation, Side.LIBRARY));
                Timing baseline = timings.get(new Cell(backend, operation, Side.BASELINE));
                if (library == null || baseline == null) {
                    throw new IllegalStateException("no timing for " + backend.label() + ", " + operation.label());
                }
                table.row(backend.label(), operation.label(), Samples.duration(library.medianNanos()),
                        Samples.duration(library.p99Nanos()), Samples.duration(baseline.medianNanos()),
                        Samples.duration(baseline.p99Nanos()),
                        Samples.ratio(library.medianNanos(), baseline.medianNanos()));
                if (backend == Backend.S3_DYNAMODB && operation == Operation.RESOLVE_READ_SMALL) {
                    targets.measured(Targets.Target.RESOLVE_READ_S3_DYNAMODB,
                            library.medianNanos() / (double) baseline.medianNanos());
                }
            }
        }
        return table.toString();
    }
}
