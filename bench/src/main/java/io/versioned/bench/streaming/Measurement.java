package io.versioned.bench.streaming;

/**
 * One timed transfer of the measured file in the child JVM.
 *
 * @param backend   the backend's name, as shown in the report
 * @param operation {@code put} or {@code get}
 * @param side      the library's transfer, its raw baseline, or a part of the library's transfer timed alone
 * @param call      what was called, as shown in the report
 * @param nanos     how long the transfer took
 * @param heap      the heap use of the transfer ({@link HeapMeter})
 */
record Measurement(String backend, String operation, Side side, String call, long nanos,
                          HeapMeter.Usage heap) {

    /** Which side of the comparison a transfer is on. */
    enum Side {
        /** The library's call. */
        LIBRARY,
        /** The raw store doing the fewest calls that give the same result. */
        BASELINE,
        /** One step the library's call contains, timed alone with the raw store or the JDK, to explain its ratio. */
        PART
    }

    private static final String SEPARATOR = "\t";

    /**
     * @throws IllegalArgumentException if a text is null or holds a tab or line break, {@code heap} is null, or a
     *                                  number is negative
     */
    public Measurement {
        for (String text : new String[] {backend, operation, call}) {
            if (text == null || text.contains(SEPARATOR) || text.contains("\n")) {
                throw new IllegalArgumentException("backend, operation, call: must be one line without tabs, got '"
                        + text + "'");
            }
        }
        if (side == null || heap == null || nanos < 0 || heap.peak() < 0 || heap.afterCollection() < 0) {
            throw new IllegalArgumentException("side, nanos, heap: must be >= 0 and not null, got " + side + ", " + nanos
                    + ", " + heap);
        }
    }

    /** This measurement as one tab-separated line, without the line break. */
    public String toLine() {
        return String.join(SEPARATOR, backend, operation, side.name(), call, Long.toString(nanos),
                Long.toString(heap.peak()), Long.toString(heap.afterCollection()));
    }

    /**
     * The measurement of a {@link #toLine()} line.
     *
     * @throws IllegalArgumentException if the line is not one
     */
    public static Measurement parse(String line) {
        String[] fields = line.split(SEPARATOR, -1);
        if (fields.length != 7) {
            throw new IllegalArgumentException("line: expected 7 tab-separated fields, got '" + line + "'");
        }
        return new Measurement(fields[0], fields[1], Side.valueOf(fields[2]), fields[3],
                Long.parseLong(fields[4]), new HeapMeter.Usage(Long.parseLong(fields[5]), Long.parseLong(fields[6])));
    }
}
