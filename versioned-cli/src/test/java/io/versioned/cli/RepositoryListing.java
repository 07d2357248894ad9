package io.versioned.cli;

import io.versioned.api.AliasChange;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a repository holds, read below the commands through its ports: every blob key, the index of names,
 * and for each listed artifact its version records (deleted ones included), its aliases and their histories. Equal
 * listings before and after a command prove that it changed nothing.
 *
 * @param blobKeys  every blob key, sorted
 * @param names     the indexed artifact names, sorted
 * @param versions  artifact name → its version records
 * @param aliases   artifact name → its alias records
 * @param histories {@code name/alias} → the alias history, newest first
 */
record RepositoryListing(List<String> blobKeys, List<String> names, Map<String, List<VersionRecord>> versions,
                         Map<String, List<AliasRecord>> aliases, Map<String, List<AliasChange>> histories) {

    /** Lists the indexed artifacts plus {@code names}, with their aliases plus {@code aliasNames}. */
    static RepositoryListing of(BlobPort blobs, MetadataPort metadata, Collection<String> names,
                                Collection<String> aliasNames) {
        List<String> indexed = metadata.listArtifactNames();
        TreeSet<String> listed = new TreeSet<>(indexed);
        listed.addAll(names);
        Map<String, List<VersionRecord>> versions = new TreeMap<>();
        Map<String, List<AliasRecord>> aliases = new TreeMap<>();
        Map<String, List<AliasChange>> histories = new TreeMap<>();
        for (String name : listed) {
            versions.put(name, metadata.listVersions(name));
            List<AliasRecord> records = metadata.listAliases(name);
            aliases.put(name, records);
            TreeSet<String> aliasesOfName = new TreeSet<>(aliasNames);
            records.forEach(record -> aliasesOfName.add(record.alias()));
            for (String alias : aliasesOfName) {
                histories.put(name + "/" + alias, metadata.aliasHistory(name, alias, Integer.MAX_VALUE));
            }
        }
        return new RepositoryListing(blobs.list(""), indexed, versions, aliases, histories);
    }
}
