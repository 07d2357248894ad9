package io.versioned.adapter.s3only;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every HTTP request the client sends (retries included), by S3 operation name. Thread-safe. */
final class RequestCounter implements ExecutionInterceptor {

    private final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** Forgets what was recorded. */
    void reset() {
        operations.clear();
    }

    /** The operations sent since the last {@link #reset()}, in order. */
    List<String> operations() {
        return List.copyOf(operations);
    }

    /** The number of requests of {@code action} sent since the last {@link #reset()}, for each operation. */
    Map<String, Integer> count(Runnable action) {
        reset();
        action.run();
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        operations().forEach(operation -> counts.merge(operation, 1, Integer::sum));
        return Map.copyOf(counts);
    }
}
