package io.versioned.bench.operations;

import java.util.Arrays;

/**
 * The timed operations, in report order, each with the {@link InProcessBenchmarks} method that times it under JMH
 * and how the harness runs it on a {@link Workload}.
 */
enum Operation {
    RESOLVE_READ_SMALL("resolve + read, 1 KiB", "resolveAndReadSmall") {
        @Override
        Object run(Workload workload) throws Exception {
            return workload.resolveAndRead(Fixture.SMALL);
        }
    },
    RESOLVE_READ_LARGE("resolve + read, 1 MiB", "resolveAndReadLarge") {
        @Override
        Object run(Workload workload) throws Exception {
            return workload.resolveAndRead(Fixture.LARGE);
        }
    },
    PUT("put of new content, 1 KiB", "put") {
        @Override
        Object run(Workload workload) throws Exception {
            return workload.put();
        }
    },
    PUBLISH("publish", "publish") {
        @Override
        void prepare(Workload workload) throws Exception {
            workload.prepareLatest();
        }

        @Override
        Object run(Workload workload) throws Exception {
            return workload.publish();
        }
    },
    PUT_ALIAS("putAlias (switch between two versions)", "switchAlias") {
        @Override
        Object run(Workload workload) throws Exception {
            return workload.switchAlias();
        }
    },
    LIST_VERSIONS("listArtifactVersions (" + Fixture.LISTED_VERSIONS + " versions + LATEST)", "listVersions") {
        @Override
        Object run(Workload workload) throws Exception {
            return workload.listVersions();
        }
    };

    private final String label;
    private final String benchmarkMethod;

    Operation(String label, String benchmarkMethod) {
        this.label = label;
        this.benchmarkMethod = benchmarkMethod;
    }

    /** The row name in the report. */
    String label() {
        return label;
    }

    /** What must happen, untimed, before each timed run (a new LATEST before a publish); nothing by default. */
    void prepare(Workload workload) throws Exception {
        // nothing to prepare
    }

    /** Runs the operation once and returns its result. */
    abstract Object run(Workload workload) throws Exception;

    /** @throws IllegalArgumentException if no operation is timed by the {@link InProcessBenchmarks} method */
    static Operation byBenchmarkMethod(String method) {
        return Arrays.stream(values()).filter(operation -> operation.benchmarkMethod.equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("method: no operation for '" + method + "'"));
    }
}
