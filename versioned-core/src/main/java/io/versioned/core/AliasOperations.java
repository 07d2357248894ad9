package io.versioned.core;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.RetryPolicy;
import io.versioned.core.port.TargetFacts;
import io.versioned.core.port.VersionRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Puts and deletes aliases: pins the target versions (see {@link AliasGuard}), writes the alias record with a
 * compare-and-set on its revision together with its history entry ({@code MetadataPort.writeAlias}: one
 * transaction where the store has them), and, before changing an alias, repairs the history entry of its current
 * revision if a crash lost it. An alias row written by another tool ({@link AliasGuard#isForeign}) is changed from
 * the revision after its newest history entry, so that every change of this library gets a revision of its own in
 * the history.
 */
final class AliasOperations {

    private final Stores stores;
    private final RecordViews views;
    private final AliasGuard guard;

    AliasOperations(Stores stores, RecordViews views, AliasGuard guard) {
        this.stores = stores;
        this.views = views;
        this.guard = guard;
    }

    /**
     * Points the alias at {@code target}; with {@code expectedRevision} present, only if the alias is at that
     * revision (0: absent).
     */
    Alias put(String name, String alias, AliasTarget target, OptionalLong expectedRevision) {
        for (int attempt = 0; ; attempt++) {
            Optional<AliasRecord> current = stores.metadata().getAlias(name, alias);
            long currentRevision = current.map(AliasRecord::revision).orElse(0L);
            if (expectedRevision.isPresent() && expectedRevision.getAsLong() != currentRevision) {
                throw new ConflictException("alias " + alias + " of " + name + " is at revision " + currentRevision
                        + ", not at the expected revision " + expectedRevision.getAsLong());
            }
            VersionRecord primary = live(name, target.version());
            Optional<VersionRecord> secondary = target.secondaryVersion().map(version -> live(name, version));
            long base = current.isEmpty() ? revisionOfAbsent(name, alias)
                    : AliasGuard.isForeign(current.get()) ? guard.lastRevision(name, alias) : repairHistory(current.get());
            long revision = base + 1;
            Map<Version, TargetFacts> facts = new HashMap<>();
            addFacts(facts, pin(primary, alias, revision));
            secondary.ifPresent(version -> addFacts(facts, pin(version, alias, revision)));
            AliasRecord record = new AliasRecord(name, alias, stores.now(), target, revision, facts);
            if (write(record, current)) {
                return views.alias(record);
            }
            if (expectedRevision.isPresent()) {
                throw new ConflictException("alias " + alias + " of " + name + " was changed concurrently");
            }
            RetryPolicy.LOST_RACES.afterLostRace(attempt, "put of alias " + alias + " of " + name,
                    ConflictException::new);
        }
    }

    void delete(String name, String alias) {
        for (int attempt = 0; ; attempt++) {
            Optional<AliasRecord> current = stores.metadata().getAlias(name, alias);
            if (current.isEmpty()) {
                return;
            }
            AliasRecord read = current.get();
            long base = AliasGuard.isForeign(read) ? guard.lastRevision(name, alias) : repairHistory(read);
            try {
                stores.metadata().removeAlias(name, alias, read.revision(), new AliasChange(name, alias, base + 1,
                        stores.now(), Optional.of(read.target()), Optional.empty()));
                return;
            } catch (PreconditionFailedException e) {
                RetryPolicy.LOST_RACES.afterLostRace(attempt, "delete of alias " + alias + " of " + name,
                        ConflictException::new);
            }
        }
    }

    /**
     * The revision an absent alias is re-created from: that of its newest history entry when it is a delete; 0 for
     * an alias without history. When the newest entry is not a delete, the alias was deleted and the delete's entry
     * is missing (the process died, or the store failed, between removing the record and writing the entry, on a
     * store without transactions; or another tool deleted the row): that entry is stored now, at the revision after
     * the newest one, rebuilt from it, and its revision is returned. Every writer stores an entry only after (or
     * together with) its record change, so a record still absent when read again <em>after</em> that entry was
     * read can only mean a delete; a deleter still in flight writes the same entry, and whichever comes second finds
     * it present. A record present on that second read was created meanwhile: nothing is repaired, and the caller's
     * create fails and starts again.
     */
    private long revisionOfAbsent(String name, String alias) {
        Optional<AliasChange> newest = stores.metadata().aliasHistory(name, alias, 1).stream().findFirst();
        if (newest.isEmpty()) {
            return 0L;
        }
        AliasChange last = newest.get();
        if (last.isDelete()) {
            return last.revision();
        }
        if (stores.metadata().getAlias(name, alias).isEmpty()) {
            guard.appendHistory(new AliasChange(name, alias, last.revision() + 1, stores.now(), last.current(),
                    Optional.empty()));
        }
        return last.revision() + 1;
    }

    /**
     * Makes sure the history has the entry of the alias's current revision before the alias changes again, and
     * returns that revision. A change whose history entry was not written (the process died, or the store failed,
     * between the alias write and the entry on a store without transactions) gets it now, rebuilt from the alias
     * record: its revision, time and target, and the target of the newest older entry as the previous one. A
     * writer still in flight writes the same entry, so whichever comes second finds it present.
     */
    private long repairHistory(AliasRecord current) {
        Optional<AliasChange> newest = stores.metadata()
                .aliasHistory(current.name(), current.alias(), 1).stream().findFirst();
        if (newest.map(AliasChange::revision).orElse(0L) < current.revision()) {
            guard.appendHistory(new AliasChange(current.name(), current.alias(), current.revision(), current.updateAt(),
                    newest.flatMap(AliasChange::current), Optional.of(current.target())));
        }
        return current.revision();
    }

    /** Writes the alias record and its history entry (together where the store has transactions). */
    private boolean write(AliasRecord record, Optional<AliasRecord> current) {
        AliasChange change = new AliasChange(record.name(), record.alias(), record.revision(), record.updateAt(),
                current.map(AliasRecord::target), Optional.of(record.target()));
        try {
            stores.metadata().writeAlias(record, current.isPresent() ? OptionalLong.of(current.get().revision())
                    : OptionalLong.empty(), change);
            return true;
        } catch (PreconditionFailedException e) {
            return false;
        }
    }

    /**
     * Adds the facts of a pinned numbered version of known size: from the pin on, it can be neither deleted nor
     * purged while the alias points at it, so they stay true as long as the alias record that carries them.
     */
    private static void addFacts(Map<Version, TargetFacts> facts, VersionRecord pinned) {
        if (!pinned.version().isLatest() && pinned.size() >= 0) {
            facts.put(pinned.version(), TargetFacts.of(pinned));
        }
    }

    /** The record of a live version, or {@link ArtifactNotFoundException}: an alias can only point at one. */
    private VersionRecord live(String name, Version version) {
        return stores.metadata().getVersion(name, version).filter(v -> !v.deleted())
                .orElseThrow(() -> new ArtifactNotFoundException("version " + version + " of " + name
                        + " does not exist or is deleted; an alias can only point at a live version"));
    }

    /**
     * Records that the alias may point at the version of {@code read} from {@code revision} on; the version must
     * still be live. Returns the record as pinned (read again after a lost race), whose facts the alias carries. Both targets are read (and checked) before either is pinned, so a put refused because a target
     * is missing writes nothing.
     */
    private VersionRecord pin(VersionRecord read, String alias, long revision) {
        VersionRecord record = read;
        for (int attempt = 0; ; attempt++) {
            if (record.aliasPins().getOrDefault(alias, 0L) >= revision) {
                return record;
            }
            Map<String, Long> pins = new HashMap<>(record.aliasPins());
            pins.put(alias, revision);
            try {
                stores.metadata().updateVersion(record.withAliasPins(pins), record.revision());
                return record;
            } catch (PreconditionFailedException e) {
                RetryPolicy.LOST_RACES.afterLostRace(attempt, "put of alias " + alias + " of " + record.name(),
                        ConflictException::new);
            }
            record = live(record.name(), record.version());
        }
    }
}
