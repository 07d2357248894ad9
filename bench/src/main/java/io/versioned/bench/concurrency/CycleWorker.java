package io.versioned.bench.concurrency;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.bench.backend.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * One thread of a concurrency run. A cycle puts new content (unique to this thread and cycle) to the artifact the
 * {@link Workload} names, publishes it, points the alias {@value #ALIAS} at the published version and resolves the
 * alias; each acknowledgement goes to the {@link Ledger}. Calls go through the {@link Retrier}. Used by one thread at
 * a time; its cycle count carries over from one window to the next.
 */
final class CycleWorker {

    /** The alias every cycle moves. */
    static final String ALIAS = "live";

    /** What one window of cycles did. */
    record Window(int cycles, long[] cycleNanos, long endNanos) {
    }

    private final int thread;
    private final Repository repository;
    private final Workload workload;
    private final int cyclesPerArtifact;
    private final AtomicLong runCycles;
    private final Ledger ledger;
    private final Retrier retrier;
    private long threadCycles;

    CycleWorker(int thread, Repository repository, Workload workload, int cyclesPerArtifact, AtomicLong runCycles,
                Ledger ledger, Retrier retrier) {
        this.thread = thread;
        this.repository = repository;
        this.workload = workload;
        this.cyclesPerArtifact = cyclesPerArtifact;
        this.runCycles = runCycles;
        this.ledger = ledger;
        this.retrier = retrier;
    }

    /** Runs whole cycles until {@code deadlineNanos} ({@link System#nanoTime()}) has passed. */
    Window runUntil(long deadlineNanos) {
        LongStream.Builder nanos = LongStream.builder();
        int cycles = 0;
        long now = System.nanoTime();
        while (now < deadlineNanos) {
            cycle();
            long end = System.nanoTime();
            nanos.add(end - now);
            now = end;
            cycles++;
        }
        return new Window(cycles, nanos.build().toArray(), now);
    }

    /** Runs one cycle. */
    void cycle() {
        long cycle = threadCycles++;
        String name = workload.artifact(thread, cycle, runCycles.getAndIncrement(), cyclesPerArtifact);
        byte[] content = ("versioned bench concurrency: thread " + thread + ", cycle " + cycle + "\n")
                .getBytes(StandardCharsets.UTF_8);
        String sha256 = Hashes.sha256(content);
        ledger.attempting(sha256);
        Artifact put = retrier.call(() -> repository.putArtifact(name, content));
        ledger.put(new Ledger.PutAck(thread, name, sha256, same(put.sha256(), sha256)));
        Artifact published = retrier.call(() -> repository.publishArtifactVersion(name));
        String publishedSha256 = same(published.sha256(), sha256);
        ledger.published(new Ledger.PublishAck(thread, name, published.version(), publishedSha256, sha256));
        Alias alias = retrier.call(() -> repository.putAlias(name, ALIAS, published.version()));
        ledger.aliased(new Ledger.AliasAck(thread, name, ALIAS, published.version(), alias.version(),
                alias.revision()));
        Artifact resolved = retrier.call(() -> repository.resolve(name, ALIAS));
        ledger.resolved(new Ledger.ResolveSeen(thread, name, ALIAS, resolved.version(),
                same(resolved.sha256(), publishedSha256)));
    }

    /**
     * {@code text}, or {@code known} when they are equal: the ledger then keeps one string for the many equal hashes
     * of a cycle, which matters on the in-memory backend, where a run records hundreds of thousands of cycles.
     */
    private static String same(String text, String known) {
        return text.equals(known) ? known : text;
    }
}
