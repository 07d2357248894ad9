package io.versioned.embedded;

import java.util.ArrayList;
import java.util.List;

/** Looks through the cause chain of a failure. */
final class FailureChains {

    private FailureChains() {
    }

    /** Whether {@code failure} or one of its causes is a {@code type}. */
    static boolean contains(Throwable failure, Class<? extends Throwable> type) {
        return chain(failure).stream().anyMatch(type::isInstance);
    }

    /** The chain as {@code Type: message <- Cause: message <- ...}, for assertion messages. */
    static String describe(Throwable failure) {
        return String.join(" <- ", chain(failure).stream().map(Throwable::toString).toList());
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
