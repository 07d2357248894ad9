package io.versioned.cli;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.PurgeResult;
import io.versioned.api.Version;
import io.versioned.core.FsckReport;
import io.versioned.core.GcReport;
import io.versioned.core.port.BlobEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stable JSON shapes of {@code --json} output. Field names follow the Java API; versions are strings
 * ({@code "LATEST"} or {@code "5"}); times are ISO-8601 UTC; absent values are {@code null}. Fields may be added
 * in later versions, never renamed or removed.
 */
final class JsonShapes {

    private JsonShapes() {
    }

    static Map<String, Object> artifact(Artifact artifact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", artifact.name());
        json.put("version", artifact.version().toString());
        json.put("updateAt", artifact.updateAt().toString());
        json.put("sha256", artifact.sha256());
        json.put("size", artifact.size());
        json.put("contentType", artifact.contentType());
        json.put("metadata", new TreeMap<>(artifact.metadata()));
        json.put("uri", artifact.uri());
        return json;
    }

    static List<Map<String, Object>> artifacts(List<Artifact> artifacts) {
        return artifacts.stream().map(JsonShapes::artifact).toList();
    }

    static Map<String, Object> alias(Alias alias) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", alias.name());
        json.put("alias", alias.alias());
        json.put("version", alias.version().toString());
        json.put("secondaryVersion", alias.secondaryVersion().map(Version::toString).orElse(null));
        json.put("secondaryVersionWeight", alias.secondaryVersionWeight());
        json.put("versionUri", alias.versionUri());
        json.put("secondaryVersionUri", alias.secondaryVersionUri().orElse(null));
        json.put("revision", alias.revision());
        json.put("updateAt", alias.updateAt().toString());
        return json;
    }

    static Map<String, Object> change(AliasChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revision", change.revision());
        json.put("time", change.time().toString());
        json.put("previous", target(change.previous()));
        json.put("current", target(change.current()));
        json.put("deleted", change.isDelete());
        return json;
    }

    static Map<String, Object> purge(String name, PurgeResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("purgeTime", result.purgeTime().toString());
        json.put("purged", versions(result.purged()));
        json.put("keptByAlias", versions(result.keptByAlias()));
        json.put("dryRun", result.dryRun());
        return json;
    }

    static Map<String, Object> fsck(FsckReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intact", report.intact());
        json.put("artifacts", report.artifacts());
        json.put("versionsChecked", report.versionsChecked());
        json.put("bytesChecked", report.bytesChecked());
        json.put("findings", report.findings().stream().map(finding -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", finding.name());
            item.put("version", finding.version().toString());
            item.put("problem", finding.problem());
            return item;
        }).toList());
        json.put("orphans", report.orphans());
        json.put("leftovers", entries(report.leftovers()));
        json.put("foreign", report.foreign());
        return json;
    }

    static Map<String, Object> gc(GcReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orphans", report.orphans());
        json.put("recent", report.recent());
        json.put("leftovers", entries(report.leftovers()));
        json.put("foreign", report.foreign());
        json.put("removed", report.removed());
        json.put("dryRun", report.dryRun());
        return json;
    }

    private static List<Map<String, Object>> entries(List<BlobEntry> entries) {
        return entries.stream().map(entry -> of("key", entry.key(), "size", entry.size(),
                "lastModified", entry.lastModified().toString())).toList();
    }

    static List<String> versions(List<Version> versions) {
        return versions.stream().map(Version::toString).toList();
    }

    /** A small map from alternating keys and values, keeping their order. */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    private static Map<String, Object> target(Optional<AliasTarget> target) {
        if (target.isEmpty()) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", target.get().version().toString());
        json.put("secondaryVersion", target.get().secondaryVersion().map(Version::toString).orElse(null));
        json.put("secondaryVersionWeight", target.get().secondaryVersionWeight());
        return json;
    }
}
