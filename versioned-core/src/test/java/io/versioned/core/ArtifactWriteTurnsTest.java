package io.versioned.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArtifactWriteTurnsTest {

    private final ArtifactWriteTurns turns = new ArtifactWriteTurns();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void writesOfOneNameNeverOverlapAndTheNameIsDroppedAfterwards() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        int[] unguarded = {0};
        List<Future<?>> writers = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            writers.add(threads.submit(() -> {
                for (int write = 0; write < 500; write++) {
                    turns.inTurn("model", () -> {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        unguarded[0]++;
                        Thread.yield();
                        inside.decrementAndGet();
                    });
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        assertThat(mostInside.get()).as("writes of one name in their turns at once").isEqualTo(1);
        assertThat(unguarded[0]).as("increments made in turns, none lost").isEqualTo(8 * 500);
        assertThat(turns.namesInUse()).as("names kept after every writer left").isZero();
    }

    @Test
    void aWriteOfAnotherNameDoesNotWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdTurn("model", release);
        Future<String> other = threads.submit(() -> turns.inTurn("config", () -> "written"));
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("written");
        assertThat(turns.namesInUse()).isEqualTo(1);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(turns.namesInUse()).isZero();
    }

    @Test
    void aTurnIsReentrant() {
        assertThat(turns.inTurn("model", () -> turns.inTurn("model", () -> "nested"))).isEqualTo("nested");
        assertThat(turns.namesInUse()).isZero();
    }

    @Test
    void aFailingWriteEndsItsTurn() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try {
            turns.inTurn("model", () -> {
                throw new IllegalStateException("store down");
            });
        } catch (IllegalStateException e) {
            thrown.set(e);
        }
        assertThat(thrown.get()).hasMessage("store down");
        assertThat(threads.submit(() -> turns.inTurn("model", () -> "next")).get(10, TimeUnit.SECONDS))
                .isEqualTo("next");
        assertThat(turns.namesInUse()).isZero();
    }

    @Test
    void aWriterInterruptedWhileWaitingWritesNothingAndKeepsItsInterruptStatus() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdTurn("model", release);
        AtomicBoolean written = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                turns.inTurn("model", () -> written.set(true));
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiter.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(waiter.getState()).as("the second writer waits for its turn").isEqualTo(Thread.State.WAITING);
        waiter.interrupt();
        waiter.join(10_000);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(thrown.get()).isInstanceOf(BackendException.class)
                .hasMessageContaining("interrupted while waiting for another write of model");
        assertThat(((BackendException) thrown.get()).isRetryable()).isFalse();
        assertThat(stillInterrupted).isTrue();
        assertThat(written).isFalse();
        assertThat(turns.namesInUse()).isZero();
    }

    /** Starts a writer that holds the turn of {@code name} until {@code release}; returns once it holds it. */
    private Future<?> holdTurn(String name, CountDownLatch release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> turns.inTurn(name, () -> {
            holding.countDown();
            await(release);
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).as("the writer holding the turn started").isTrue();
        return holder;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
