package io.versioned.tck;

import io.versioned.api.AliasChange;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.VersionRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Everything a repository has stored, read below the public API: every blob key, the index of artifact names, and
 * for each probed artifact its version records, alias records and alias histories. Two snapshots are equal exactly
 * when nothing visible through the ports changed between them, which is how the suites prove that a failed call
 * wrote nothing.
 *
 * @param blobKeys      every blob key of the store, sorted
 * @param artifactNames the indexed artifact names, sorted
 * @param versions      artifact name → its version records, deleted ones included
 * @param aliases       artifact name → its alias records
 * @param histories     {@code name/alias} → the alias history, newest first
 */
record StoreSnapshot(List<String> blobKeys, List<String> artifactNames, Map<String, List<VersionRecord>> versions,
                     Map<String, List<AliasRecord>> aliases, Map<String, List<AliasChange>> histories) {

    /**
     * Reads the state of {@code ports}. The artifacts probed are the indexed ones plus {@code names}; the alias
     * histories read are those of each probed artifact's aliases plus {@code aliasNames}.
     */
    static StoreSnapshot of(StorePorts ports, Collection<String> names, Collection<String> aliasNames) {
        List<String> indexed = ports.metadata().listArtifactNames();
        TreeSet<String> probed = new TreeSet<>(indexed);
        probed.addAll(names);
        Map<String, List<VersionRecord>> versions = new TreeMap<>();
        Map<String, List<AliasRecord>> aliases = new TreeMap<>();
        Map<String, List<AliasChange>> histories = new TreeMap<>();
        for (String name : probed) {
            versions.put(name, ports.metadata().listVersions(name));
            List<AliasRecord> records = ports.metadata().listAliases(name);
            aliases.put(name, records);
            TreeSet<String> aliasesOfName = new TreeSet<>(aliasNames);
            records.forEach(record -> aliasesOfName.add(record.alias()));
            for (String alias : aliasesOfName) {
                histories.put(name + "/" + alias, ports.metadata().aliasHistory(name, alias, Integer.MAX_VALUE));
            }
        }
        return new StoreSnapshot(ports.blobs().list(""), indexed, versions, aliases, histories);
    }

    /**
     * Reads the state of the artifacts {@code names} only: their blobs, their entries in the index, their records
     * and the histories of their aliases plus {@code aliasNames}. Unchanged while other artifacts come and go.
     */
    static StoreSnapshot ofArtifacts(StorePorts ports, Collection<String> names, Collection<String> aliasNames) {
        StoreSnapshot all = of(ports, names, aliasNames);
        Predicate<String> underAName = key -> names.stream().anyMatch(name -> key.startsWith(name + "/"));
        return new StoreSnapshot(all.blobKeys().stream().filter(underAName).toList(),
                all.artifactNames().stream().filter(names::contains).toList(),
                filtered(all.versions(), names::contains), filtered(all.aliases(), names::contains),
                filtered(all.histories(), underAName));
    }

    private static <V> Map<String, V> filtered(Map<String, V> map, Predicate<String> keep) {
        Map<String, V> filtered = new TreeMap<>(map);
        filtered.keySet().removeIf(keep.negate());
        return filtered;
    }
}
