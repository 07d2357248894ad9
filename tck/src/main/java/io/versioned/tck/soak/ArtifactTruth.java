package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.port.VersionRecord;
import io.versioned.tck.StorePorts;
import io.versioned.tck.soak.ArtifactState.AliasState;
import io.versioned.tck.soak.ArtifactState.HistoryEntry;
import io.versioned.tck.soak.ArtifactState.VersionState;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what an artifact really is, without faults: names, aliases and histories through a clean repository, and the
 * version records (deleted ones and alias pins included, which the API hides) straight from the metadata port. Checks
 * on the way that the repository lists exactly the live records.
 */
final class ArtifactTruth {

    private final Repository repository;
    private final StorePorts ports;
    private final List<String> aliasNames;

    /**
     * @param repository a repository on {@code ports} without faults
     * @param ports      the stores
     * @param aliasNames the aliases whose histories are read even when the alias does not exist
     */
    ArtifactTruth(Repository repository, StorePorts ports, List<String> aliasNames) {
        this.repository = repository;
        this.ports = ports;
        this.aliasNames = List.copyOf(aliasNames);
    }

    /** The state of {@code name} now. */
    ArtifactState read(String name) {
        boolean registered = repository.listArtifactNames().contains(name);
        List<VersionRecord> records = ports.metadata().listVersions(name);
        SortedMap<Version, VersionState> versions = new TreeMap<>();
        records.forEach(record -> versions.put(record.version(), VersionState.of(record)));
        SortedMap<String, AliasState> aliases = new TreeMap<>();
        for (Alias alias : repository.listAliases(name)) {
            aliases.put(alias.alias(), AliasState.of(alias));
        }
        TreeSet<String> historyNames = new TreeSet<>(aliasNames);
        historyNames.addAll(aliases.keySet());
        SortedMap<String, List<HistoryEntry>> histories = new TreeMap<>();
        for (String alias : historyNames) {
            List<HistoryEntry> history = repository.getAliasHistory(name, alias).stream().map(HistoryEntry::of)
                    .toList();
            if (!history.isEmpty()) {
                histories.put(alias, history);
            }
        }
        ArtifactState state = new ArtifactState(registered, versions, aliases, histories);
        assertListsTheLiveRecords(name, state);
        return state;
    }

    private void assertListsTheLiveRecords(String name, ArtifactState state) {
        List<Artifact> listed = repository.listArtifactVersions(name);
        assertThat(listed).extracting(Artifact::version).as("live versions of %s listed", name)
                .isEqualTo(state.liveVersions());
        listed.forEach(artifact -> state.versions().get(artifact.version())
                .assertDescribes(artifact, name, artifact.version()));
    }
}
