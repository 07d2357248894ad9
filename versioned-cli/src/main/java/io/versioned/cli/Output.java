package io.versioned.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a command's result goes: standard output, as text for people or, with {@code --json}, as one JSON
 * document whose shape is given by {@link JsonShapes}.
 */
final class Output {

    private final PrintWriter out;
    private final boolean json;
    private final Clock clock;

    Output(PrintWriter out, boolean json, Clock clock) {
        this.out = out;
        this.json = json;
        this.clock = clock;
    }

    /** True when the result must be printed as JSON. */
    boolean json() {
        return json;
    }

    /** Prints {@code value} (maps, lists, strings, numbers, booleans, null) as one JSON document. */
    void printJson(Object value) {
        out.println(JsonWriter.write(value));
        out.flush();
    }

    /**
     * Prints a command's result: with {@code --json}, the one document {@code json} supplies (as {@link #printJson});
     * otherwise the text that {@code text} prints to this output. Only the chosen form is computed.
     */
    void print(Supplier<?> json, Consumer<Output> text) {
        if (this.json) {
            printJson(json.get());
        } else {
            text.accept(this);
        }
    }

    /** Prints a line of text. */
    void line(String text) {
        out.println(text);
    }

    /** Prints a table. */
    void table(Table table) {
        table.print(out);
    }

    /** {@code 3 minutes ago}, relative to the injected clock. */
    String ago(Instant instant) {
        return Human.ago(instant, clock.instant());
    }

    /** Flushes the text written so far, before bytes go to the same standard output. */
    void flush() {
        out.flush();
    }
}
