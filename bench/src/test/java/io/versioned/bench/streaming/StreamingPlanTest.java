package io.versioned.bench.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StreamingPlanTest {

    private static final String SHA = "0".repeat(64);

    @Test
    void theChildsArgumentsGiveBackThePlan() {
        StreamingPlan plan = new StreamingPlan(new InputFile(Path.of("/tmp/a b/input.bin"), 1L << 30, SHA),
                new InputFile(Path.of("/tmp/warm-up.bin"), 1 << 20, "f".repeat(64)), 3, Path.of("/tmp/child"),
                URI.create("http://127.0.0.1:1234"), URI.create("http://127.0.0.1:5678"), "bucket-a", "bucket-b",
                "table.c", Path.of("/tmp/results.tsv"));

        assertThat(StreamingPlan.parse(plan.toArguments().toArray(String[]::new))).isEqualTo(plan);
    }

    @Test
    void aMissingOrMalformedArgumentIsNamed() {
        assertThatThrownBy(() -> StreamingPlan.parse(new String[] {"input=/x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing inputSize");
        assertThatThrownBy(() -> StreamingPlan.parse(new String[] {"input"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
    }
}
