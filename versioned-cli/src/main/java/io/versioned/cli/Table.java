package io.versioned.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A text table with a header row, columns aligned with two spaces between them. Not thread-safe. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** @param headers the column titles */
    Table(String... headers) {
        rows.add(headers.clone());
        rightAligned = new boolean[headers.length];
    }

    /** Aligns the given columns (0-based) to the right, as for numbers. */
    Table alignRight(int... columns) {
        for (int column : columns) {
            rightAligned[column] = true;
        }
        return this;
    }

    /** Adds a row; missing cells are blank, null cells print as {@code -}. */
    Table row(String... cells) {
        String[] row = Arrays.copyOf(cells, rightAligned.length);
        for (int i = 0; i < row.length; i++) {
            row[i] = row[i] == null ? (i < cells.length ? "-" : "") : row[i];
        }
        rows.add(row);
        return this;
    }

    /** Prints the header and the rows, without trailing spaces. */
    void print(PrintWriter out) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(rightAligned[i] ? pad + row[i] : row[i] + pad);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
