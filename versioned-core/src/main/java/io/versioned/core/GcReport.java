package io.versioned.core;

import java.util.List;

/**
 * What {@link Maintenance#gc(boolean)} removed, or would remove in a dry run.
 *
 * @param orphans the blob keys found unreferenced (in both listings when a grace period was used), sorted
 * @param removed the keys deleted: equal to {@code orphans}, or empty in a dry run
 * @param dryRun  true when nothing was deleted
 */
public record GcReport(List<String> orphans, List<String> removed, boolean dryRun) {

    public GcReport {
        orphans = List.copyOf(orphans);
        removed = List.copyOf(removed);
    }
}
