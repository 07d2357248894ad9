package io.versioned.core;

import io.versioned.api.ConflictException;
import io.versioned.api.PurgeResult;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.RetryPolicy;
import io.versioned.core.port.VersionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: hard-deletes old versions, and whole artifacts or repositories. Records are removed before
 * bytes, so a failure leaves orphan bytes at worst, never a record without its bytes.
 */
final class PurgeOperation {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeOperation.class);

    private final Stores stores;
    private final AliasGuard guard;

    PurgeOperation(Stores stores, AliasGuard guard) {
        this.stores = stores;
        this.guard = guard;
    }

    PurgeResult purgeVersions(String name, int keepLastN, Duration olderThan, boolean dryRun) {
        Instant purgeTime = cutOff(stores.now(), olderThan);
        List<VersionRecord> published = stores.metadata().listVersions(name).stream()
                .filter(record -> !record.version().isLatest()).toList();
        Set<Version> newest = published.stream().filter(record -> !record.deleted())
                .sorted(Comparator.comparing(VersionRecord::version).reversed()).limit(keepLastN)
                .map(VersionRecord::version).collect(Collectors.toSet());
        List<VersionRecord> candidates = published.stream()
                .filter(record -> !newest.contains(record.version()) && record.updateAt().isBefore(purgeTime))
                .toList();
        int highest = published.stream().mapToInt(record -> record.version().number()).max().orElse(0);
        List<AliasRecord> aliases = candidates.isEmpty() ? List.of() : stores.metadata().listAliases(name);
        List<Version> purged = new ArrayList<>();
        List<Version> keptByAlias = new ArrayList<>();
        Map<Version, Outcome> outcomes = dryRun ? Map.of() : purge(name, candidates, aliases, highest);
        for (VersionRecord candidate : candidates) {
            if (dryRun) {
                (guard.blockingAliases(candidate, aliases, true).isEmpty() ? purged : keptByAlias).add(candidate.version());
            } else {
                switch (outcomes.get(candidate.version())) {
                    case PURGED -> purged.add(candidate.version());
                    case KEPT_BY_ALIAS -> keptByAlias.add(candidate.version());
                    case CHANGED -> LOG.debug("version {} of {} changed during the purge; kept", candidate.version(),
                            name);
                }
            }
        }
        return new PurgeResult(purgeTime, purged, keptByAlias, dryRun);
    }

    /**
     * {@code now} minus {@code olderThan}; the earliest instant when that would lie before it (no version is older
     * than that), so that any age, however large, is a valid one.
     */
    static Instant cutOff(Instant now, Duration olderThan) {
        return olderThan.compareTo(Duration.between(Instant.MIN, now)) >= 0 ? Instant.MIN : now.minus(olderThan);
    }

    private enum Outcome { PURGED, KEPT_BY_ALIAS, CHANGED }

    /**
     * Removes the candidates no alias blocks: their records in one {@link io.versioned.core.port.MetadataPort#deleteVersions}
     * call (one write on a store that keeps an artifact's records in one document), then their bytes. A candidate whose
     * record changed since it was read (a pin written after the aliases were read raises its revision) is read again,
     * with the aliases, and goes through {@link #purgeOne}, as does the artifact's highest number.
     */
    private Map<Version, Outcome> purge(String name, List<VersionRecord> candidates, List<AliasRecord> aliases,
                                        int highest) {
        Map<Version, Outcome> outcomes = new HashMap<>();
        Map<Version, Long> unblocked = new LinkedHashMap<>();
        for (VersionRecord candidate : candidates) {
            if (!guard.blockingAliases(candidate, aliases, false).isEmpty()) {
                outcomes.put(candidate.version(), Outcome.KEPT_BY_ALIAS);
            } else if (candidate.version().number() != highest) {
                unblocked.put(candidate.version(), candidate.revision());
            }
        }
        Set<Version> removed = unblocked.isEmpty() ? Set.of() : stores.metadata().deleteVersions(name, unblocked);
        for (VersionRecord candidate : candidates) {
            if (removed.contains(candidate.version())) {
                deleteBytes(candidate.blobKey());
                outcomes.put(candidate.version(), Outcome.PURGED);
            } else if (unblocked.containsKey(candidate.version())) {
                outcomes.put(candidate.version(), unchanged(candidate)
                        .map(record -> purgeOne(record, stores.metadata().listAliases(name), false))
                        .orElse(Outcome.CHANGED));
            } else if (!outcomes.containsKey(candidate.version())) {
                outcomes.put(candidate.version(),
                        purgeOne(candidate, aliases, candidate.version().number() == highest));
            }
        }
        return outcomes;
    }

    /**
     * Removes one candidate unless an alias blocks it. The aliases were read after the candidate's record; when the
     * compare-and-set on that record fails, both are read again. The artifact's highest number is removed with
     * {@link io.versioned.core.port.MetadataPort#deleteVersionKeepingNumber}, so that writers numbering from the
     * records they see (the Python library) never hand it out again.
     */
    private Outcome purgeOne(VersionRecord candidate, List<AliasRecord> aliasesReadAfterCandidate, boolean highest) {
        VersionRecord record = candidate;
        List<AliasRecord> aliases = aliasesReadAfterCandidate;
        for (int attempt = 0; ; attempt++) {
            if (!guard.blockingAliases(record, aliases, false).isEmpty()) {
                return Outcome.KEPT_BY_ALIAS;
            }
            try {
                if (highest) {
                    stores.metadata().deleteVersionKeepingNumber(record.name(), record.version(), record.revision());
                } else {
                    stores.metadata().deleteVersion(record.name(), record.version(), record.revision());
                }
                deleteBytes(record.blobKey());
                return Outcome.PURGED;
            } catch (PreconditionFailedException e) {
                Optional<VersionRecord> reread = unchanged(record);
                if (reread.isEmpty()) {
                    return Outcome.CHANGED;
                }
                record = reread.get();
                aliases = stores.metadata().listAliases(record.name());
            }
            RetryPolicy.LOST_RACES.afterLostRace(attempt,
                    "purge of version " + record.version() + " of " + record.name(),
                    ConflictException::new);
        }
    }

    /**
     * The record of {@code record}'s version as stored now, if it is still the same version (a pin or an unpin raised
     * its revision; its content and time are unchanged); empty if it was removed, or deleted or restored meanwhile
     * (which set a new time).
     */
    private Optional<VersionRecord> unchanged(VersionRecord record) {
        return stores.metadata().getVersion(record.name(), record.version())
                .filter(reread -> reread.updateAt().equals(record.updateAt()));
    }

    /**
     * Removes the artifact's records, then its blobs: the keys of the shapes this library writes
     * ({@link BlobKeys#isOwn}); foreign keys under its prefix stay.
     */
    void purgeArtifact(String name) {
        stores.metadata().purgeArtifact(name);
        stores.blobs().list(BlobKeys.artifactPrefix(name)).stream().filter(BlobKeys::isOwn)
                .forEach(stores.blobs()::delete);
    }

    /**
     * Purges every artifact in the name index and every artifact that has blobs of this library's shapes
     * (artifacts written by other tools are not in the index), each records first, so no record is left pointing
     * at deleted bytes.
     */
    void purgeAll() {
        TreeSet<String> names = new TreeSet<>(stores.metadata().listArtifactNames());
        stores.blobs().list("").stream().filter(BlobKeys::isOwn)
                .forEach(key -> BlobKeys.artifactOf(key).ifPresent(names::add));
        names.forEach(this::purgeArtifact);
    }

    private void deleteBytes(String key) {
        try {
            stores.blobs().delete(key);
        } catch (RuntimeException e) {
            LOG.warn("could not delete the bytes of a purged version at {}; gc will remove them: {}", key,
                    e.getMessage());
        }
    }
}
