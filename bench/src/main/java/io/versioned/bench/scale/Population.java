package io.versioned.bench.scale;

/**
 * How an artifact (or a set of artifacts) was filled for the Scale section.
 *
 * @param items     how many versions (or artifacts) it holds
 * @param viaApi    how many of them were made through the public API (put + publish, or put)
 * @param apiNanos  the time spent in the API
 * @param portNanos the time spent writing the rest below the API, through the ports; 0 when none was
 */
record Population(int items, int viaApi, long apiNanos, long portNanos) {

    /** How many were written below the API. */
    int viaPorts() {
        return items - viaApi;
    }

    /** Items per second through the API, or 0 when none went through it. */
    double apiRate() {
        return viaApi == 0 || apiNanos == 0 ? 0 : viaApi / (apiNanos / 1e9);
    }
}
