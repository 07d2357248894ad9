package io.versioned.cli;

import io.versioned.api.Artifact;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code versioned show NAME [--version V]}: the metadata of one version. */
@Command(name = "show", versionProvider = VersionInfo.class,
        description = "Show the metadata of a version: size, SHA-256, content type, time, location, user metadata.")
final class ShowCommand extends Subcommand {

    @Mixin
    VersionOrLatestArguments selection;

    @Override
    int run(VersionedCommand root) {
        Artifact artifact = repository().getArtifactVersion(selection.name, selection.version);
        output().print(() -> JsonShapes.artifact(artifact), output -> output.table(fieldTable(artifact, output)));
        return ExitCodes.OK;
    }

    /** The table of a version's fields, one metadata entry per row. */
    private static Table fieldTable(Artifact artifact, Output output) {
        Table table = new Table("FIELD", "VALUE");
        table.row("name", artifact.name());
        table.row("version", artifact.version().toString());
        table.row("size", Human.size(artifact.size()) + " (" + artifact.size() + " bytes)");
        table.row("sha256", artifact.sha256());
        table.row("content type", artifact.contentType());
        table.row("updated", artifact.updateAt() + " (" + output.ago(artifact.updateAt()) + ")");
        table.row("uri", artifact.uri());
        Map<String, String> metadata = new TreeMap<>(artifact.metadata());
        if (metadata.isEmpty()) {
            table.row("metadata", null);
        }
        boolean first = true;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            table.row(first ? "metadata" : "", entry.getKey() + "=" + entry.getValue());
            first = false;
        }
        return table;
    }
}
