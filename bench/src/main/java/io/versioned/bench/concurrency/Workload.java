package io.versioned.bench.concurrency;

/**
 * Which artifact each cycle of a concurrency run works on. Every thread moves to a fresh artifact every
 * {@code cyclesPerArtifact} cycles, so the number of versions per artifact (whose cost the Scale section measures)
 * stays small and the same in every row; the artifact names say which run and batch they belong to.
 */
public enum Workload {

    /** Each thread works on artifacts no other thread touches: throughput without contention. */
    OWN_ARTIFACTS("own artifact per thread", "throughput: threads never write the same artifact"),

    /** All threads work on the same artifact and alias at a time: contention on one artifact. */
    SHARED_ARTIFACT("one shared artifact", "contention: all threads put, publish and move the alias of one artifact"),

    /**
     * As {@link #SHARED_ARTIFACT}, but each thread has a repository object of its own on the same ports, as separate
     * processes have: the writers do not take turns, and the stores' compare-and-set decides every race.
     */
    SHARED_ARTIFACT_CLIENT_PER_THREAD("one shared artifact, a repository object per thread",
            "contention between clients: as one shared artifact, each thread with its own repository object, as "
                    + "separate processes would be");

    private final String label;
    private final String meaning;

    Workload(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** Whether each thread works through a repository object of its own rather than the backend's one. */
    boolean clientPerThread() {
        return this == SHARED_ARTIFACT_CLIENT_PER_THREAD;
    }

    /** A short name for the report. */
    public String label() {
        return label;
    }

    /** What the workload measures, for the report. */
    public String meaning() {
        return meaning;
    }

    /**
     * The artifact of one cycle.
     *
     * @param thread            the thread's index in the run
     * @param threadCycle       how many cycles the thread started before this one
     * @param runCycle          how many cycles every thread of the run started before this one
     * @param cyclesPerArtifact how many cycles go to one artifact before the next one is used
     */
    String artifact(int thread, long threadCycle, long runCycle, int cyclesPerArtifact) {
        return switch (this) {
            case OWN_ARTIFACTS -> "own-t" + thread + "-b" + threadCycle / cyclesPerArtifact;
            case SHARED_ARTIFACT, SHARED_ARTIFACT_CLIENT_PER_THREAD -> "shared-b" + runCycle / cyclesPerArtifact;
        };
    }
}
