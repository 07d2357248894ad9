package io.versioned.api;

import java.util.Optional;

/**
 * Where an alias points: a primary version and, for a canary, a secondary version that receives
 * {@code secondaryVersionWeight} percent of the traffic.
 *
 * @param version                the primary version
 * @param secondaryVersion       the canary version, if any
 * @param secondaryVersionWeight 0 to 99; 0 when there is no secondary
 */
public record AliasTarget(Version version, Optional<Version> secondaryVersion, int secondaryVersionWeight) {

    /**
     * Checks the target on its own.
     *
     * @param version                the primary version
     * @param secondaryVersion       the canary version, or {@link Optional#empty()} for none
     * @param secondaryVersionWeight 0 to 99; 0 when there is no secondary
     * @throws IllegalArgumentException if {@code version} or {@code secondaryVersion} is null, the weight is outside
     *                                  0..99, or non-zero without a secondary. (That the secondary differs from the
     *                                  primary is checked by {@link Repository#putAlias}.)
     */
    public AliasTarget {
        if (version == null) {
            throw new IllegalArgumentException("version: must not be null");
        }
        if (secondaryVersion == null) {
            throw new IllegalArgumentException("secondaryVersion: must not be null (use Optional.empty())");
        }
        if (secondaryVersion.isEmpty() && secondaryVersionWeight != 0) {
            throw new IllegalArgumentException("secondaryVersionWeight: must be 0 when there is no secondary version");
        }
        if (secondaryVersionWeight < 0 || secondaryVersionWeight > 99) {
            throw new IllegalArgumentException(
                    "secondaryVersionWeight: must be from 0 to 99, got " + secondaryVersionWeight);
        }
    }

    /**
     * A target that sends all traffic to {@code version}.
     *
     * @param version the only version, receiving all traffic
     * @return a target without a secondary, weight 0
     * @throws IllegalArgumentException if {@code version} is null
     */
    public static AliasTarget of(Version version) {
        return new AliasTarget(version, Optional.empty(), 0);
    }

    /**
     * The version that receives traffic bucket {@code bucket} (0 to 99): the secondary for buckets below
     * the weight, otherwise the primary. Buckets outside 0..99 are not refused: below 0 picks the secondary (if
     * any), above 99 the primary.
     *
     * @param bucket the traffic bucket, normally {@link Routing#bucket} or a random number from 0 to 99
     * @return the secondary or the primary version, never null
     */
    public Version pick(int bucket) {
        return secondaryVersion.filter(secondary -> bucket < secondaryVersionWeight).orElse(version);
    }

    @Override
    public String toString() {
        return secondaryVersion.map(s -> version + " (" + secondaryVersionWeight + "% to " + s + ")")
                .orElse(version.toString());
    }
}
