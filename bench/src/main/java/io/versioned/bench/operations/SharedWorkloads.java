package io.versioned.bench.operations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads of a quick run, which runs JMH in this JVM (no fork): each is set up once and serves every
 * benchmark of its backend and side, instead of being set up again for each of them, which would cost the quick run
 * most of its time. A full run forks a JVM per benchmark and does not use this.
 */
final class SharedWorkloads {

    private record Key(Backend backend, Side side) {
    }

    private static final Map<Key, Workload> OPEN = new LinkedHashMap<>();

    private SharedWorkloads() {
    }

    /** The workload of {@code side} on {@code backend}, set up on first use. */
    static synchronized Workload get(Backend backend, Side side, Path scratch) throws Exception {
        Key key = new Key(backend, side);
        Workload workload = OPEN.get(key);
        if (workload == null) {
            workload = InProcessWorkloads.open(backend, side, scratch);
            OPEN.put(key, workload);
        }
        return workload;
    }

    /** Closes every shared workload; the first failure is thrown once all were tried. */
    static synchronized void closeAll() throws IOException {
        List<Workload> workloads = new ArrayList<>(OPEN.values());
        OPEN.clear();
        IOException failure = null;
        for (Workload workload : workloads) {
            try {
                workload.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
