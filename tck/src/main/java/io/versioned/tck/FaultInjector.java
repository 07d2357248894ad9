package io.versioned.tck;

import io.versioned.api.BackendException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Counts the port calls of a scenario and fails the k-th one, either before it reaches the store or after it
 * took effect (the "outcome unknown" case), the way a store failure or a lost response would.
 */
final class FaultInjector {

    /** When the injected failure happens relative to the call's effect. */
    enum Mode { BEFORE_EFFECT, AFTER_EFFECT }

    private final AtomicInteger calls = new AtomicInteger();
    private final int failingCall;
    private final Mode mode;

    /** @param failingCall the 1-based call to fail; 0 fails nothing (for counting) */
    FaultInjector(int failingCall, Mode mode) {
        this.failingCall = failingCall;
        this.mode = mode;
    }

    /** Runs a port call, failing it if it is the chosen one. */
    <T> T call(String description, Supplier<T> portCall) {
        return call(description, portCall, result -> { });
    }

    /**
     * Runs a port call, failing it if it is the chosen one; a result the caller will never see because the
     * failure came after the effect is handed to {@code discard} (to close a stream, say).
     */
    <T> T call(String description, Supplier<T> portCall, Consumer<T> discard) {
        boolean fail = calls.incrementAndGet() == failingCall;
        if (fail && mode == Mode.BEFORE_EFFECT) {
            throw injected(description);
        }
        T result = portCall.get();
        if (fail) {
            discard.accept(result);
            throw injected(description);
        }
        return result;
    }

    /** Like {@link #call(String, Supplier)} for calls without a result. */
    void run(String description, Runnable portCall) {
        call(description, () -> {
            portCall.run();
            return null;
        });
    }

    /** How many port calls were made so far. */
    int calls() {
        return calls.get();
    }

    private BackendException injected(String description) {
        return new BackendException("injected fault " + mode + " call " + failingCall + " (" + description + ")",
                null, true);
    }
}
