package io.versioned.bench.operations;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The JMH benchmarks of the in-process backends: one method per {@link Operation}, run for every backend and side
 * given by the parameters of {@link WorkloadState}. {@link InProcessMeasurement} runs them; they are not meant to be
 * run alone. Each returns the operation's result, so JMH keeps the work.
 */
public class InProcessBenchmarks {

    /** {@link Operation#RESOLVE_READ_SMALL}. */
    @Benchmark
    public byte[] resolveAndReadSmall(WorkloadState state) throws Exception {
        return state.workload.resolveAndRead(Fixture.SMALL);
    }

    /** {@link Operation#RESOLVE_READ_LARGE}. */
    @Benchmark
    public byte[] resolveAndReadLarge(WorkloadState state) throws Exception {
        return state.workload.resolveAndRead(Fixture.LARGE);
    }

    /** {@link Operation#PUT}. */
    @Benchmark
    public Object put(WorkloadState state) throws Exception {
        return state.workload.put();
    }

    /** {@link Operation#PUBLISH}, each of a new LATEST. */
    @Benchmark
    public Object publish(PublishState state) throws Exception {
        return state.workload.publish();
    }

    /** {@link Operation#PUT_ALIAS}. */
    @Benchmark
    public Object switchAlias(WorkloadState state) throws Exception {
        return state.workload.switchAlias();
    }

    /** {@link Operation#LIST_VERSIONS}. */
    @Benchmark
    public List<?> listVersions(WorkloadState state) throws Exception {
        return state.workload.listVersions();
    }
}
