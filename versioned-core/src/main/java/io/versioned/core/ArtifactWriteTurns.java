package io.versioned.core;

import io.versioned.api.BackendException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Gives the record writes that one repository object makes to one artifact their turn, one at a time (a lock per
 * artifact name; not a fair one, since a fair lock hands over through a context switch, which costs more than a
 * write to an in-memory store). Writers of the same artifact in one process then never lose a
 * compare-and-set race to each other, so none of them throws its reads and writes away and pauses to try again;
 * writers of different artifacts never wait for each other. Writers in other processes (or on other repository
 * objects) are kept apart by the stores' compare-and-set alone, as before: a turn is an optimisation, never a
 * guarantee any rule depends on. Turns are reentrant, and a name's lock is dropped when no writer holds or waits for
 * it. Thread-safe.
 */
final class ArtifactWriteTurns {

    private static final class Turn {
        private final ReentrantLock lock = new ReentrantLock();
        private int users;
    }

    private final ConcurrentHashMap<String, Turn> turns = new ConcurrentHashMap<>();

    /**
     * Runs {@code write} when it is its turn among this object's writes of {@code name}, and returns its result.
     *
     * @throws BackendException not retryable when the thread is interrupted while it waits (the interrupt status
     *                          stays set); nothing was written
     */
    <T> T inTurn(String name, Supplier<T> write) {
        Turn turn = turns.compute(name, (key, present) -> {
            Turn used = present == null ? new Turn() : present;
            used.users++;
            return used;
        });
        try {
            lock(name, turn);
            try {
                return write.get();
            } finally {
                turn.lock.unlock();
            }
        } finally {
            turns.computeIfPresent(name, (key, present) -> --present.users == 0 ? null : present);
        }
    }

    /** Runs {@code write} in its turn, as {@link #inTurn(String, Supplier)}. */
    void inTurn(String name, Runnable write) {
        inTurn(name, () -> {
            write.run();
            return null;
        });
    }

    private static void lock(String name, Turn turn) {
        try {
            turn.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for another write of " + name
                    + " in this process to finish; nothing was written", e, false);
        }
    }

    /** How many names have a writer holding or waiting for their turn (for tests). */
    int namesInUse() {
        return turns.size();
    }
}
