package io.versioned.tck.fault;

import java.util.Optional;

/**
 * Decides, for each port call a {@link FaultInjector} runs, whether the call fails and when: before it reaches the
 * store, or after it took effect (the outcome-unknown case). An injector asks once per call, from the thread making
 * the call.
 */
public interface FaultPolicy {

    /**
     * Whether and when call number {@code call} fails.
     *
     * @param call        the 1-based number of this call among the injector's calls
     * @param description what the call is, for the injected exception's message
     * @return empty to let the call through unharmed, or when to fail it
     */
    Optional<FaultInjector.Mode> decide(int call, String description);

    /**
     * Fails exactly call {@code failingCall} (1-based) in {@code mode}; 0 fails nothing (for counting calls).
     *
     * @param failingCall the 1-based call to fail, or 0
     * @param mode        when it fails
     * @return the policy
     */
    static FaultPolicy atCall(int failingCall, FaultInjector.Mode mode) {
        return (call, description) -> call == failingCall ? Optional.of(mode) : Optional.empty();
    }
}
