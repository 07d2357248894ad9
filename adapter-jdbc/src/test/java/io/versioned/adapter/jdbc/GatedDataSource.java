package io.versioned.adapter.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A data source that runs {@code beforeRequest} before every statement its connections execute, so a test can
 * put another client's write between two statements of one port call (the TCK's {@code storeGate()}).
 * Everything else passes through.
 */
final class GatedDataSource {

    private GatedDataSource() {
    }

    static DataSource of(DataSource delegate, Runnable beforeRequest) {
        return proxy(DataSource.class, delegate, beforeRequest);
    }

    private static <T> T proxy(Class<T> type, Object delegate, Runnable beforeRequest) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (Statement.class.isAssignableFrom(type) && method.getName().startsWith("execute")) {
                beforeRequest.run();
            }
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> returned = method.getReturnType();
            boolean wrapped = returned == Connection.class || Statement.class.isAssignableFrom(returned);
            return wrapped && result != null ? proxy(returned, result, beforeRequest) : result;
        });
        return type.cast(proxy);
    }
}
