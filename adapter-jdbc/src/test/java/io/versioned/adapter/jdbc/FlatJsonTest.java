package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonTest {

    @Test
    void stringMapsRoundTripExactlyThroughPlainAscii() {
        Map<String, String> map = Map.of(
                "owner", "Zoë Ångström",
                "description", "データ 📦 «quoted» \"double\" 'single' \\ / line\nbreak\ttab\r\u0000\u001f\u007f",
                "lone surrogate", "\ud800x",
                "", "");

        String json = FlatJson.encodeStrings(map);

        assertThat(json).matches("[\\x20-\\x7e]*");
        assertThat(FlatJson.decodeStrings(json)).isEqualTo(map);
    }

    @Test
    void longMapsRoundTrip() {
        Map<String, Long> map = Map.of("production", 3L, "canary_2", Long.MAX_VALUE, "min", Long.MIN_VALUE);

        assertThat(FlatJson.decodeLongs(FlatJson.encodeLongs(map))).isEqualTo(map);
    }

    @Test
    void emptyMapsAreEmptyObjects() {
        assertThat(FlatJson.encodeStrings(Map.of())).isEqualTo("{}");
        assertThat(FlatJson.decodeStrings("{}")).isEmpty();
        assertThat(FlatJson.decodeLongs(" { } ")).isEmpty();
    }

    @Test
    void printableAsciiIsWrittenAsItIsAndEverythingElseEscaped() {
        assertThat(FlatJson.encodeStrings(Map.of("k", " ~"))).isEqualTo("{\"k\":\" ~\"}");
        assertThat(FlatJson.encodeStrings(Map.of("k", "\u001f\u007f"))).isEqualTo("{\"k\":\"\\u001f\\u007f\"}");
    }

    @Test
    void keysAreWrittenSorted() {
        assertThat(FlatJson.encodeLongs(Map.of("b", 2L, "a", 1L))).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void jsonWrittenByOtherToolsIsRead() {
        assertThat(FlatJson.decodeStrings("{ \"a\" : \"x\\/y\\u00e9\\b\\f\" ,\n \"b\":\"\" }"))
                .isEqualTo(Map.of("a", "x/y\u00e9\b\f", "b", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"a\"}", "{\"a\":1}", "{\"a\":\"x\"", "{\"a\":\"x\",}", "{\"a\":\"\\q\"}",
            "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12", "{\"a\":\"x\"} extra", "{\"a\":\"x\",\"a\":\"y\"}"})
    void damagedStringMapsAreNonRetryableBackendExceptions(String json) {
        assertThatThrownBy(() -> FlatJson.decodeStrings(json)).isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"1\"}", "{\"a\":}", "{\"a\":1", "{\"a\":1.5}", "{\"a\":99999999999999999999}"})
    void damagedLongMapsAreNonRetryableBackendExceptions(String json) {
        assertThatThrownBy(() -> FlatJson.decodeLongs(json)).isInstanceOf(BackendException.class);
    }
}
