package io.versioned.adapter.s3only;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.TargetFacts;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of every metadata document, and the only class that knows it. Every document is an object
 * with a {@code "format"} ({@value #VERSIONS_FORMAT} for the version documents, {@value #FORMAT} for the others), a
 * {@code "kind"} naming the document type and the artifact {@code "name"} (plus {@code "alias"} for history and
 * {@code "block"} for version documents); timestamps are ISO-8601 UTC with exactly six fraction digits
 * ({@code 2024-05-01T12:00:00.123456Z}); versions are {@code "LATEST"} or six digits. The format-1
 * {@code versions.json} of earlier releases is read only to be migrated ({@link #decodeVersionsIndex}).
 *
 * <p>Decoding is strict: a document that is not valid JSON, has another format or kind, belongs to another
 * artifact, alias or block, or misses or mistypes a field is refused with a non-retryable {@link BackendException}
 * naming its location, never read as something else. Thread-safe.
 */
final class MetadataCodec {

    /** The format of the aliases, history, counter and name documents, which this release writes and reads. */
    static final int FORMAT = 1;

    /**
     * The format of the version documents this release writes: {@code versions.json} as an index, the records in
     * {@link VersionBlock} documents under {@code versions/}. It reads format 1 (every record in
     * {@code versions.json}) only to migrate it.
     */
    static final int VERSIONS_FORMAT = 2;

    static final String KIND_VERSIONS = "versions";
    static final String KIND_VERSIONS_INDEX = "versionsIndex";
    static final String KIND_VERSIONS_MIGRATION = "versionsMigration";
    static final String KIND_ALIASES = "aliases";
    static final String KIND_HISTORY = "aliasHistory";
    static final String KIND_COUNTER = "versionCounter";
    static final String KIND_NAME = "artifactName";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern VERSION = Pattern.compile("LATEST|[0-9]{6}");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    // ---- versions ----------------------------------------------------------------------------------------

    /** The format-2 document of {@code block}, holding {@code document}'s records (all of that block). */
    byte[] encodeVersions(VersionsDocument document, VersionBlock block) {
        ObjectNode root = header(KIND_VERSIONS, document.name(), VERSIONS_FORMAT);
        root.put("block", block.label());
        putVersionRecords(root, document);
        return write(root);
    }

    /**
     * @throws BackendException naming {@code location} if the bytes are not the format-2 document of {@code block}
     *                          of {@code name}, or hold a record of another block
     */
    VersionsDocument decodeVersions(String location, String name, VersionBlock block, byte[] bytes) {
        Fields fields = new Fields(location);
        JsonNode root = fields.document(bytes, KIND_VERSIONS, name, VERSIONS_FORMAT);
        String label = fields.text(root, "block");
        if (!block.label().equals(label)) {
            throw fields.corrupt("it is the document of block '" + label + "', not of '" + block.label() + "'");
        }
        VersionsDocument document = versionRecords(fields, root, name);
        document.versions().keySet().stream().filter(version -> !block.contains(version)).findFirst()
                .ifPresent(version -> {
                    throw fields.corrupt("version " + version.padded() + " does not belong in the document of "
                            + block);
                });
        return document;
    }

    /** The format-2 {@code versions.json}: it says that the records of {@code name} are in format 2. */
    byte[] encodeVersionsIndex(String name) {
        ObjectNode root = header(KIND_VERSIONS_INDEX, name, VERSIONS_FORMAT);
        root.put("records", "versions/");
        return write(root);
    }

    /**
     * Reads {@code versions.json}: the format-2 index (empty), or a format-1 document of an earlier release, whose
     * records are returned to be migrated.
     *
     * @throws BackendException naming {@code location} if the bytes are neither
     */
    Optional<VersionsDocument> decodeVersionsIndex(String location, String name, byte[] bytes) {
        Fields fields = new Fields(location);
        JsonNode root = fields.parse(bytes);
        JsonNode format = root.get("format");
        if (format != null && format.isIntegralNumber() && format.longValue() == FORMAT) {
            return Optional.of(versionRecords(fields, fields.check(root, KIND_VERSIONS, name, FORMAT), name));
        }
        fields.check(root, KIND_VERSIONS_INDEX, name, VERSIONS_FORMAT);
        return Optional.empty();
    }

    /** {@code versions/_migration.json}: the records of a format-1 {@code versions.json} being migrated. */
    byte[] encodeVersionsMigration(VersionsDocument document) {
        ObjectNode root = header(KIND_VERSIONS_MIGRATION, document.name(), VERSIONS_FORMAT);
        putVersionRecords(root, document);
        return write(root);
    }

    /**
     * @throws BackendException naming {@code location} if the bytes are not the migration document of {@code name}
     */
    VersionsDocument decodeVersionsMigration(String location, String name, byte[] bytes) {
        Fields fields = new Fields(location);
        return versionRecords(fields, fields.document(bytes, KIND_VERSIONS_MIGRATION, name, VERSIONS_FORMAT), name);
    }

    private void putVersionRecords(ObjectNode root, VersionsDocument document) {
        ArrayNode records = root.putArray("versions");
        for (VersionRecord record : document.versions().values()) {
            ObjectNode node = records.addObject();
            node.put("version", record.version().padded());
            node.put("updateAt", TIME.format(record.updateAt()));
            node.put("deleted", record.deleted());
            node.put("sha256", record.sha256());
            node.put("size", record.size());
            node.put("contentType", record.contentType());
            ObjectNode metadata = node.putObject("metadata");
            new TreeMap<>(record.metadata()).forEach(metadata::put);
            node.put("blobKey", record.blobKey());
            ObjectNode pins = node.putObject("aliasPins");
            new TreeMap<>(record.aliasPins()).forEach(pins::put);
            node.put("revision", record.revision());
        }
    }

    private static VersionsDocument versionRecords(Fields fields, JsonNode root, String name) {
        TreeMap<Version, VersionRecord> records = fields.records(root, "versions", "version",
                node -> fields.version(node, "version"), (node, version) -> new VersionRecord(name, version,
                        fields.time(node, "updateAt"), fields.bool(node, "deleted"), fields.text(node, "sha256"),
                        fields.integer(node, "size"), fields.text(node, "contentType"),
                        fields.textMap(node, "metadata"), fields.text(node, "blobKey"),
                        fields.longMap(node, "aliasPins"), fields.integer(node, "revision")));
        return new VersionsDocument(name, records);
    }

    // ---- aliases -----------------------------------------------------------------------------------------

    byte[] encodeAliases(AliasesDocument document) {
        ObjectNode root = header(KIND_ALIASES, document.name());
        ArrayNode records = root.putArray("aliases");
        for (AliasRecord record : document.aliases().values()) {
            ObjectNode node = records.addObject();
            node.put("alias", record.alias());
            node.put("updateAt", TIME.format(record.updateAt()));
            node.set("target", target(record.target()));
            node.put("revision", record.revision());
            if (!record.targetFacts().isEmpty()) {
                ObjectNode facts = node.putObject("targetFacts");
                new TreeMap<>(record.targetFacts()).forEach((version, known) -> {
                    ObjectNode fact = facts.putObject(version.padded());
                    fact.put("updateAt", TIME.format(known.updateAt()));
                    fact.put("sha256", known.sha256());
                    fact.put("size", known.size());
                    fact.put("contentType", known.contentType());
                    ObjectNode metadata = fact.putObject("metadata");
                    new TreeMap<>(known.metadata()).forEach(metadata::put);
                    fact.put("blobKey", known.blobKey());
                });
            }
        }
        return write(root);
    }

    /**
     * @throws BackendException naming {@code location} if the bytes are not the aliases document of {@code name}
     */
    AliasesDocument decodeAliases(String location, String name, byte[] bytes) {
        Fields fields = new Fields(location);
        JsonNode root = fields.document(bytes, KIND_ALIASES, name);
        TreeMap<String, AliasRecord> records = fields.records(root, "aliases", "alias",
                node -> fields.text(node, "alias"), (node, alias) -> {
                    AliasTarget target = fields.target(fields.object(node, "target"));
                    return fields.build("alias " + alias, () -> new AliasRecord(name, alias,
                            fields.time(node, "updateAt"), target, fields.integer(node, "revision"),
                            fields.targetFacts(node)));
                });
        return new AliasesDocument(name, records);
    }

    // ---- history -----------------------------------------------------------------------------------------

    byte[] encodeHistory(HistoryDocument document) {
        ObjectNode root = header(KIND_HISTORY, document.name());
        root.put("alias", document.alias());
        ArrayNode entries = root.putArray("entries");
        for (AliasChange change : document.entries().values()) {
            ObjectNode node = entries.addObject();
            node.put("revision", change.revision());
            node.put("time", TIME.format(change.time()));
            node.set("previous", change.previous().map(this::target).orElse(null));
            node.set("current", change.current().map(this::target).orElse(null));
        }
        return write(root);
    }

    /**
     * @throws BackendException naming {@code location} if the bytes are not the history document of
     *                          {@code alias} of {@code name}
     */
    HistoryDocument decodeHistory(String location, String name, String alias, byte[] bytes) {
        Fields fields = new Fields(location);
        JsonNode root = fields.document(bytes, KIND_HISTORY, name);
        if (!alias.equals(fields.text(root, "alias"))) {
            throw fields.corrupt("it belongs to alias '" + fields.text(root, "alias") + "', not '" + alias + "'");
        }
        TreeMap<Long, AliasChange> entries = fields.records(root, "entries", "revision",
                node -> fields.integer(node, "revision"), (node, revision) -> new AliasChange(name, alias,
                        revision, fields.time(node, "time"), fields.optionalTarget(node, "previous"),
                        fields.optionalTarget(node, "current")));
        return new HistoryDocument(name, alias, entries);
    }

    // ---- counter and name marker -------------------------------------------------------------------------

    byte[] encodeCounter(CounterDocument document) {
        ObjectNode root = header(KIND_COUNTER, document.name());
        root.put("last", document.last());
        return write(root);
    }

    /**
     * @throws BackendException naming {@code location} if the bytes are not the counter document of {@code name}
     */
    CounterDocument decodeCounter(String location, String name, byte[] bytes) {
        Fields fields = new Fields(location);
        JsonNode root = fields.document(bytes, KIND_COUNTER, name);
        long last = fields.integer(root, "last");
        if (last < 0 || last > Integer.MAX_VALUE) {
            throw fields.corrupt("\"last\" is out of range: " + last);
        }
        return new CounterDocument(name, (int) last);
    }

    /** The body of the marker object that puts {@code name} in the index of artifact names. */
    byte[] encodeNameMarker(String name) {
        return write(header(KIND_NAME, name));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private ObjectNode header(String kind, String name) {
        return header(kind, name, FORMAT);
    }

    private ObjectNode header(String kind, String name, int format) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", format);
        root.put("kind", kind);
        root.put("name", name);
        return root;
    }

    private ObjectNode target(AliasTarget target) {
        ObjectNode node = mapper.createObjectNode();
        node.put("version", target.version().padded());
        target.secondaryVersion().ifPresent(secondary -> {
            node.put("secondaryVersion", secondary.padded());
            node.put("secondaryVersionWeight", target.secondaryVersionWeight());
        });
        return node;
    }

    private byte[] write(ObjectNode root) {
        return mapper.writeValueAsBytes(root);
    }

    /** Strict field access on one document; every failure names the document's location. */
    private final class Fields {
        private final String location;

        Fields(String location) {
            this.location = location;
        }

        JsonNode document(byte[] bytes, String kind, String name) {
            return document(bytes, kind, name, FORMAT);
        }

        JsonNode document(byte[] bytes, String kind, String name, int expectedFormat) {
            return check(parse(bytes), kind, name, expectedFormat);
        }

        /** The document's JSON object, unchecked. */
        JsonNode parse(byte[] bytes) {
            JsonNode root;
            try {
                root = mapper.readTree(bytes);
            } catch (JacksonException e) {
                throw corrupt("it is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (root == null || !root.isObject()) {
                throw corrupt("it is not a JSON object");
            }
            return root;
        }

        /** {@code root}, after checking its format, kind and artifact name. */
        JsonNode check(JsonNode root, String kind, String name, int expectedFormat) {
            JsonNode format = root.get("format");
            if (format == null || !format.isIntegralNumber()) {
                throw corrupt("it has no integer \"format\" field, so it was not written by this library");
            }
            if (format.longValue() != expectedFormat) {
                throw corrupt("it has format " + format.longValue() + " and this release reads only format "
                        + expectedFormat + (format.longValue() > expectedFormat
                        ? " (it was written by a newer release)" : ""));
            }
            String actualKind = text(root, "kind");
            if (!kind.equals(actualKind)) {
                throw corrupt("it is a '" + actualKind + "' document where a '" + kind + "' document belongs");
            }
            String actualName = text(root, "name");
            if (!name.equals(actualName)) {
                throw corrupt("it belongs to artifact '" + actualName + "', not '" + name + "'");
            }
            return root;
        }

        <T> T build(String what, Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
                throw corrupt(what + " is invalid: " + e.getMessage(), e);
            }
        }

        /**
         * The elements of the array {@code field} of {@code root} as records by key: {@code key} reads an element's
         * key, {@code record} builds the element's record; errors name the element as {@code label} and its key.
         *
         * @throws BackendException if the array is missing, an element is invalid or a key appears twice
         */
        <K extends Comparable<K>, R> TreeMap<K, R> records(JsonNode root, String field, String label,
                Function<JsonNode, K> key, BiFunction<JsonNode, K, R> record) {
            TreeMap<K, R> records = new TreeMap<>();
            for (JsonNode node : array(root, field)) {
                K k = key.apply(node);
                String what = label + " " + k;
                if (records.put(k, build(what, () -> record.apply(node, k))) != null) {
                    throw corrupt(what + " appears twice");
                }
            }
            return records;
        }

        Iterable<JsonNode> array(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw corrupt("\"" + field + "\" is missing or not an array");
            }
            for (JsonNode element : value) {
                if (!element.isObject()) {
                    throw corrupt("\"" + field + "\" has an element that is not an object");
                }
            }
            return value;
        }

        JsonNode object(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject()) {
                throw corrupt("\"" + field + "\" is missing or not an object");
            }
            return value;
        }

        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isString()) {
                throw corrupt("\"" + field + "\" is missing or not a string");
            }
            return value.stringValue();
        }

        long integer(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
                throw corrupt("\"" + field + "\" is missing or not an integer");
            }
            return value.longValue();
        }

        boolean bool(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isBoolean()) {
                throw corrupt("\"" + field + "\" is missing or not a boolean");
            }
            return value.booleanValue();
        }

        Instant time(JsonNode node, String field) {
            String value = text(node, field);
            try {
                return Instant.from(TIME.parse(value));
            } catch (DateTimeParseException e) {
                throw corrupt("\"" + field + "\" is not a timestamp like 2024-05-01T12:00:00.123456Z: " + value, e);
            }
        }

        Version version(JsonNode node, String field) {
            String value = text(node, field);
            if (!VERSION.matcher(value).matches() || "000000".equals(value)) {
                throw corrupt("\"" + field + "\" is not LATEST or a six-digit version: " + value);
            }
            return Version.parse(value);
        }

        /** The optional {@code "targetFacts"} of an alias record: version → facts; absent in older documents. */
        Map<Version, TargetFacts> targetFacts(JsonNode node) {
            Map<Version, TargetFacts> facts = new HashMap<>();
            if (!node.has("targetFacts")) {
                return facts;
            }
            for (Map.Entry<String, JsonNode> entry : object(node, "targetFacts").properties()) {
                if (!VERSION.matcher(entry.getKey()).matches() || "000000".equals(entry.getKey())) {
                    throw corrupt("\"targetFacts\" has a key that is not a six-digit version: " + entry.getKey());
                }
                JsonNode fact = entry.getValue();
                if (!fact.isObject()) {
                    throw corrupt("\"targetFacts\"." + entry.getKey() + " is not an object");
                }
                facts.put(Version.parse(entry.getKey()), build("targetFacts", () -> new TargetFacts(
                        time(fact, "updateAt"), text(fact, "sha256"), integer(fact, "size"),
                        text(fact, "contentType"), textMap(fact, "metadata"), text(fact, "blobKey"))));
            }
            return facts;
        }

        Map<String, String> textMap(JsonNode node, String field) {
            Map<String, String> map = new HashMap<>();
            for (Map.Entry<String, JsonNode> entry : object(node, field).properties()) {
                if (!entry.getValue().isString()) {
                    throw corrupt("\"" + field + "\"." + entry.getKey() + " is not a string");
                }
                map.put(entry.getKey(), entry.getValue().stringValue());
            }
            return map;
        }

        Map<String, Long> longMap(JsonNode node, String field) {
            Map<String, Long> map = new HashMap<>();
            for (Map.Entry<String, JsonNode> entry : object(node, field).properties()) {
                if (!entry.getValue().isIntegralNumber() || !entry.getValue().canConvertToLong()) {
                    throw corrupt("\"" + field + "\"." + entry.getKey() + " is not an integer");
                }
                map.put(entry.getKey(), entry.getValue().longValue());
            }
            return map;
        }

        AliasTarget target(JsonNode node) {
            Version primary = version(node, "version");
            if (node.get("secondaryVersion") == null) {
                if (node.get("secondaryVersionWeight") != null) {
                    throw corrupt("a target has \"secondaryVersionWeight\" without \"secondaryVersion\"");
                }
                return AliasTarget.of(primary);
            }
            Version secondary = version(node, "secondaryVersion");
            long weight = integer(node, "secondaryVersionWeight");
            return build("target", () -> new AliasTarget(primary, Optional.of(secondary), Math.toIntExact(weight)));
        }

        Optional<AliasTarget> optionalTarget(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null) {
                throw corrupt("\"" + field + "\" is missing");
            }
            return value.isNull() ? Optional.empty() : Optional.of(target(object(node, field)));
        }

        BackendException corrupt(String reason) {
            return corrupt(reason, null);
        }

        BackendException corrupt(String reason, Throwable cause) {
            return new BackendException("metadata object " + location + " is not a valid versioned metadata "
                    + "document: " + reason + ". It was not written by this library or was damaged; fix or "
                    + "remove it by hand", cause, false);
        }
    }
}
