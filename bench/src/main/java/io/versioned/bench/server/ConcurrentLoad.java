package io.versioned.bench.server;

import io.versioned.bench.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one operation from {@code clients} threads at once, each calling it {@code calls} times in a row, and
 * measures each call and the whole run. A call that throws counts as an error (and is not timed).
 */
final class ConcurrentLoad {

    /** One call of the measured work, by client {@code client}, its {@code index}-th. */
    @FunctionalInterface
    interface Call {
        void run(int client, int index) throws Exception;
    }

    /**
     * What a run measured.
     *
     * @param latencies  the duration of each call that succeeded
     * @param wallNanos  from the first call's start to the last call's end
     * @param calls      the calls made
     * @param errors     the calls that threw
     * @param firstError the first error's description, empty when none
     */
    record Result(Samples latencies, long wallNanos, int calls, int errors, String firstError) {

        /** Calls per second over the whole run. */
        double throughput() {
            return calls / (wallNanos / 1e9);
        }
    }

    private ConcurrentLoad() {
    }

    static Result run(int clients, int calls, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger errors = new AtomicInteger();
            List<String> firstError = new ArrayList<>();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                futures.add(threads.submit(() -> {
                    long[] nanos = new long[calls];
                    start.await();
                    for (int i = 0; i < calls; i++) {
                        long began = System.nanoTime();
                        try {
                            call.run(id, i);
                            nanos[i] = System.nanoTime() - began;
                        } catch (Exception e) {
                            nanos[i] = -1;
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError.isEmpty()) {
                                    firstError.add(e.toString());
                                }
                            }
                        }
                    }
                    return nanos;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<long[]> future : futures) {
                for (long nanos : future.get()) {
                    if (nanos >= 0) {
                        all.add(nanos);
                    }
                }
            }
            long wall = System.nanoTime() - began;
            long[] latencies = all.isEmpty() ? new long[] {wall} : all.stream().mapToLong(Long::longValue).toArray();
            return new Result(new Samples(latencies), wall, clients * calls, errors.get(),
                    firstError.isEmpty() ? "" : firstError.get(0));
        } finally {
            threads.shutdownNow();
        }
    }
}
