package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.Version;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Everything the soak can observe of one artifact: whether its name is indexed, every version record (deleted ones and
 * the alias pins included), its aliases and their histories. Immutable; the {@code with…} methods return changed
 * copies. Two states are equal when they describe the same stored artifact.
 *
 * @param registered whether the name is in the repository's name index
 * @param versions   every version record, by version (LATEST first)
 * @param aliases    the aliases, by name
 * @param histories  the non-empty alias histories, by alias name, newest first
 */
record ArtifactState(boolean registered, SortedMap<Version, VersionState> versions,
                     SortedMap<String, AliasState> aliases, SortedMap<String, List<HistoryEntry>> histories) {

    /** An artifact that was never written, or was purged. */
    static final ArtifactState EMPTY = new ArtifactState(false, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    ArtifactState {
        versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
        aliases = Collections.unmodifiableSortedMap(new TreeMap<>(aliases));
        TreeMap<String, List<HistoryEntry>> copied = new TreeMap<>();
        histories.forEach((alias, entries) -> copied.put(alias, List.copyOf(entries)));
        histories = Collections.unmodifiableSortedMap(copied);
    }

    /**
     * One version record as the soak sees it.
     *
     * @param sha256      SHA-256 of the bytes
     * @param size        number of bytes
     * @param deleted     soft-deleted
     * @param contentType the stored media type, spelled as stored
     * @param metadata    user metadata
     * @param pins        alias name → the alias revision that may point here (the core's delete guard)
     * @param updateAt    when the record last changed; empty when the soak does not know (a write it did not see
     *                    acknowledged with a time)
     */
    record VersionState(String sha256, long size, boolean deleted, String contentType, Map<String, String> metadata,
                        Map<String, Long> pins, Optional<Instant> updateAt) {

        VersionState {
            metadata = Map.copyOf(metadata);
            pins = Map.copyOf(pins);
        }

        /** The state of a stored record. */
        static VersionState of(VersionRecord record) {
            return new VersionState(record.sha256(), record.size(), record.deleted(), record.contentType(),
                    record.metadata(), record.aliasPins(), Optional.of(record.updateAt()));
        }

        VersionState withDeleted(boolean deletedNow) {
            return new VersionState(sha256, size, deletedNow, contentType, metadata, pins, updateAt);
        }

        VersionState withPins(Map<String, Long> newPins) {
            return new VersionState(sha256, size, deleted, contentType, metadata, newPins, updateAt);
        }

        VersionState withAttributes(String newContentType, Map<String, String> newMetadata) {
            return new VersionState(sha256, size, deleted, newContentType, newMetadata, pins, updateAt);
        }

        VersionState at(Optional<Instant> time) {
            return new VersionState(sha256, size, deleted, contentType, metadata, pins, time);
        }

        /** This state with the pin {@code alias → revision} unless the version already has a pin at least as new. */
        VersionState pinned(String alias, long revision) {
            if (pins.getOrDefault(alias, 0L) >= revision) {
                return this;
            }
            Map<String, Long> newPins = new HashMap<>(pins);
            newPins.put(alias, revision);
            return withPins(newPins);
        }

        /** Asserts that {@code artifact} is this version {@code version} of {@code name}, as the API shows it. */
        void assertDescribes(Artifact artifact, String name, Version version) {
            assertThat(artifact.name()).as("name").isEqualTo(name);
            assertThat(artifact.version()).as("version of %s", name).isEqualTo(version);
            assertThat(artifact.sha256()).as("sha256 of %s %s", name, version).isEqualTo(sha256);
            assertThat(artifact.size()).as("size of %s %s", name, version).isEqualTo(size);
            assertThat(artifact.contentType()).as("content type of %s %s", name, version).isEqualTo(contentType);
            assertThat(artifact.metadata()).as("metadata of %s %s", name, version).isEqualTo(metadata);
            assertThat(artifact.uri()).as("uri of %s %s", name, version).isNotBlank();
            updateAt.ifPresent(time -> assertThat(artifact.updateAt()).as("updateAt of %s %s", name, version)
                    .isEqualTo(time));
        }
    }

    /**
     * An alias as the soak sees it.
     *
     * @param target   where it points
     * @param revision its revision
     */
    record AliasState(AliasTarget target, long revision) {

        static AliasState of(Alias alias) {
            return new AliasState(alias.target(), alias.revision());
        }
    }

    /**
     * One entry of an alias history, without its time.
     *
     * @param revision the revision the change produced
     * @param previous the target before
     * @param current  the target after; empty for a delete
     */
    record HistoryEntry(long revision, Optional<AliasTarget> previous, Optional<AliasTarget> current) {

        static HistoryEntry of(AliasChange change) {
            return new HistoryEntry(change.revision(), change.previous(), change.current());
        }

        boolean isDelete() {
            return current.isEmpty();
        }
    }

    Optional<VersionState> version(Version version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** The version if it exists and is not deleted. */
    Optional<VersionState> live(Version version) {
        return version(version).filter(state -> !state.deleted());
    }

    /** The live versions, LATEST first then numbers newest first, as {@code listArtifactVersions} lists them. */
    List<Version> liveVersions() {
        return versions.entrySet().stream().filter(entry -> !entry.getValue().deleted()).map(Map.Entry::getKey)
                .sorted(Version.NEWEST_FIRST).toList();
    }

    /** The highest live published version, if any. */
    Optional<Version> highestLivePublished() {
        return liveVersions().stream().filter(version -> !version.isLatest()).findFirst();
    }

    /** The highest published number with a record, deleted or not; 0 when none. */
    int highestRecordNumber() {
        return versions.keySet().stream().mapToInt(Version::number).max().orElse(0);
    }

    Optional<AliasState> alias(String alias) {
        return Optional.ofNullable(aliases.get(alias));
    }

    List<HistoryEntry> history(String alias) {
        return histories.getOrDefault(alias, List.of());
    }

    /** The revision a compare-and-set put of the alias compares with: its revision, 0 when absent. */
    long casRevision(String alias) {
        return alias(alias).map(AliasState::revision).orElse(0L);
    }

    /**
     * The revision the next put of the alias produces: one more than its revision, or, when absent, one more than
     * the revision of its newest history entry if that is a delete, two more otherwise (the delete's entry may be
     * missing), 1 without history.
     */
    long nextRevision(String alias) {
        return alias(alias).map(AliasState::revision).orElseGet(() -> history(alias).stream().findFirst()
                .map(last -> last.isDelete() ? last.revision() : last.revision() + 1).orElse(0L)) + 1;
    }

    /**
     * The aliases that keep {@code version} from being deleted or purged, sorted: those that point at it, and those
     * with a pin on it newer than the alias's revision. For an absent alias, a pin is stale when the newest history
     * entry is past it, or is at it and no delete (the alias made at the pinned revision is gone).
     */
    List<String> blockingAliases(Version version) {
        TreeSet<String> blocking = new TreeSet<>(aliasesPointingAt(version));
        version(version).ifPresent(record -> record.pins().forEach((alias, pinned) -> {
            boolean stale = alias(alias).map(state -> state.revision() >= pinned).orElseGet(() -> history(alias)
                    .stream().findFirst().filter(last -> last.revision() > pinned
                            || last.revision() == pinned && !last.isDelete()).isPresent());
            if (!stale) {
                blocking.add(alias);
            }
        }));
        return List.copyOf(blocking);
    }

    /** The aliases whose primary or secondary is {@code version}, sorted. */
    List<String> aliasesPointingAt(Version version) {
        return aliases.entrySet().stream().filter(entry -> entry.getValue().target().version().equals(version)
                        || entry.getValue().target().secondaryVersion().filter(version::equals).isPresent())
                .map(Map.Entry::getKey).toList();
    }

    ArtifactState withRegistered(boolean registeredNow) {
        return new ArtifactState(registeredNow, versions, aliases, histories);
    }

    ArtifactState withVersion(Version version, VersionState state) {
        TreeMap<Version, VersionState> changed = new TreeMap<>(versions);
        changed.put(version, state);
        return new ArtifactState(registered, changed, aliases, histories);
    }

    /** This state with {@code change} applied to the existing {@code version}. */
    ArtifactState withVersion(Version version, UnaryOperator<VersionState> change) {
        return withVersion(version, change.apply(versions.get(version)));
    }

    ArtifactState withoutVersions(List<Version> removed) {
        TreeMap<Version, VersionState> changed = new TreeMap<>(versions);
        removed.forEach(changed::remove);
        return new ArtifactState(registered, changed, aliases, histories);
    }

    ArtifactState withAlias(String alias, AliasState state) {
        TreeMap<String, AliasState> changed = new TreeMap<>(aliases);
        changed.put(alias, state);
        return new ArtifactState(registered, versions, changed, histories);
    }

    ArtifactState withoutAlias(String alias) {
        TreeMap<String, AliasState> changed = new TreeMap<>(aliases);
        changed.remove(alias);
        return new ArtifactState(registered, versions, changed, histories);
    }

    /** This state with {@code entry} as the newest entry of the alias's history. */
    ArtifactState withHistoryEntry(String alias, HistoryEntry entry) {
        TreeMap<String, List<HistoryEntry>> changed = new TreeMap<>(histories);
        List<HistoryEntry> entries = new ArrayList<>();
        entries.add(entry);
        entries.addAll(history(alias));
        changed.put(alias, entries);
        return new ArtifactState(registered, versions, aliases, changed);
    }

    /**
     * This state after the core repaired the alias's history before changing it: the entry of the alias's revision
     * when it is missing (rebuilt from the alias, the newest older entry's target as the previous one); for an absent
     * alias whose newest entry is no delete, the lost delete's entry at the next revision.
     */
    ArtifactState withRepairedHistory(String alias) {
        Optional<HistoryEntry> newest = history(alias).stream().findFirst();
        if (alias(alias).isEmpty()) {
            return newest.filter(last -> last.current().isPresent())
                    .map(last -> withHistoryEntry(alias, new HistoryEntry(last.revision() + 1, last.current(),
                            Optional.empty())))
                    .orElse(this);
        }
        return alias(alias).filter(current -> newest.map(HistoryEntry::revision).orElse(0L) < current.revision())
                .map(current -> withHistoryEntry(alias, new HistoryEntry(current.revision(),
                        newest.flatMap(HistoryEntry::current), Optional.of(current.target()))))
                .orElse(this);
    }

    /**
     * This state with every unknown {@code updateAt} taken from the same version of {@code observed}, so that the two
     * compare equal exactly when they agree on everything this state knows.
     */
    ArtifactState withTimesFrom(ArtifactState observed) {
        TreeMap<Version, VersionState> filled = new TreeMap<>(versions);
        filled.replaceAll((version, state) -> state.updateAt().isPresent() || !observed.versions.containsKey(version)
                ? state : state.at(observed.versions.get(version).updateAt()));
        return new ArtifactState(registered, filled, aliases, histories);
    }
}
