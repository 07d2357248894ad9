package io.versioned.core.port;

import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored record of an alias.
 *
 * @param name     the artifact name
 * @param alias    the alias name
 * @param updateAt when the alias was last changed, truncated to microseconds
 * @param target   primary version, optional secondary and its weight
 * @param revision increases on every change; an alias re-created after a delete continues from the
 *                 revision of the delete
 * @param targetFacts the {@link TargetFacts} of the numbered target versions, by version, as the core read them when
 *                 it wrote this record, so that a resolve needs no read of the version record. Adapters store and
 *                 return them unchanged. A target without facts (LATEST, a version of unknown size, a row written
 *                 by another tool that has no such field) is read from its version record instead
 */
public record AliasRecord(String name, String alias, Instant updateAt, AliasTarget target, long revision,
                          Map<Version, TargetFacts> targetFacts) {

    /**
     * Checks that no component is null.
     *
     * @param name     the artifact name
     * @param alias    the alias name
     * @param updateAt when the alias was last changed, truncated to microseconds
     * @param target   primary version, optional secondary and its weight
     * @param revision the revision of this state of the alias
     * @param targetFacts facts of numbered target versions, by version; possibly empty
     * @throws IllegalArgumentException if a version with facts is LATEST or not a target of the alias
     */
    public AliasRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(updateAt, "updateAt");
        Objects.requireNonNull(target, "target");
        targetFacts = Map.copyOf(targetFacts);
        for (Version version : targetFacts.keySet()) {
            if (version.isLatest() || !(version.equals(target.version())
                    || target.secondaryVersion().equals(Optional.of(version)))) {
                throw new IllegalArgumentException("targetFacts: version " + version
                        + " is not a numbered target of alias " + alias + " (" + target + ")");
            }
        }
    }

    /**
     * A record without target facts (every target is read from its version record).
     *
     * @param name     the artifact name
     * @param alias    the alias name
     * @param updateAt when the alias was last changed, truncated to microseconds
     * @param target   primary version, optional secondary and its weight
     * @param revision the revision of this state of the alias
     */
    public AliasRecord(String name, String alias, Instant updateAt, AliasTarget target, long revision) {
        this(name, alias, updateAt, target, revision, Map.of());
    }

    /**
     * The facts of {@code version}, when this record carries them.
     *
     * @param version a target of this alias
     * @return its facts, or empty when it must be read from its version record
     */
    public Optional<TargetFacts> factsOf(Version version) {
        return Optional.ofNullable(targetFacts.get(version));
    }
}
