package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import io.versioned.core.spi.Durations;

/** Sizes, relative times, hashes, tables, durations and JSON as the CLI prints and reads them. */
class FormattingTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource({"-1,?", "0,0 B", "1023,1023 B", "1024,1.0 KiB", "13002342,12.4 MiB", "1073741824,1.0 GiB",
        "1649267441664,1.5 TiB"})
    void sizesUseBinaryUnits(long bytes, String expected) {
        assertThat(Human.size(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0,just now", "4,just now", "-30,just now", "5,5 seconds ago", "60,1 minute ago",
        "180,3 minutes ago", "7200,2 hours ago", "86400,1 day ago", "2592000,1 month ago", "31536000,1 year ago",
        "94608000,3 years ago"})
    void timesAreRelative(long secondsAgo, String expected) {
        assertThat(Human.ago(NOW.minusSeconds(secondsAgo), NOW)).isEqualTo(expected);
    }

    @Test
    void hashesAreShortenedToTwelveCharacters() {
        assertThat(Human.sha("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
                .isEqualTo("ba7816bf8f01");
    }

    @Test
    void tablesAlignColumnsAndTrimTrailingSpaces() {
        StringWriter text = new StringWriter();
        new Table("NAME", "SIZE", "NOTE").alignRight(1).row("a", "1 B", null).row("longer", "12.4 MiB")
                .print(new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly(
                "NAME        SIZE  NOTE",
                "a            1 B  -",
                "longer  12.4 MiB");
    }

    @ParameterizedTest
    @CsvSource({"30d,P30D", "12h,PT12H", "90m,PT1H30M", "45s,PT45S", "0s,PT0S", "1d12h,PT36H", "PT1H,PT1H",
        "p7d,P7D", "2D,P2D"})
    void durationsAcceptShortAndIsoForms(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({"''", "soon", "30", "d", "-1d", "PT-1H", "P", "1w"})
    void durationsRefuseOtherForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration: must look like 30d");
    }

    @Test
    void jsonWriterOutputParsesBackWithTheSameValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 unicode é \u2028");
        value.put("number", 12345678901L);
        value.put("flag", true);
        value.put("nothing", null);
        value.put("list", List.of(1, "two", List.of(), Map.of()));
        value.put("nested", Map.of("k", "v"));

        String json = JsonWriter.write(value);
        JsonNode parsed = CliHarness.JSON.readTree(json);

        assertThat(parsed.get("text").asString()).isEqualTo(value.get("text"));
        assertThat(parsed.get("number").asLong()).isEqualTo(12345678901L);
        assertThat(parsed.get("flag").asBoolean()).isTrue();
        assertThat(parsed.get("nothing").isNull()).isTrue();
        assertThat(parsed.get("list").size()).isEqualTo(4);
        assertThat(parsed.get("nested").get("k").asString()).isEqualTo("v");
        assertThat(Arrays.asList(json.split("\n"))).first().isEqualTo("{");
    }

    @Test
    void jsonWriterRefusesOtherTypes() {
        assertThatThrownBy(() -> JsonWriter.write(Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be written as JSON");
    }
}
