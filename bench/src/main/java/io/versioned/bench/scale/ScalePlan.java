package io.versioned.bench.scale;

import java.time.Duration;

/**
 * How the Scale section is sized.
 *
 * @param smallVersions     versions of the smaller artifact (the baseline)
 * @param largeVersions     versions of the larger artifact
 * @param smallNames        artifacts in the smaller repository (the baseline of listArtifactNames)
 * @param largeNames        artifacts in the larger repository
 * @param listWarmups       untimed listArtifactVersions (and listArtifactNames) calls before the timed ones
 * @param listIterations    timed listArtifactVersions (and listArtifactNames) calls
 * @param resolveWarmups    untimed resolves before the timed ones
 * @param resolveIterations timed resolves
 * @param purgeCalls        timed purges per artifact, which together purge half of the smaller artifact
 * @param apiBudget         how long each artifact is filled through the API before the rest is written below it
 * @param writerThreads     threads writing below the API, and putting artifacts
 */
record ScalePlan(int smallVersions, int largeVersions, int smallNames, int largeNames, int listWarmups,
                 int listIterations, int resolveWarmups, int resolveIterations, int purgeCalls, Duration apiBudget,
                 int writerThreads) {

    ScalePlan {
        if (smallVersions < 2 || largeVersions <= smallVersions || smallNames < 1 || largeNames <= smallNames) {
            throw new IllegalArgumentException("sizes: need 2 <= smallVersions < largeVersions and 1 <= smallNames "
                    + "< largeNames");
        }
        if (purgeCalls < 1 || smallVersions / 2 < purgeCalls) {
            throw new IllegalArgumentException("purgeCalls: must be from 1 to half of smallVersions, got "
                    + purgeCalls);
        }
    }

    /** How many versions each timed purge removes: together, half of the smaller artifact. */
    int purgedPerCall() {
        return smallVersions / 2 / purgeCalls;
    }
}
