package io.versioned.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an alias's history: a put or a delete of the alias.
 *
 * @param name     the artifact name
 * @param alias    the alias name
 * @param revision the alias revision this change produced
 * @param time     when the change was made (UTC, microsecond precision)
 * @param previous the target before the change; empty when the alias was created
 * @param current  the target after the change; empty when the alias was deleted
 */
public record AliasChange(String name, String alias, long revision, Instant time,
                          Optional<AliasTarget> previous, Optional<AliasTarget> current) {

    /**
     * Checks that no component is null (use {@link Optional#empty()} for an absent target).
     *
     * @param name     the artifact name
     * @param alias    the alias name
     * @param revision the alias revision this change produced
     * @param time     when the change was made (UTC)
     * @param previous the target before the change; empty when the alias was created
     * @param current  the target after the change; empty when the alias was deleted
     * @throws NullPointerException if a component is null
     */
    public AliasChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    /**
     * Whether this change deleted the alias.
     *
     * @return true when {@link #current()} is empty
     */
    public boolean isDelete() {
        return current.isEmpty();
    }
}
