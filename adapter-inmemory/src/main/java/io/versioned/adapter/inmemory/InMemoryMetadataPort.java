package io.versioned.adapter.inmemory;

import io.versioned.api.AliasChange;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.VersionRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link MetadataPort} in memory, for tests and demos. Every method holds one lock, which makes each
 * write atomic and each read strongly consistent.
 */
public final class InMemoryMetadataPort implements MetadataPort {

    private final Map<String, TreeMap<Version, VersionRecord>> versions = new HashMap<>();
    private final Map<String, TreeMap<String, AliasRecord>> aliases = new HashMap<>();
    private final Map<String, TreeMap<Long, AliasChange>> history = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final TreeSet<String> names = new TreeSet<>();

    @Override
    public synchronized void bootstrap() {
        // nothing to create
    }

    @Override
    public synchronized Optional<VersionRecord> getVersion(String name, Version version) {
        return Optional.ofNullable(versionsOf(name).get(version));
    }

    @Override
    public synchronized List<VersionRecord> listVersions(String name) {
        return List.copyOf(versionsOf(name).values());
    }

    /** {@inheritDoc} Reads the sorted records from the highest number down: independent of the artifact's size. */
    @Override
    public synchronized List<VersionRecord> newestVersions(String name) {
        TreeMap<Version, VersionRecord> records = versionsOf(name);
        List<VersionRecord> newest = new ArrayList<>();
        Optional.ofNullable(records.get(Version.LATEST)).ifPresent(newest::add);
        for (VersionRecord record : records.descendingMap().values()) {
            if (record.version().isLatest()) {
                break;
            }
            newest.add(record);
            if (!record.deleted()) {
                break;
            }
        }
        return List.copyOf(newest);
    }

    @Override
    public synchronized void createVersion(VersionRecord record) {
        if (versionsOf(record.name()).putIfAbsent(record.version(), record) != null) {
            throw new PreconditionFailedException(
                    "version " + record.version() + " of " + record.name() + " already exists");
        }
    }

    @Override
    public synchronized void updateVersion(VersionRecord record, long expectedRevision) {
        VersionRecord stored = versionsOf(record.name()).get(record.version());
        if (stored == null || stored.revision() != expectedRevision) {
            throw new PreconditionFailedException("version " + record.version() + " of " + record.name()
                    + " is not at revision " + expectedRevision);
        }
        versionsOf(record.name()).put(record.version(), record);
    }

    @Override
    public synchronized void deleteVersion(String name, Version version, long expectedRevision) {
        VersionRecord stored = versionsOf(name).get(version);
        if (stored == null) {
            return;
        }
        if (stored.revision() != expectedRevision) {
            throw new PreconditionFailedException(
                    "version " + version + " of " + name + " is not at revision " + expectedRevision);
        }
        versionsOf(name).remove(version);
    }

    @Override
    public synchronized int allocateVersionNumber(String name, int atLeast) {
        int next = Math.max(counters.getOrDefault(name, 0) + 1, atLeast);
        counters.put(name, next);
        return next;
    }

    @Override
    public synchronized Optional<AliasRecord> getAlias(String name, String alias) {
        return Optional.ofNullable(aliasesOf(name).get(alias));
    }

    @Override
    public synchronized List<AliasRecord> listAliases(String name) {
        return List.copyOf(aliasesOf(name).values());
    }

    @Override
    public synchronized void createAlias(AliasRecord record) {
        if (aliasesOf(record.name()).putIfAbsent(record.alias(), record) != null) {
            throw new PreconditionFailedException("alias " + record.alias() + " of " + record.name() + " exists");
        }
    }

    @Override
    public synchronized void updateAlias(AliasRecord record, long expectedRevision) {
        AliasRecord stored = aliasesOf(record.name()).get(record.alias());
        if (stored == null || stored.revision() != expectedRevision) {
            throw new PreconditionFailedException("alias " + record.alias() + " of " + record.name()
                    + " is not at revision " + expectedRevision);
        }
        aliasesOf(record.name()).put(record.alias(), record);
    }

    @Override
    public synchronized void deleteAlias(String name, String alias, long expectedRevision) {
        AliasRecord stored = aliasesOf(name).get(alias);
        if (stored == null) {
            return;
        }
        if (stored.revision() != expectedRevision) {
            throw new PreconditionFailedException(
                    "alias " + alias + " of " + name + " is not at revision " + expectedRevision);
        }
        aliasesOf(name).remove(alias);
    }

    @Override
    public synchronized void appendAliasHistory(AliasChange change) {
        TreeMap<Long, AliasChange> entries = history.computeIfAbsent(historyKey(change.name(), change.alias()),
                key -> new TreeMap<>());
        if (entries.putIfAbsent(change.revision(), change) != null) {
            throw new PreconditionFailedException("history of alias " + change.alias() + " of " + change.name()
                    + " already has revision " + change.revision());
        }
    }

    @Override
    public synchronized List<AliasChange> aliasHistory(String name, String alias, int limit) {
        TreeMap<Long, AliasChange> entries = history.getOrDefault(historyKey(name, alias), new TreeMap<>());
        return entries.descendingMap().values().stream().limit(limit).toList();
    }

    @Override
    public synchronized void registerArtifactName(String name) {
        names.add(name);
    }

    @Override
    public synchronized List<String> listArtifactNames() {
        return new ArrayList<>(names);
    }

    @Override
    public synchronized void purgeArtifact(String name) {
        versions.remove(name);
        aliases.remove(name);
        history.keySet().removeIf(key -> key.startsWith(name + "/"));
        counters.remove(name);
        names.remove(name);
    }

    private TreeMap<Version, VersionRecord> versionsOf(String name) {
        return versions.computeIfAbsent(name, key -> new TreeMap<>());
    }

    private TreeMap<String, AliasRecord> aliasesOf(String name) {
        return aliases.computeIfAbsent(name, key -> new TreeMap<>());
    }

    private static String historyKey(String name, String alias) {
        return name + "/" + alias;
    }
}
