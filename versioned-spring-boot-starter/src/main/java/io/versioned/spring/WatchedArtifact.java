package io.versioned.spring;

import io.versioned.api.Artifact;
import io.versioned.cache.AliasListener;
import io.versioned.cache.AliasWatch;
import io.versioned.cache.LocalAlias;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An alias kept on local disk and followed as it changes ({@code versioned.watch.<id>.*}): {@link #path()} is
 * always the file of its current version, complete and verified, so a request reads the new version as soon as the
 * watch has fetched it, without a restart. Read the path anew for each use; open the file soon (an open file stays
 * readable when the cache evicts it later). Get it from {@link WatchedArtifacts}. Thread-safe.
 */
public final class WatchedArtifact implements AutoCloseable {

    private final String id;
    private final String name;
    private final String alias;
    private final AliasWatch watch;
    private final CountDownLatch firstRead = new CountDownLatch(1);

    /**
     * Starts watching.
     *
     * @param id       the id of the watch in the properties
     * @param watch    the settings
     * @param starter  starts the cache's watch with the listener it is given
     */
    WatchedArtifact(String id, VersionedProperties.Watch watch, Function<AliasListener, AliasWatch> starter) {
        this.id = id;
        this.name = watch.name();
        this.alias = watch.alias();
        this.watch = starter.apply(new AliasListener() {
            @Override
            public void changed(LocalAlias now) {
                firstRead.countDown();
            }
        });
    }

    /** The id of the watch in the properties ({@code versioned.watch.<id>}). */
    public String id() {
        return id;
    }

    /** The artifact watched. */
    public String name() {
        return name;
    }

    /** The alias watched. */
    public String alias() {
        return alias;
    }

    /**
     * The local file of the alias's primary version, as of the last change the watch saw.
     *
     * @throws IllegalStateException if the alias has not been read yet
     */
    public Path path() {
        return current().orElseThrow(this::notRead).primaryFile();
    }

    /**
     * The local file of the version the alias routes {@code routingKey} to (for a canary split).
     *
     * @throws IllegalStateException if the alias has not been read yet
     */
    public Path path(String routingKey) {
        return watch.path(routingKey);
    }

    /**
     * The version {@link #path()} holds.
     *
     * @throws IllegalStateException if the alias has not been read yet
     */
    public Artifact artifact() {
        return current().orElseThrow(this::notRead).primary();
    }

    /** The alias with its local files as of the last change seen; empty until it was read once. */
    public Optional<LocalAlias> current() {
        return watch.current();
    }

    /**
     * Waits until the alias was read once.
     *
     * @param timeout how long to wait at most
     * @return true if it was read, false if the time ran out first
     */
    public boolean awaitFirstRead(Duration timeout) {
        try {
            return firstRead.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops watching. */
    @Override
    public void close() {
        watch.close();
    }

    private IllegalStateException notRead() {
        return new IllegalStateException("versioned.watch." + id + ": " + name + "/" + alias
                + " has not been read yet");
    }
}
