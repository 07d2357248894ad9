package io.versioned.bench.operations;

import io.versioned.bench.Samples;

/**
 * The summary of one side of one row.
 *
 * @param medianNanos the median duration of one operation
 * @param p99Nanos    its 99th percentile
 * @param samples     how many operations were timed
 */
record Timing(double medianNanos, double p99Nanos, long samples) {

    /** The median and p99 of harness samples. */
    static Timing of(Samples samples) {
        return new Timing(samples.median(), samples.p99(), samples.count());
    }
}
