package io.versioned.bench.scale;

import io.versioned.api.PurgeResult;
import io.versioned.api.Repository;
import io.versioned.bench.Stopwatch;
import java.time.Duration;

/**
 * One purge of the oldest {@code perCall} live versions of an artifact per run: {@code purgeArtifactVersions(name,
 * keepLastN = live - perCall, Duration.ZERO)}. It keeps count of the live versions, so each run purges the next
 * oldest ones; a run that purges another number throws. Not thread-safe.
 */
final class PurgeStep implements Stopwatch.Action {

    private final Repository repository;
    private final String name;
    private final int perCall;
    private int live;

    /**
     * @param live    how many numbered versions of {@code name} are live now
     * @param perCall how many each run purges
     */
    PurgeStep(Repository repository, String name, int live, int perCall) {
        this.repository = repository;
        this.name = name;
        this.live = live;
        this.perCall = perCall;
    }

    @Override
    public void run() {
        PurgeResult result = repository.purgeArtifactVersions(name, live - perCall, Duration.ZERO);
        if (result.purged().size() != perCall) {
            throw new IllegalStateException("purge of " + name + " keeping " + (live - perCall) + " removed "
                    + result.purged().size() + " versions, not " + perCall);
        }
        live -= perCall;
    }
}
