package io.versioned.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a purge removed, or would remove in a dry run.
 *
 * @param purgeTime   the cut-off: versions updated before it were candidates
 * @param purged      the versions removed (or that a dry run would remove), newest first ({@link Version#NEWEST_FIRST})
 * @param keptByAlias the candidates kept because an alias points to them, newest first
 * @param dryRun      true when nothing was removed
 */
public record PurgeResult(Instant purgeTime, List<Version> purged, List<Version> keptByAlias, boolean dryRun) {

    /**
     * Sorts both lists newest first ({@link Version#NEWEST_FIRST}) and makes them immutable.
     *
     * @param purgeTime   the cut-off: versions updated before it were candidates
     * @param purged      the versions removed (or that a dry run would remove), in any order
     * @param keptByAlias the candidates kept because an alias points to them, in any order
     * @param dryRun      true when nothing was removed
     * @throws NullPointerException if {@code purgeTime}, {@code purged} or {@code keptByAlias} is null
     */
    public PurgeResult {
        Objects.requireNonNull(purgeTime, "purgeTime");
        purged = purged.stream().sorted(Version.NEWEST_FIRST).toList();
        keptByAlias = keptByAlias.stream().sorted(Version.NEWEST_FIRST).toList();
    }
}
