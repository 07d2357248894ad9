package io.versioned.bench.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void aLineGivesBackTheMeasurement() {
        Measurement measurement = new Measurement("S3 + DynamoDB", "put", Measurement.Side.BASELINE,
                "baseline: SDK multipart upload (16 MiB parts, 4 at once)", 12_345_678_901L,
                new HeapMeter.Usage(100L << 20, 40L << 20));

        assertThat(Measurement.parse(measurement.toLine())).isEqualTo(measurement);
    }

    @Test
    void textThatWouldBreakTheLineIsRefused() {
        HeapMeter.Usage heap = new HeapMeter.Usage(0, 0);
        assertThatThrownBy(() -> new Measurement("a\tb", "put", Measurement.Side.LIBRARY, "call", 1, heap))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without tabs");
        assertThatThrownBy(() -> new Measurement("backend", "put", null, "call", 1, heap))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("side");
        assertThatThrownBy(() -> Measurement.parse("only\tthree\tfields"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 tab-separated fields");
    }
}
