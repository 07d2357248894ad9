package io.versioned.core;

import io.versioned.api.AliasChange;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.VersionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which aliases keep a version from being deleted or purged.
 *
 * <p>The protocol, with single-record compare-and-set writes only: before an alias is written at revision
 * {@code k}, each version it will point at gets the pin {@code alias → k} through a compare-and-set on the
 * version record (which also checks that the version is live). A delete or purge reads the version record,
 * then the aliases, and finally writes the version record with a compare-and-set on the revision it read.
 * An alias blocks the removal when it points at the version, or when its pin is newer than the alias
 * (a putAlias is in flight). Either the pin lands before the version was read, and the removal sees it, or
 * after, and the removal's compare-and-set fails and is retried; so no alias can end up pointing at a
 * deleted or purged version. Alias rows written by another tool (the Python library) carry no revision; see
 * {@link #isForeign}.
 */
final class AliasGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AliasGuard.class);

    private final Stores stores;

    AliasGuard(Stores stores) {
        this.stores = stores;
    }

    /** The aliases that block removing {@code version}, sorted; empty when it may be removed. */
    List<String> blockingAliases(VersionRecord version) {
        return blockingAliases(version, stores.metadata().listAliases(version.name()), false);
    }

    /**
     * Like {@link #blockingAliases(VersionRecord)} with the artifact's aliases already read, after
     * {@code version} was read: the caller then removes the version with a compare-and-set on the revision it
     * read, which fails if a pin was added since. A dry run writes nothing: it takes an alias row of another tool as
     * adopted without writing it back.
     */
    List<String> blockingAliases(VersionRecord version, List<AliasRecord> aliasRecords, boolean dryRun) {
        Map<String, AliasRecord> aliases = aliasRecords.stream()
                .collect(Collectors.toMap(AliasRecord::alias, Function.identity()));
        TreeSet<String> blocking = new TreeSet<>();
        aliases.values().stream().filter(alias -> pointsAt(alias, version.version()))
                .forEach(alias -> blocking.add(alias.alias()));
        version.aliasPins().forEach((alias, pinnedRevision) -> {
            if (!blocking.contains(alias) && pinMayHold(version, Optional.ofNullable(aliases.get(alias)), alias,
                    pinnedRevision, dryRun)) {
                blocking.add(alias);
            }
        });
        return List.copyOf(blocking);
    }

    /**
     * Whether the pin {@code alias → pinnedRevision} on {@code version} may belong to a putAlias still in flight, given
     * the alias as read after the version (empty: it did not exist then).
     *
     * <p>An alias of this library with a lower revision than the pin is being moved here. An alias missing from the
     * aliases read is past its pin only if its history goes beyond the pinned revision: the history is read after the
     * aliases, so an entry <em>at</em> the pinned revision may be the very change in flight (written since); but if
     * that entry is no delete and the alias is still missing when read again, the alias made at the pinned revision
     * was deleted without a history entry (by another tool, or by a delete of this library still writing its entry),
     * so the pin is stale. An alias row written by another tool ({@link #isForeign}) is first adopted: written back
     * at a revision above its history, so that a putAlias in flight from that row fails its compare-and-set and
     * starts again, with a new pin.
     */
    private boolean pinMayHold(VersionRecord version, Optional<AliasRecord> read, String alias, long pinnedRevision,
                               boolean dryRun) {
        Optional<AliasRecord> current = read.filter(AliasGuard::isForeign).isPresent()
                ? adopt(read.get(), dryRun) : read;
        if (current.isEmpty()) {
            Optional<AliasChange> last = lastChange(version.name(), alias);
            if (last.isPresent() && last.get().revision() == pinnedRevision && !last.get().isDelete()) {
                return stores.metadata().getAlias(version.name(), alias).isPresent();
            }
            return last.map(AliasChange::revision).orElse(0L) <= pinnedRevision;
        }
        return pointsAt(current.get(), version.version()) || current.get().revision() < pinnedRevision;
    }

    /**
     * Writes an alias row of another tool back, same target, at the revision after its newest history entry, and
     * records that change; the alias as it is afterwards (read again when another writer changed it first). A dry
     * run gives the adopted alias without writing it.
     */
    private Optional<AliasRecord> adopt(AliasRecord foreign, boolean dryRun) {
        List<AliasChange> last = stores.metadata().aliasHistory(foreign.name(), foreign.alias(), 1);
        long revision = last.stream().mapToLong(AliasChange::revision).findFirst().orElse(0) + 1;
        AliasRecord adopted = new AliasRecord(foreign.name(), foreign.alias(), stores.now(), foreign.target(), revision);
        if (dryRun) {
            return Optional.of(adopted);
        }
        AliasChange change = new AliasChange(foreign.name(), foreign.alias(), revision, adopted.updateAt(),
                last.stream().findFirst().flatMap(AliasChange::current), Optional.of(foreign.target()));
        try {
            stores.metadata().writeAlias(adopted, OptionalLong.of(0), change);
        } catch (PreconditionFailedException e) {
            return stores.metadata().getAlias(foreign.name(), foreign.alias());
        }
        return Optional.of(adopted);
    }

    /**
     * Whether the alias row was written by another tool: this library writes aliases at revision 1 and up, the Python
     * library writes rows without a revision, which read as revision 0. Such a row changed the alias without this
     * library's bookkeeping (pins, history).
     */
    static boolean isForeign(AliasRecord alias) {
        return alias.revision() == 0;
    }

    /** The revision of the newest history entry of the alias, 0 when it has none. */
    long lastRevision(String name, String alias) {
        return lastChange(name, alias).map(AliasChange::revision).orElse(0L);
    }

    /**
     * Appends a change to the alias history; an entry already there under its revision (stored first by a writer in
     * flight, or by another repair or adoption) is kept.
     */
    void appendHistory(AliasChange change) {
        try {
            stores.metadata().appendAliasHistory(change);
        } catch (PreconditionFailedException e) {
            LOG.debug("history of alias {} of {} already has revision {}", change.alias(), change.name(),
                    change.revision());
        }
    }

    private Optional<AliasChange> lastChange(String name, String alias) {
        return stores.metadata().aliasHistory(name, alias, 1).stream().findFirst();
    }

    static boolean pointsAt(AliasRecord alias, Version version) {
        return alias.target().version().equals(version)
                || alias.target().secondaryVersion().filter(version::equals).isPresent();
    }
}
