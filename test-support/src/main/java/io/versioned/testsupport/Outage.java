package io.versioned.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An SDK interceptor that, once {@link #begin() begun}, sends every request of its client to a local port
 * nobody listens on, so each call fails as it would when the store went away (connection refused, after the
 * SDK's own retries). Until then it changes nothing. The TCK's {@code breakStore()} hook of the AWS backends.
 */
public final class Outage implements ExecutionInterceptor {

    private final int closedPort = closedPort();
    private volatile boolean down;

    /** From now on, every request of the client fails to connect. */
    public void begin() {
        down = true;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        return down ? request.toBuilder().protocol("http").host("127.0.0.1").port(closedPort).build() : request;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
