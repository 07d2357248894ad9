package io.versioned.core.port;

import io.versioned.api.AliasChange;
import io.versioned.api.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Stores version records, alias records, alias history, a version-number counter and the index of artifact
 * names. Every write changes only the records it names (one record, except for {@link #deleteVersions},
 * {@link #writeAlias} and {@link #removeAlias}) and is conditional as its name says; reads are strongly consistent
 * (a read returns every write that completed before it started). Implementations are thread-safe and safe
 * against writers in other processes sharing the store.
 *
 * <p>Errors: a failed precondition throws {@link PreconditionFailedException} and changes nothing; a store
 * failure throws {@link io.versioned.api.BackendException}. Nothing else leaves an implementation.
 */
public interface MetadataPort extends AutoCloseable {

    /** Creates the table or schema if missing, waiting until it is usable. Idempotent. */
    void bootstrap();

    /**
     * The record of {@code version} of {@code name}, deleted or not.
     *
     * @param name    the artifact name
     * @param version LATEST or a published number
     * @return the record; empty if absent (never created, or purged)
     */
    Optional<VersionRecord> getVersion(String name, Version version);

    /**
     * Every version record of {@code name}, deleted ones included, LATEST first then numbers ascending.
     *
     * @param name the artifact name
     * @return the records; empty for an unknown artifact
     */
    List<VersionRecord> listVersions(String name);

    /**
     * What a publish needs to read, without reading every record of a large artifact: LATEST's record (deleted or
     * not), and the published records from the highest number down to the highest live one, both included (all
     * published records when none is live). LATEST first, then numbers descending. The default filters
     * {@link #listVersions}; a store that can read from the highest number down should, so that a publish costs
     * the same at 10,000 versions as at 10.
     *
     * @param name the artifact name
     * @return the records; empty for an unknown artifact
     */
    default List<VersionRecord> newestVersions(String name) {
        List<VersionRecord> all = listVersions(name);
        List<VersionRecord> newest = new ArrayList<>();
        all.stream().filter(record -> record.version().isLatest()).forEach(newest::add);
        List<VersionRecord> published = all.stream().filter(record -> !record.version().isLatest())
                .sorted(Comparator.comparing(VersionRecord::version).reversed()).toList();
        for (VersionRecord record : published) {
            newest.add(record);
            if (!record.deleted()) {
                break;
            }
        }
        return List.copyOf(newest);
    }

    /**
     * Stores {@code record} if no record exists for its name and version.
     *
     * @param record the record to store, as given (its revision included)
     * @throws PreconditionFailedException if one exists
     */
    void createVersion(VersionRecord record);

    /**
     * Replaces the record of {@code record}'s name and version if the stored one is at {@code expectedRevision}.
     *
     * @param record           the new record, normally at {@code expectedRevision + 1}
     * @param expectedRevision the {@link VersionRecord#revision()} the stored record must have
     * @throws PreconditionFailedException if it is absent or at another revision
     */
    void updateVersion(VersionRecord record, long expectedRevision);

    /**
     * Removes the record if it is at {@code expectedRevision}. An absent record is a no-op.
     *
     * @param name             the artifact name
     * @param version          LATEST or a published number
     * @param expectedRevision the {@link VersionRecord#revision()} the stored record must have
     * @throws PreconditionFailedException if it exists at another revision
     */
    void deleteVersion(String name, Version version, long expectedRevision);

    /**
     * Removes, of the records of {@code name} named in {@code expectedRevisions}, each one that is at its expected
     * revision, as {@link #deleteVersion} would one at a time: a record at another revision stays and is left out of
     * the result, and an absent record counts as removed. Each record is checked on its own, so one at another
     * revision does not keep the others. A store that keeps an artifact's records in one document removes them with
     * one write of it (a purge of many versions then costs one write, not one per version); the default calls
     * {@link #deleteVersion} for each, in the map's iteration order. On a store failure (a
     * {@link io.versioned.api.BackendException}) the records removed before it stay removed.
     *
     * @param name              the artifact name
     * @param expectedRevisions published numbers, each with the {@link VersionRecord#revision()} its record must have
     * @return the versions of {@code expectedRevisions} whose records are now absent, in the map's iteration order
     */
    default Set<Version> deleteVersions(String name, Map<Version, Long> expectedRevisions) {
        Set<Version> removed = new LinkedHashSet<>();
        expectedRevisions.forEach((version, expectedRevision) -> {
            if (deletedAtRevision(name, version, expectedRevision)) {
                removed.add(version);
            }
        });
        return Collections.unmodifiableSet(removed);
    }

    /** {@link #deleteVersion}, telling whether the record is absent now rather than at another revision. */
    private boolean deletedAtRevision(String name, Version version, long expectedRevision) {
        try {
            deleteVersion(name, version, expectedRevision);
            return true;
        } catch (PreconditionFailedException atAnotherRevision) {
            return false;
        }
    }

    /**
     * Removes the record like {@link #deleteVersion}, for a version whose number is the highest of the artifact's
     * records. A store shared with writers that take the next number from the highest row they see (the Python library
     * on the DynamoDB layout) keeps a marker of the number, which no read of this port returns and
     * {@link #createVersion} replaces, so that those writers never hand the number out again. The default is
     * {@link #deleteVersion}.
     *
     * @param name             the artifact name
     * @param version          the published number to remove, the highest of the artifact
     * @param expectedRevision the {@link VersionRecord#revision()} the stored record must have
     * @throws PreconditionFailedException if it exists at another revision
     */
    default void deleteVersionKeepingNumber(String name, Version version, long expectedRevision) {
        deleteVersion(name, version, expectedRevision);
    }

    /**
     * A version number for {@code name} that this store never handed out before for that name: exactly
     * {@code max(previous + 1, atLeast)}, where {@code previous} is the last number returned for the name (0 at
     * first). Racing callers get different numbers. Numbers start again only after {@link #purgeArtifact(String)}.
     *
     * @param name    the artifact name
     * @param atLeast the lowest number acceptable (the caller passes one above the highest record it saw), so that a
     *                counter behind the records, e.g. after another tool wrote versions, skips ahead
     * @return the number, never returned before for {@code name}
     */
    int allocateVersionNumber(String name, int atLeast);

    /**
     * The alias record.
     *
     * @param name  the artifact name
     * @param alias the alias name
     * @return the record; empty if the alias does not exist (never created, deleted, or purged)
     */
    Optional<AliasRecord> getAlias(String name, String alias);

    /**
     * Every alias of {@code name}, sorted by alias name ({@link String#compareTo} order).
     *
     * @param name the artifact name
     * @return the alias records; empty if none
     */
    List<AliasRecord> listAliases(String name);

    /**
     * Stores {@code record} if the alias does not exist.
     *
     * @param record the alias record, as given (its revision included)
     * @throws PreconditionFailedException if it exists
     */
    void createAlias(AliasRecord record);

    /**
     * Replaces the alias if it is at {@code expectedRevision}.
     *
     * @param record           the new record, at a higher revision
     * @param expectedRevision the {@link AliasRecord#revision()} the stored alias must have
     * @throws PreconditionFailedException if it is absent or at another revision
     */
    void updateAlias(AliasRecord record, long expectedRevision);

    /**
     * Removes the alias if it is at {@code expectedRevision}. An absent alias is a no-op.
     *
     * @param name             the artifact name
     * @param alias            the alias name
     * @param expectedRevision the {@link AliasRecord#revision()} the stored alias must have
     * @throws PreconditionFailedException if it exists at another revision
     */
    void deleteAlias(String name, String alias, long expectedRevision);

    /**
     * Stores a history entry, keyed by name, alias and {@link AliasChange#revision()}, if that key is absent.
     *
     * @param change the entry, stored as given
     * @throws PreconditionFailedException if an entry with that key exists
     */
    void appendAliasHistory(AliasChange change);

    /**
     * Writes a change of an alias together with its history entry: creates the alias record (when
     * {@code expectedRevision} is empty) or replaces it at {@code expectedRevision}, then stores {@code change}
     * unless an entry with its key exists. A store with transactions writes both in one transaction (both or
     * neither); the default writes the record and then the entry, so a failure in between leaves the alias changed
     * without its entry (the core repairs such an entry on the next change of the alias).
     *
     * @param record           the alias record to store
     * @param expectedRevision empty to create the alias, otherwise the revision the stored alias must have
     * @param change           the history entry of this change, at {@code record}'s revision
     * @throws PreconditionFailedException if the alias exists ({@code expectedRevision} empty) or is absent or at
     *                                     another revision; nothing is written then
     */
    default void writeAlias(AliasRecord record, OptionalLong expectedRevision, AliasChange change) {
        if (expectedRevision.isPresent()) {
            updateAlias(record, expectedRevision.getAsLong());
        } else {
            createAlias(record);
        }
        appendIfAbsent(change);
    }

    /**
     * Removes the alias at {@code expectedRevision} together with its history entry {@code change} (stored unless an
     * entry with its key exists); both or neither where the store has transactions, otherwise the removal first
     * (see {@link #writeAlias}; the core stores a lost delete entry when the alias is created again). For an absent
     * alias the removal is a no-op, and the entry may or may not be stored (the remover that removed it stores it).
     *
     * @param name             the artifact name
     * @param alias            the alias name
     * @param expectedRevision the {@link AliasRecord#revision()} the stored alias must have
     * @param change           the history entry of the delete (its current target empty)
     * @throws PreconditionFailedException if the alias exists at another revision; nothing is written then
     */
    default void removeAlias(String name, String alias, long expectedRevision, AliasChange change) {
        deleteAlias(name, alias, expectedRevision);
        appendIfAbsent(change);
    }

    private void appendIfAbsent(AliasChange change) {
        try {
            appendAliasHistory(change);
        } catch (PreconditionFailedException e) {
            // an entry with this revision exists: a concurrent repair wrote it already (see AliasOperations)
        }
    }

    /**
     * At most {@code limit} history entries of the alias, newest (highest revision) first.
     *
     * @param name  the artifact name
     * @param alias the alias name
     * @param limit the most entries to return, {@code > 0}
     * @return the newest entries; empty for an alias never written
     */
    List<AliasChange> aliasHistory(String name, String alias, int limit);

    /**
     * Adds {@code name} to the index of artifact names. Idempotent.
     *
     * @param name the artifact name
     */
    void registerArtifactName(String name);

    /**
     * The indexed artifact names, sorted ({@link String#compareTo} order). Costs requests in proportion to the
     * names, not to the versions.
     *
     * @return the names; empty for an empty store
     */
    List<String> listArtifactNames();

    /**
     * Removes every record of {@code name}: versions, aliases, history, the version counter and the name in
     * the index. Records of other artifacts, and of other repositories sharing the store, are untouched.
     *
     * @param name the artifact name; an unknown name is a no-op
     */
    void purgeArtifact(String name);

    /**
     * Releases the clients or connections this port owns; a port built on a client its caller owns leaves it
     * open. Idempotent. The default does nothing.
     */
    @Override
    default void close() {
    }
}
