package io.versioned.core;

import io.versioned.api.AliasChange;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.VersionRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * deleted or purged version.
 */
final class AliasGuard {

    private final Stores stores;

    AliasGuard(Stores stores) {
        this.stores = stores;
    }

    /** The aliases that block removing {@code version}, sorted; empty when it may be removed. */
    List<String> blockingAliases(VersionRecord version) {
        return blockingAliases(version, stores.metadata().listAliases(version.name()));
    }

    /**
     * Like {@link #blockingAliases(VersionRecord)} with the artifact's aliases already read, after
     * {@code version} was read: the caller then removes the version with a compare-and-set on the revision it
     * read, which fails if a pin was added since.
     */
    List<String> blockingAliases(VersionRecord version, List<AliasRecord> aliasRecords) {
        Map<String, AliasRecord> aliases = aliasRecords.stream()
                .collect(Collectors.toMap(AliasRecord::alias, Function.identity()));
        TreeSet<String> blocking = new TreeSet<>();
        aliases.values().stream().filter(alias -> pointsAt(alias, version.version()))
                .forEach(alias -> blocking.add(alias.alias()));
        version.aliasPins().forEach((alias, pinnedRevision) -> {
            if (aliases.containsKey(alias) ? aliases.get(alias).revision() < pinnedRevision
                    : lastRevision(version.name(), alias) <= pinnedRevision) {
                blocking.add(alias);
            }
        });
        return List.copyOf(blocking);
    }

    /**
     * The revision of the newest history entry of the alias, 0 when it has none. The history is read after the
     * aliases, so for an alias missing from them an entry at the pinned revision may be the very change in flight
     * (written since): only a later entry (a further change, or the alias's delete) shows the pin is stale.
     */
    private long lastRevision(String name, String alias) {
        return stores.metadata().aliasHistory(name, alias, 1).stream().mapToLong(AliasChange::revision)
                .findFirst().orElse(0);
    }

    static boolean pointsAt(AliasRecord alias, Version version) {
        return alias.target().version().equals(version)
                || alias.target().secondaryVersion().filter(version::equals).isPresent();
    }
}
