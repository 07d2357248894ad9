package io.versioned.testsupport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK interceptor that records the HTTP requests a client really sends, by operation name ({@code GetItem},
 * {@code PutObject}, ...): one entry per transmission, so an SDK retry counts as a request of its own. It
 * observes, it changes nothing. Thread-safe; one counter may serve several clients.
 */
public final class RequestCounter implements ExecutionInterceptor {

    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** The operations sent since construction or the last {@link #clear()}, in the order sent. */
    public List<String> operations() {
        return List.copyOf(sent);
    }

    /**
     * How many requests of each operation were sent since construction or the last {@link #clear()}; operations
     * without requests are absent. The map is immutable.
     */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        sent.forEach(operation -> counts.merge(operation, 1, Integer::sum));
        return Map.copyOf(counts);
    }

    /** The {@link #counts()} of the requests {@code action} sends: clears the counter, then runs it. */
    public Map<String, Integer> measure(Runnable action) {
        clear();
        action.run();
        return counts();
    }

    /** Forgets the requests recorded so far. */
    public void clear() {
        sent.clear();
    }
}
