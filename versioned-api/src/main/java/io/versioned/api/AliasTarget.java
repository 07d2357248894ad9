package io.versioned.api;

import java.util.Objects;
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

    public AliasTarget {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(secondaryVersion, "secondaryVersion");
        if (secondaryVersion.isEmpty() && secondaryVersionWeight != 0) {
            throw new IllegalArgumentException("secondaryVersionWeight: must be 0 when there is no secondary version");
        }
        if (secondaryVersionWeight < 0 || secondaryVersionWeight > 99) {
            throw new IllegalArgumentException(
                    "secondaryVersionWeight: must be from 0 to 99, got " + secondaryVersionWeight);
        }
    }

    /** A target that sends all traffic to {@code version}. */
    public static AliasTarget of(Version version) {
        return new AliasTarget(version, Optional.empty(), 0);
    }

    /**
     * The version that receives traffic bucket {@code bucket} (0 to 99): the secondary for buckets below
     * the weight, otherwise the primary.
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
