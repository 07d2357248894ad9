package io.versioned.bench.operations;

import java.nio.file.Path;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH state of {@link InProcessBenchmarks}: the {@link Workload} of one side of one in-process backend, set up
 * once per trial (or taken from {@link SharedWorkloads} in a quick run) and tidied between iterations. Public and not
 * final because JMH's generated code extends it.
 */
@State(Scope.Benchmark)
public class WorkloadState {

    /** The {@link Backend#id()} of an in-process backend. */
    @Param({"in-memory", "embedded"})
    public String backend;

    /** The {@link Side#id()}. */
    @Param({"library", "baseline"})
    public String side;

    /** The folder the embedded workloads make theirs in; the run passes the report's scratch folder. */
    @Param({"."})
    public String scratch;

    /** Whether the workload is shared by the benchmarks of a run in one JVM ({@link SharedWorkloads}). */
    @Param({"false"})
    public boolean shared;

    Workload workload;

    /** Makes and sets up the workload, or takes the shared one. */
    @Setup(Level.Trial)
    public void open() throws Exception {
        Backend chosen = Backend.byId(backend);
        workload = shared
                ? SharedWorkloads.get(chosen, Side.byId(side), Path.of(scratch))
                : InProcessWorkloads.open(chosen, Side.byId(side), Path.of(scratch));
    }

    /** Lets the workload clear what the last iteration piled up. */
    @Setup(Level.Iteration)
    public void tidy() throws Exception {
        workload.tidy();
    }

    /** Closes the workload and removes its store, unless it is shared (then the run closes it). */
    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (!shared) {
            workload.close();
        }
    }
}
