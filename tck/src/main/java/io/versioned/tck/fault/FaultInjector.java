package io.versioned.tck.fault;

import io.versioned.api.BackendException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Counts the port calls of a scenario and fails those its {@link FaultPolicy} picks, either before they reach the
 * store or after they took effect (the "outcome unknown" case), the way a store failure or a lost response would.
 * The injected failure is a retryable {@link BackendException}. Thread-safe if its policy is.
 */
public final class FaultInjector {

    /** When the injected failure happens relative to the call's effect. */
    public enum Mode {
        /** The call fails before it reaches the store: nothing happened. */
        BEFORE_EFFECT,
        /** The call took effect, then fails, as when the response is lost: the outcome is unknown to the caller. */
        AFTER_EFFECT
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger injectedBefore = new AtomicInteger();
    private final AtomicInteger injectedAfter = new AtomicInteger();
    private final FaultPolicy policy;

    /**
     * Fails one call.
     *
     * @param failingCall the 1-based call to fail; 0 fails nothing (for counting)
     * @param mode        when the call fails
     */
    public FaultInjector(int failingCall, Mode mode) {
        this(FaultPolicy.atCall(failingCall, mode));
    }

    /**
     * Fails the calls {@code policy} picks.
     *
     * @param policy decides which calls fail, and when
     */
    public FaultInjector(FaultPolicy policy) {
        this.policy = policy;
    }

    /**
     * Runs a port call, failing it if the policy picks it.
     *
     * @param description what the call is, for the injected exception's message
     * @param portCall    the call
     * @param <T>         the call's result type
     * @return the call's result
     */
    public <T> T call(String description, Supplier<T> portCall) {
        return call(description, portCall, result -> { });
    }

    /**
     * Runs a port call, failing it if the policy picks it; a result the caller will never see because the
     * failure came after the effect is handed to {@code discard} (to close a stream, say).
     *
     * @param description what the call is, for the injected exception's message
     * @param portCall    the call
     * @param discard     receives a result the caller will never see
     * @param <T>         the call's result type
     * @return the call's result
     */
    public <T> T call(String description, Supplier<T> portCall, Consumer<T> discard) {
        int call = calls.incrementAndGet();
        Optional<Mode> fault = policy.decide(call, description);
        if (fault.isPresent() && fault.get() == Mode.BEFORE_EFFECT) {
            injectedBefore.incrementAndGet();
            throw injected(fault.get(), call, description);
        }
        T result = portCall.get();
        if (fault.isPresent()) {
            discard.accept(result);
            injectedAfter.incrementAndGet();
            throw injected(fault.get(), call, description);
        }
        return result;
    }

    /**
     * Like {@link #call(String, Supplier)} for calls without a result.
     *
     * @param description what the call is, for the injected exception's message
     * @param portCall    the call
     */
    public void run(String description, Runnable portCall) {
        call(description, () -> {
            portCall.run();
            return null;
        });
    }

    /**
     * How many port calls were made so far.
     *
     * @return the number of calls
     */
    public int calls() {
        return calls.get();
    }

    /**
     * How many failures were injected so far in {@code mode}.
     *
     * @param mode before or after the effect
     * @return the number of injected failures
     */
    public int injected(Mode mode) {
        return mode == Mode.BEFORE_EFFECT ? injectedBefore.get() : injectedAfter.get();
    }

    /**
     * How many failures were injected so far, in either mode.
     *
     * @return the number of injected failures
     */
    public int injected() {
        return injectedBefore.get() + injectedAfter.get();
    }

    private static BackendException injected(Mode mode, int call, String description) {
        return new BackendException("injected fault " + mode + " call " + call + " (" + description + ")", null, true);
    }
}
