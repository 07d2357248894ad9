package io.versioned.cli;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import java.util.List;
import java.util.stream.Collectors;

/** Short human descriptions of results, shared by the commands and the demo. */
final class Describe {

    private Describe() {
    }

    /** {@code db version 2: 12.4 MiB, sha256 1a2b3c4d5e6f, application/x-sqlite3}. */
    static String artifact(Artifact artifact) {
        return artifact.name() + " " + versionLabel(artifact) + ": " + Human.size(artifact.size()) + ", sha256 "
                + Human.sha(artifact.sha256()) + ", " + artifact.contentType();
    }

    /** {@code LATEST} or {@code version 2}. */
    private static String versionLabel(Artifact artifact) {
        return artifact.version().isLatest() ? "LATEST" : "version " + artifact.version();
    }

    /** {@code production -> 2 (10% to 3), revision 4}. */
    static String alias(Alias alias) {
        return alias.alias() + " -> " + alias.target() + ", revision " + alias.revision();
    }

    /** The aliases table: alias, target, revision, last change. */
    static Table aliasTable(List<Alias> aliases, Output output) {
        Table table = new Table("ALIAS", "VERSION", "CANARY", "REVISION", "UPDATED").alignRight(3);
        for (Alias alias : aliases) {
            String canary = alias.secondaryVersion()
                    .map(secondary -> alias.secondaryVersionWeight() + "% to " + secondary).orElse(null);
            table.row(alias.alias(), alias.version().toString(), canary, Long.toString(alias.revision()),
                    output.ago(alias.updateAt()));
        }
        return table;
    }

    /** The versions table: version, size, short sha256, age, content type, aliases pointing at it. */
    static Table versionTable(List<Artifact> versions, List<Alias> aliases, Output output) {
        Table table = new Table("VERSION", "SIZE", "SHA256", "UPDATED", "CONTENT TYPE", "ALIASES").alignRight(1);
        for (Artifact artifact : versions) {
            String pointing = aliases.stream()
                    .filter(alias -> alias.version().equals(artifact.version())
                            || alias.secondaryVersion().filter(artifact.version()::equals).isPresent())
                    .map(alias -> alias.secondaryVersion().filter(artifact.version()::equals).isPresent()
                            ? alias.alias() + " (" + alias.secondaryVersionWeight() + "%)" : alias.alias())
                    .collect(Collectors.joining(", "));
            table.row(artifact.version().toString(), Human.size(artifact.size()), Human.sha(artifact.sha256()),
                    output.ago(artifact.updateAt()), artifact.contentType(), pointing.isEmpty() ? null : pointing);
        }
        return table;
    }
}
