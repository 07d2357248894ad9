package io.versioned.tck;

import java.util.Optional;

/**
 * Decides, for each port call a {@link FaultInjector} runs, whether the call fails and when: before it reaches the
 * store, or after it took effect (the outcome-unknown case). An injector asks once per call, from the thread making
 * the call.
 */
interface FaultPolicy {

    /**
     * @param call        the 1-based number of this call among the injector's calls
     * @param description what the call is, for the injected exception's message
     * @return empty to let the call through unharmed, or when to fail it
     */
    Optional<FaultInjector.Mode> decide(int call, String description);

    /** Fails exactly call {@code failingCall} (1-based) in {@code mode}; 0 fails nothing (for counting calls). */
    static FaultPolicy atCall(int failingCall, FaultInjector.Mode mode) {
        return (call, description) -> call == failingCall ? Optional.of(mode) : Optional.empty();
    }
}
