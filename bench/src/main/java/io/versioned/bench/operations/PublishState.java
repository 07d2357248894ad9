package io.versioned.bench.operations;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH state of the publish benchmark: a {@link WorkloadState} that gives the publish artifact a new LATEST before
 * every invocation, outside the timed region (a publish of an unchanged LATEST would create nothing).
 */
@State(Scope.Benchmark)
public class PublishState extends WorkloadState {

    /** Puts new content as the LATEST the next publish copies. */
    @Setup(Level.Invocation)
    public void freshLatest() throws Exception {
        workload.prepareLatest();
    }
}
