package io.versioned.core;

import io.versioned.core.port.BlobEntry;
import java.util.List;

/**
 * What {@link Maintenance#gc(boolean, java.time.Duration)} removed, or would remove in a dry run, and what it kept.
 *
 * @param orphans   the orphan blob keys older than the grace period, sorted: removed, or to be removed in a dry run
 * @param recent    the orphan blob keys younger than the grace period, sorted: kept (a put or publish may still be
 *                  about to commit a record naming them)
 * @param leftovers the leftovers of interrupted puts older than the grace period: removed, or to be removed
 * @param foreign   keys under an artifact's prefix that this library did not write, sorted: never removed
 * @param removed   the keys deleted, orphans then leftovers: empty in a dry run
 * @param dryRun    true when nothing was deleted
 */
public record GcReport(List<String> orphans, List<String> recent, List<BlobEntry> leftovers, List<String> foreign,
                       List<String> removed, boolean dryRun) {

    /**
     * Copies the lists into immutable ones.
     *
     * @param orphans   the orphan blob keys older than the grace period
     * @param recent    the orphan blob keys younger than the grace period, kept
     * @param leftovers the leftovers of interrupted puts older than the grace period
     * @param foreign   keys under an artifact's prefix that this library did not write
     * @param removed   the keys deleted; empty in a dry run
     * @param dryRun    true when nothing was deleted
     */
    public GcReport {
        orphans = List.copyOf(orphans);
        recent = List.copyOf(recent);
        leftovers = List.copyOf(leftovers);
        foreign = List.copyOf(foreign);
        removed = List.copyOf(removed);
    }
}
