package io.versioned.bench.operations;

import java.util.Optional;

/**
 * Where the timed publishes of a workload go: the artifact and the number of the coming publish, moving to a fresh
 * artifact every {@link Fixture#PUBLISHES_PER_ARTIFACT} publishes so that no artifact grows during a run.
 */
final class PublishRotation {

    private int artifact;
    private int publishes;

    /**
     * Counts the coming publish. Returns the artifact just finished when this publish moves to a fresh one, so the
     * caller can remove it; empty otherwise.
     */
    Optional<String> advance() {
        Optional<String> finished = Optional.empty();
        if (publishes == Fixture.PUBLISHES_PER_ARTIFACT) {
            finished = Optional.of(artifact());
            artifact++;
            publishes = 0;
        }
        publishes++;
        return finished;
    }

    /** The artifact of the coming publish. */
    String artifact() {
        return Fixture.publishArtifact(artifact);
    }

    /** The number of the coming publish in its artifact, from 1. */
    int number() {
        return publishes;
    }
}
