package io.versioned.bench.scale;

import io.versioned.api.Repository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Fills a repository with artifacts, one put each through the public API, several threads at a time. */
final class NamePopulator {

    private final Repository repository;
    private final int threads;

    NamePopulator(Repository repository, int threads) {
        this.repository = repository;
        this.threads = threads;
    }

    /** The name of the {@code index}-th artifact. */
    static String name(int index) {
        return String.format(Locale.ROOT, "artifact-%05d", index);
    }

    /**
     * Puts artifacts {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @throws Exception if a put failed
     */
    Population populate(int from, int to) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int index = from; index < to; index++) {
                String name = name(index);
                futures.add(pool.submit(() -> repository.putArtifact(name,
                        ("versioned bench scale: " + name + "\n").getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Population(to - from, to - from, System.nanoTime() - start, 0);
    }
}
