package io.versioned.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;

/**
 * Reads the table of requests per operation from a page of {@code docs/} and holds a round-trip test's
 * measurements to it, so that the page and the code cannot drift apart.
 */
final class DocumentedRequests {

    private DocumentedRequests() {
    }

    /**
     * Asserts, reporting every difference at once, that {@code measured} equals {@code budget} operation by
     * operation, that the table below {@code heading} in {@code doc} has a row for exactly the measured operations,
     * and that each row's counts are {@code columns} of the measurement.
     *
     * @param columns the numbers a row of the table gives for a measurement, in the order of its count columns
     */
    static <C> void assertAgree(Map<String, C> measured, Map<String, C> budget, Path doc, String heading,
                                Function<C, List<Integer>> columns) throws IOException {
        int countColumns = columns.apply(budget.values().iterator().next()).size();
        Map<String, List<Integer>> documented = read(doc, heading, countColumns);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(new TreeMap<>(measured)).as("requests per operation, by operation name")
                .isEqualTo(new TreeMap<>(budget));
        softly.assertThat(documented.keySet()).as("operations in " + doc)
                .containsExactlyInAnyOrderElementsOf(measured.keySet());
        measured.forEach((operation, cost) -> softly.assertThat(documented.get(operation))
                .as("requests of '%s' as documented in %s (actual) and as measured (expected)", operation, doc)
                .isEqualTo(columns.apply(cost)));
        softly.assertAll();
    }

    /**
     * The rows of the table below {@code heading} (a whole line of {@code doc}), up to the next heading of the same
     * or a higher level: operation (the first cell) → the numbers of the {@code countColumns} cells after it. A row
     * is a line starting with {@code |} whose second cell is a number; the header and the separator are not.
     *
     * @throws IllegalStateException if {@code heading} is not in {@code doc}, or a row has fewer cells or a count
     *                               that is not a number
     */
    static Map<String, List<Integer>> read(Path doc, String heading, int countColumns) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("no line '" + heading + "' in " + doc);
        }
        int level = headingLevel(heading);
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            int lineLevel = headingLevel(line);
            if (lineLevel > 0 && lineLevel <= level) {
                break;
            }
            String[] cells = line.trim().split("\\|", -1);
            if (!line.trim().startsWith("|") || cells.length < 3 || !cells[2].trim().matches("\\d+")) {
                continue;
            }
            if (cells.length < countColumns + 3) {
                throw new IllegalStateException("row with fewer than " + countColumns + " counts in " + doc + ": " + line);
            }
            rows.put(cells[1].trim(), Arrays.stream(cells, 2, 2 + countColumns).map(cell -> count(cell, doc, line))
                    .toList());
        }
        return rows;
    }

    /** The number of {@code #} of a Markdown heading ({@code "## Title"} is 2), 0 for any other line. */
    private static int headingLevel(String line) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes > 0 && line.startsWith(" ", hashes) ? hashes : 0;
    }

    private static Integer count(String cell, Path doc, String line) {
        if (!cell.trim().matches("\\d+")) {
            throw new IllegalStateException("count '" + cell.trim() + "' is not a number in " + doc + ": " + line);
        }
        return Integer.valueOf(cell.trim());
    }
}
