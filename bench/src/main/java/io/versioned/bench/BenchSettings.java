package io.versioned.bench;

import java.nio.file.Path;

/**
 * How a benchmark run is sized and where it may write.
 *
 * @param quick   a smoke run (few iterations, small sizes) that proves the sections work without the cost of a
 *                real measurement; its numbers are not meant to be read
 * @param scratch a folder for the run's files (embedded repositories, large files), deleted afterwards
 * @param servers the local S3 and DynamoDB servers, started on first use
 * @param targets where the sections report what they measured for the targets
 */
public record BenchSettings(boolean quick, Path scratch, BenchServers servers, Targets targets) {

    public BenchSettings {
        if (scratch == null || servers == null || targets == null) {
            throw new IllegalArgumentException("scratch, servers, targets: must not be null");
        }
    }

    /** Settings whose measurements go to a fresh {@link Targets}. */
    public BenchSettings(boolean quick, Path scratch, BenchServers servers) {
        this(quick, scratch, servers, new Targets());
    }

    /** {@code full} in a real run, {@code smoke} in a quick one: sizes and iteration counts. */
    public int size(int full, int smoke) {
        return quick ? smoke : full;
    }

    /** {@code full} in a real run, {@code smoke} in a quick one: sizes and iteration counts. */
    public long size(long full, long smoke) {
        return quick ? smoke : full;
    }
}
