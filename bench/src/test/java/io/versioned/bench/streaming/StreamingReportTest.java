package io.versioned.bench.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.bench.Targets;
import io.versioned.bench.streaming.Measurement.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingReportTest {

    private static final long MIB = 1L << 20;
    private static final long SECOND = 1_000_000_000L;
    private static final HeapMeter.Usage USAGE = new HeapMeter.Usage(MIB, MIB);

    @Test
    void eachLibraryRowIsFollowedByItsBaselineWithMediansRangesRatiosAndTheLargestHeap() {
        List<Measurement> measurements = List.of(
                measurement(false, 4 * SECOND, 60), measurement(true, SECOND, 20),
                measurement(false, 2 * SECOND, 70), measurement(true, 2 * SECOND, 30),
                measurement(false, 8 * SECOND, 50), measurement(true, 4 * SECOND, 10));

        String table = StreamingReport.table(1024 * MIB, measurements, new Targets());

        assertThat(table.lines()).containsExactly(
                "| backend | operation | call | throughput (median) | slowest – fastest | time ratio to baseline "
                        + "| peak heap | heap after GC |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |",
                "| embedded | put | `putArtifact` | 256 MiB/s | 128 MiB/s – 512 MiB/s | 2.00× | 70 MiB | 7 MiB |",
                "| embedded | put | baseline: copy | 512 MiB/s | 256 MiB/s – 1024 MiB/s | 1.00× (baseline) | 30 MiB "
                        + "| 3 MiB |");
    }

    @Test
    void theRatiosOfTheTargetedBackendsAreReportedAsTargets() {
        Targets targets = new Targets();
        StreamingReport.table(MIB, List.of(
                new Measurement(EmbeddedBackend.NAME, "put", Side.LIBRARY, "putArtifact", 3 * SECOND, USAGE),
                new Measurement(EmbeddedBackend.NAME, "put", Side.BASELINE, "copy", 2 * SECOND, USAGE),
                new Measurement(AwsBackend.NAME, "get", Side.LIBRARY, "download", 5 * SECOND, USAGE),
                new Measurement(AwsBackend.NAME, "get", Side.BASELINE, "GetObject", 4 * SECOND, USAGE)), targets);

        assertThat(targets.valueOf(Targets.Target.STREAM_EMBEDDED_PUT)).isEqualTo(1.5);
        assertThat(targets.valueOf(Targets.Target.STREAM_S3_GET)).isEqualTo(1.25);
        assertThat(targets.valueOf(Targets.Target.STREAM_S3_PUT)).isNull();
    }

    @Test
    void partsFollowInATableOfTheirOwnWithTheirShareOfTheBaselinesTime() {
        List<Measurement> measurements = List.of(
                measurement(false, 4 * SECOND, 60), measurement(true, 2 * SECOND, 20),
                new Measurement("embedded", "put", Side.PART, "hashing", SECOND, USAGE),
                new Measurement("embedded", "put", Side.PART, "hashing", 3 * SECOND, USAGE),
                new Measurement("embedded", "put", Side.PART, "hashing", 2 * SECOND, USAGE));

        String tables = StreamingReport.table(1024 * MIB, measurements, new Targets());

        assertThat(tables.lines()).containsSubsequence(
                "| backend | part of | step, timed alone | time (median) | slowest – fastest "
                        + "| time ratio to the baseline |",
                "| --- | --- | --- | --- | --- | --- |",
                "| embedded | put | hashing | 2.00 s | 3.00 s – 1.00 s | 1.00× |");
    }

    @Test
    void aPartWithoutTheBaselineOfItsOperationIsRefused() {
        assertThatThrownBy(() -> StreamingReport.table(MIB, List.of(
                measurement(false, SECOND, 1), measurement(true, SECOND, 1),
                new Measurement("embedded", "get", Side.PART, "hashing", SECOND, USAGE)), new Targets()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline");
    }

    @Test
    void aLibraryRowWithoutItsBaselineIsRefused() {
        assertThatThrownBy(() -> StreamingReport.table(MIB, List.of(measurement(false, SECOND, 1)),
                new Targets()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline");
    }

    private static Measurement measurement(boolean baseline, long nanos, long heapMib) {
        return new Measurement("embedded", "put", baseline ? Side.BASELINE : Side.LIBRARY,
                baseline ? "baseline: copy" : "putArtifact", nanos,
                new HeapMeter.Usage(heapMib * MIB, heapMib / 10 * MIB));
    }
}
