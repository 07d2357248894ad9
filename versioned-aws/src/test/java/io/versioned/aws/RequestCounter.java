package io.versioned.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests a client really sends, by operation name ({@code GetItem}, {@code PutObject}, ...): one
 * entry per transmission, so an SDK retry would count as a request of its own. It observes, it changes nothing.
 * Thread-safe.
 */
final class RequestCounter implements ExecutionInterceptor {

    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** How many requests of each operation were sent since construction or the last {@link #clear()}. */
    RequestCounts counts() {
        return RequestCounts.of(sent.toArray(String[]::new));
    }

    /** The requests {@code operation} sent: counts from zero, then runs it. */
    RequestCounts measure(Runnable operation) {
        clear();
        operation.run();
        return counts();
    }

    /** Forgets the requests counted so far. */
    void clear() {
        sent.clear();
    }
}
