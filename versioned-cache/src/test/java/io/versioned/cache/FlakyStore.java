package io.versioned.cache;

import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A repository that counts the calls it receives and fails them all while {@link #down} is set. */
final class FlakyStore {

    final AtomicInteger calls = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();
    final Repository repository;

    FlakyStore(Repository target) {
        this.repository = (Repository) Proxy.newProxyInstance(Repository.class.getClassLoader(),
                new Class<?>[] {Repository.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class || method.getName().equals("close")) {
                        return method.invoke(target, args);
                    }
                    calls.incrementAndGet();
                    if (down.get()) {
                        throw new BackendException("the store is down (test)", null, true);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
