package io.versioned.cache;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an alias: polls it on a thread of its own, first at once, then every interval (each wait varies by up
 * to 10 % so that many consumers do not ask at the same moment). When the alias changed, its target versions are
 * read into the cache first (complete and verified), then {@link #current()} switches and the listener is called
 * with the local files. A failed poll keeps the previous state, is passed to {@link AliasListener#failed} and
 * logged, and doubles the wait up to eight intervals; a good poll goes back to the interval. {@link #close()}
 * stops the polling and ends the thread.
 */
public final class AliasWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AliasWatch.class);
    private static final int MAX_BACKOFF = 8;

    private final CachingRepository repository;
    private final String name;
    private final String alias;
    private final Duration interval;
    private final AliasListener listener;
    private final ScheduledExecutorService executor;
    private final AtomicReference<LocalAlias> current = new AtomicReference<>();
    private int failures;

    AliasWatch(CachingRepository repository, String name, String alias, Duration interval, AliasListener listener) {
        if (name == null || alias == null || listener == null) {
            throw new IllegalArgumentException("name, alias, listener: must not be null");
        }
        if (interval == null || interval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("interval: must be at least 10 ms, got " + interval);
        }
        this.repository = repository;
        this.name = name;
        this.alias = alias;
        this.interval = interval;
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "versioned-watch-" + name + "-" + alias);
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::poll);
    }

    /** The alias with its local files as of the last change seen; empty until the first poll succeeded. */
    public Optional<LocalAlias> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * The file for {@code routingKey} as of the last change seen ({@link LocalAlias#path}).
     *
     * @throws IllegalStateException if no poll has succeeded yet
     */
    public Path path(String routingKey) {
        return current().orElseThrow(() -> new IllegalStateException(
                "watch: " + name + "/" + alias + " has not been read yet")).path(routingKey);
    }

    /** The executor the polls run on, so tests can check it ended. */
    ExecutorService executor() {
        return executor;
    }

    /** Stops polling and waits up to 10 s for a poll under way to end. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        try {
            Alias now = repository.freshAlias(name, alias);
            LocalAlias before = current.get();
            if (before == null || !before.alias().target().equals(now.target())
                    || before.alias().revision() != now.revision()) {
                LocalAlias fetched = fetch(now);
                current.set(fetched);
                listener.changed(fetched);
            }
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            LOG.warn("versioned watch {}/{}: poll failed ({} in a row): {}", name, alias, failures, e.toString());
            try {
                listener.failed(e);
            } catch (RuntimeException listenerFailure) {
                LOG.warn("versioned watch {}/{}: the listener failed: {}", name, alias, listenerFailure.toString());
            }
        }
        if (!executor.isShutdown()) {
            long base = interval.toNanos() * (1L << Math.min(failures, 3));
            long wait = Math.min(base, interval.toNanos() * MAX_BACKOFF);
            long jitter = (long) (wait * 0.1 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
            try {
                executor.schedule(this::poll, wait + jitter, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closed meanwhile
            }
        }
    }

    private LocalAlias fetch(Alias now) {
        Artifact primary = repository.getArtifactVersion(name, now.version());
        Path primaryFile = repository.file(primary);
        Optional<Artifact> secondary = now.secondaryVersion().map(v -> repository.getArtifactVersion(name, v));
        Optional<Path> secondaryFile = secondary.map(repository::file);
        return new LocalAlias(now, primary, primaryFile, secondary, secondaryFile);
    }
}
