package io.versioned.server;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.PurgeResult;
import io.versioned.api.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON shapes of the API (documented in the OpenAPI document, {@code openapi.json}): the records of the public
 * API as plain maps, with versions as numbers ({@code "LATEST"} for LATEST) and times as ISO-8601 strings.
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Parses a request body that must be a JSON object.
     *
     * @throws IllegalArgumentException if it is not
     */
    static JsonNode readObject(String body) {
        JsonNode node = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        if (!node.isObject()) {
            throw new IllegalArgumentException("body: must be a JSON object");
        }
        return node;
    }

    static Object version(Version version) {
        return version.isLatest() ? "LATEST" : version.number();
    }

    static Map<String, Object> artifact(Artifact artifact) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", artifact.name());
        out.put("version", version(artifact.version()));
        out.put("updateAt", artifact.updateAt().toString());
        out.put("sha256", artifact.sha256());
        out.put("size", artifact.size());
        out.put("contentType", artifact.contentType());
        out.put("metadata", artifact.metadata());
        out.put("uri", artifact.uri());
        return out;
    }

    static Map<String, Object> alias(Alias alias) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", alias.name());
        out.put("alias", alias.alias());
        out.put("revision", alias.revision());
        out.put("updateAt", alias.updateAt().toString());
        out.putAll(target(alias.target()));
        return out;
    }

    static Map<String, Object> target(AliasTarget target) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", version(target.version()));
        out.put("secondaryVersion", target.secondaryVersion().map(Json::version).orElse(null));
        out.put("secondaryWeight", target.secondaryVersionWeight());
        return out;
    }

    static Map<String, Object> change(AliasChange change) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("revision", change.revision());
        out.put("time", change.time().toString());
        out.put("kind", change.isDelete() ? "delete" : change.previous().isEmpty() ? "create" : "update");
        out.put("previous", change.previous().map(Json::target).orElse(null));
        out.put("current", change.current().map(Json::target).orElse(null));
        return out;
    }

    static Map<String, Object> purge(PurgeResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dryRun", result.dryRun());
        out.put("purgeTime", result.purgeTime().toString());
        out.put("purged", result.purged().stream().map(Json::version).toList());
        out.put("keptByAlias", result.keptByAlias().stream().map(Json::version).toList());
        return out;
    }
}
