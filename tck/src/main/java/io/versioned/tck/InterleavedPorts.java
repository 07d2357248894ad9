package io.versioned.tck;

import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ports that pass every call through to other ports and, once, run another writer's {@code action} just before
 * the first call of a chosen port method, so a contract test can put a concurrent change at an exact point of
 * an operation, deterministically and on one thread. The action should use a repository on the undecorated
 * ports, so its own calls do not count. A default method of a port (such as {@code MetadataPort.writeAlias}) runs
 * as the interface defines it, through the decorated calls, even where the adapter overrides it with a
 * transaction: so the action can land between its calls on every backend.
 */
final class InterleavedPorts {

    private final AtomicBoolean pending = new AtomicBoolean(true);
    private final String call;
    private final Runnable action;
    private final StorePorts ports;

    /**
     * @param delegate the ports to pass calls to
     * @param call     the port method before whose first call {@code action} runs, as {@code Port.method}, e.g.
     *                 {@code "MetadataPort.updateVersion"}
     * @param action   the interleaved change
     */
    InterleavedPorts(StorePorts delegate, String call, Runnable action) {
        this.call = call;
        this.action = action;
        this.ports = new StorePorts(interleaved(BlobPort.class, delegate.blobs()),
                interleaved(MetadataPort.class, delegate.metadata()));
    }

    /** The decorated ports, to build a repository on. */
    StorePorts ports() {
        return ports;
    }

    /** Whether the action has run. */
    boolean ran() {
        return !pending.get();
    }

    private <T> T interleaved(Class<T> port, T delegate) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            if (call.equals(port.getSimpleName() + "." + method.getName()) && pending.compareAndSet(true, false)) {
                action.run();
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(self, method, args);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return port.cast(proxy);
    }
}
