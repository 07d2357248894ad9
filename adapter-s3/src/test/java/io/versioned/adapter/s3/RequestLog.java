package io.versioned.adapter.s3;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every HTTP request a client really sends (operation name and headers), to count round trips and check
 * headers. It observes requests, it changes nothing.
 */
final class RequestLog implements ExecutionInterceptor {

    /** One request as sent. */
    record Sent(String operation, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                context.httpRequest().headers()));
    }

    List<Sent> requests() {
        return List.copyOf(sent);
    }

    List<String> operations() {
        return sent.stream().map(Sent::operation).toList();
    }

    long count(String operation) {
        return sent.stream().filter(s -> s.operation().equals(operation)).count();
    }

    List<Sent> of(String operation) {
        return sent.stream().filter(s -> s.operation().equals(operation)).toList();
    }

    void clear() {
        sent.clear();
    }
}
