package io.versioned.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a purge removed, or would remove in a dry run.
 *
 * @param purgeTime   the cut-off: versions updated before it were candidates
 * @param purged      the versions removed (or that a dry run would remove), ascending
 * @param keptByAlias the candidates kept because an alias points to them, ascending
 * @param dryRun      true when nothing was removed
 */
public record PurgeResult(Instant purgeTime, List<Version> purged, List<Version> keptByAlias, boolean dryRun) {

    public PurgeResult {
        Objects.requireNonNull(purgeTime, "purgeTime");
        purged = List.copyOf(purged);
        keptByAlias = List.copyOf(keptByAlias);
    }
}
