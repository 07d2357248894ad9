package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.core.port.PreconditionFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs the same kind of call from several threads released at the same instant and collects every outcome, so a
 * contract test can check how many callers won a conditional write. Blocks until every call returned or failed.
 */
final class Race {

    private static final long TIMEOUT_SECONDS = 60;

    private Race() {
    }

    /**
     * The result of one racer: its index and either the value it returned or the exception it threw.
     *
     * @param index   the racer's index, 0 to {@code racers - 1}
     * @param value   what the call returned; null when it failed (or returned null)
     * @param failure what the call threw; null when it succeeded
     * @param <T>     the call's result type
     */
    record Outcome<T>(int index, T value, Throwable failure) {

        boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Runs {@code call.apply(i)} for i from 0 to {@code racers - 1}, each on its own thread, all started together.
     *
     * @return the outcomes, in racer index order
     * @throws IllegalStateException if a racer does not finish within a minute or the test thread is interrupted
     */
    static <T> List<Outcome<T>> run(int racers, IntFunction<Callable<T>> call) {
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<T> task = call.apply(i);
                futures.add(pool.submit(() -> {
                    awaitStart(start);
                    return task.call();
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                outcomes.add(outcome(i, futures.get(i)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Asserts that exactly one racer succeeded and every other one failed with
     * {@link PreconditionFailedException}, as racing conditional writes must.
     *
     * @return the winner's outcome
     */
    static <T> Outcome<T> soleWinner(List<Outcome<T>> outcomes) {
        assertThat(outcomes).filteredOn(Outcome::succeeded).as("racers that succeeded").hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded()).allSatisfy(
                outcome -> assertThat(outcome.failure()).isInstanceOf(PreconditionFailedException.class));
        return outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow();
    }

    /** Like {@link #run(int, IntFunction)} for calls that return nothing. */
    static List<Outcome<Void>> runAll(int racers, IntFunction<Runnable> call) {
        return run(racers, i -> {
            Runnable runnable = call.apply(i);
            return () -> {
                runnable.run();
                return null;
            };
        });
    }

    private static void awaitStart(CyclicBarrier start) throws InterruptedException {
        try {
            start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the racers could not start together", e);
        }
    }

    private static <T> Outcome<T> outcome(int index, Future<T> future) {
        try {
            return new Outcome<>(index, future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome<>(index, null, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("racer " + index + " did not finish within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for racer " + index, e);
        }
    }
}
