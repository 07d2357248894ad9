package io.versioned.bench.operations;

import io.versioned.bench.BenchServers;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.Samples;
import io.versioned.bench.Stopwatch;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Times the HTTP backends (S3 + DynamoDB, S3-only) on the local servers with the plain harness. Each backend first
 * runs every operation on both sides untimed (a warm-up of the clients, the servers and the JIT), then, operation by
 * operation, the library and the baseline take turns in {@link #rounds} rounds, so that a slow spell of the shared
 * machine hits both sides alike.
 */
final class HarnessMeasurement {

    private final BenchServers servers;
    private final int rounds;
    private final int samplesPerRound;
    private final int warmups;

    /**
     * Full run: 4 rounds of 125 samples per side and operation, after 25 warm-up runs of each; quick run: 1 round of
     * 5 after 1.
     */
    HarnessMeasurement(BenchSettings settings) {
        this.servers = settings.servers();
        this.rounds = settings.size(4, 1);
        this.samplesPerRound = settings.size(125, 5);
        this.warmups = settings.size(25, 1);
    }

    /** Samples per side and operation. */
    int samples() {
        return rounds * samplesPerRound;
    }

    /** Runs every operation on both HTTP backends and returns the timings. */
    Map<Cell, Timing> run() throws Exception {
        Map<Cell, Timing> timings = new HashMap<>();
        try (S3Client s3 = servers.s3().client(); DynamoDbClient dynamoDb = servers.dynamoDb().client()) {
            for (Backend backend : new Backend[] {Backend.S3_DYNAMODB, Backend.S3_ONLY}) {
                try (Workload library = HttpWorkloads.open(backend, Side.LIBRARY, servers, s3, dynamoDb);
                     Workload baseline = HttpWorkloads.open(backend, Side.BASELINE, servers, s3, dynamoDb)) {
                    measure(backend, library, baseline, timings);
                }
            }
        }
        return timings;
    }

    private void measure(Backend backend, Workload library, Workload baseline, Map<Cell, Timing> timings)
            throws Exception {
        System.out.println("   " + backend.label() + ": warm-up");
        for (Operation operation : Operation.values()) {
            for (int i = 0; i < warmups; i++) {
                for (Workload workload : new Workload[] {library, baseline}) {
                    operation.prepare(workload);
                    operation.run(workload);
                }
            }
        }
        for (Operation operation : Operation.values()) {
            System.out.println("   " + backend.label() + ": " + operation.label());
            long[][] libraryNanos = new long[rounds][];
            long[][] baselineNanos = new long[rounds][];
            for (int round = 0; round < rounds; round++) {
                libraryNanos[round] = time(operation, library);
                baselineNanos[round] = time(operation, baseline);
            }
            timings.put(new Cell(backend, operation, Side.LIBRARY), Timing.of(new Samples(concat(libraryNanos))));
            timings.put(new Cell(backend, operation, Side.BASELINE), Timing.of(new Samples(concat(baselineNanos))));
        }
    }

    private long[] time(Operation operation, Workload workload) throws Exception {
        return Stopwatch.time(0, samplesPerRound, () -> operation.prepare(workload), () -> operation.run(workload))
                .nanos();
    }

    private static long[] concat(long[][] parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
    }
}
