package io.versioned.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A named pointer to a version of an artifact, optionally splitting traffic with a secondary
 * version (a canary).
 *
 * @param name                   the artifact name
 * @param alias                  the alias name
 * @param updateAt               when the alias was last changed (UTC)
 * @param version                the primary version
 * @param secondaryVersion       the canary version, if any
 * @param secondaryVersionWeight percent of traffic (0 to 99) sent to the secondary; 0 when none
 * @param versionUri             where the primary version's bytes live
 * @param secondaryVersionUri    where the secondary version's bytes live, if there is a secondary
 * @param revision               increases by at least one on every change of this alias
 */
public record Alias(String name, String alias, Instant updateAt, Version version, Optional<Version> secondaryVersion,
                    int secondaryVersionWeight, String versionUri, Optional<String> secondaryVersionUri,
                    long revision) {

    /**
     * Checks the components against each other.
     *
     * @param name                   the artifact name
     * @param alias                  the alias name
     * @param updateAt               when the alias was last changed (UTC)
     * @param version                the primary version
     * @param secondaryVersion       the canary version, or {@link Optional#empty()} for none
     * @param secondaryVersionWeight percent of traffic (0 to 99) sent to the secondary; 0 when none
     * @param versionUri             where the primary version's bytes live
     * @param secondaryVersionUri    where the secondary version's bytes live; present exactly with a secondary
     * @param revision               the revision the last change of the alias produced
     * @throws NullPointerException     if {@code name}, {@code alias}, {@code updateAt}, {@code versionUri} or
     *                                  {@code secondaryVersionUri} is null
     * @throws IllegalArgumentException if the target is invalid (see {@link AliasTarget}) or
     *                                  {@code secondaryVersionUri} is present without a secondary version or
     *                                  absent with one
     */
    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(updateAt, "updateAt");
        Objects.requireNonNull(versionUri, "versionUri");
        Objects.requireNonNull(secondaryVersionUri, "secondaryVersionUri");
        new AliasTarget(version, secondaryVersion, secondaryVersionWeight);
        if (secondaryVersion.isPresent() != secondaryVersionUri.isPresent()) {
            throw new IllegalArgumentException("secondaryVersionUri: must be present exactly when secondaryVersion is");
        }
    }

    /**
     * The primary and secondary versions with the weight, without the URIs.
     *
     * @return the target, as passed to {@link Repository#putAlias(String, String, AliasTarget, long)}
     */
    public AliasTarget target() {
        return new AliasTarget(version, secondaryVersion, secondaryVersionWeight);
    }

    /**
     * The version picked at random: the secondary with probability {@code secondaryVersionWeight / 100},
     * otherwise the primary.
     *
     * @return the picked version; different calls may pick differently
     */
    public Version randomVersion() {
        return pick(ThreadLocalRandom.current().nextInt(100));
    }

    /**
     * The URI of a version picked as by {@link #randomVersion()}.
     *
     * @return {@link #versionUri()} or {@link #secondaryVersionUri()}, picked at random by the weight
     */
    public String randomArtifact() {
        return uriOf(randomVersion());
    }

    /**
     * The version picked deterministically for {@code routingKey}: the same key always gets the same
     * version for the same alias configuration, in every process and language (see {@link Routing}).
     *
     * @param routingKey the key that decides the pick (a user or request id, for example)
     * @return the picked version, the same for every call with the same key and target
     * @throws IllegalArgumentException if {@code routingKey} is null
     */
    public Version route(String routingKey) {
        if (routingKey == null) {
            throw new IllegalArgumentException("routingKey: must not be null");
        }
        return pick(Routing.bucket(name, alias, routingKey));
    }

    private Version pick(int bucket) {
        return target().pick(bucket);
    }

    private String uriOf(Version picked) {
        return picked.equals(version) ? versionUri : secondaryVersionUri.orElseThrow();
    }
}
