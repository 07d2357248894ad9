package io.versioned.core.port;

import io.versioned.api.AliasTarget;
import java.time.Instant;
import java.util.Objects;

/**
 * The stored record of an alias.
 *
 * @param name     the artifact name
 * @param alias    the alias name
 * @param updateAt when the alias was last changed, truncated to microseconds
 * @param target   primary version, optional secondary and its weight
 * @param revision increases on every change; an alias re-created after a delete continues from the
 *                 revision of the delete
 */
public record AliasRecord(String name, String alias, Instant updateAt, AliasTarget target, long revision) {

    /**
     * Checks that no component is null.
     *
     * @param name     the artifact name
     * @param alias    the alias name
     * @param updateAt when the alias was last changed, truncated to microseconds
     * @param target   primary version, optional secondary and its weight
     * @param revision the revision of this state of the alias
     */
    public AliasRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(updateAt, "updateAt");
        Objects.requireNonNull(target, "target");
    }
}
