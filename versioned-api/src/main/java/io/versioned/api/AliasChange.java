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

    public AliasChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    /** True when this change deleted the alias. */
    public boolean isDelete() {
        return current.isEmpty();
    }
}
