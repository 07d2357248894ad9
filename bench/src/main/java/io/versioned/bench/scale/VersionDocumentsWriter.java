package io.versioned.bench.scale;

import io.versioned.aws.S3OnlyRepositoryConfig;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes every version record of one artifact of an S3-only repository as its format-2 documents (docs/s3-only.md,
 * "Layout": {@code {prefix}/_meta/{name}/versions/LATEST.json} and one document per block of 1000 numbers,
 * {@code "format": 2}), one PutObject per document. The S3-only metadata port rewrites a block's whole document on
 * every record it creates, so creating 10,000 records one by one would move about 1.5 GB; this writes the end state
 * at once. The records are then read back through the port's strict decoder and must be exactly the records
 * written, so a change of the format makes the benchmark fail instead of measuring something else. Only for setting
 * up a benchmark: the artifact's index ({@code versions.json}) must exist (the caller published through the API
 * first), and the caller must be the only writer of the artifact meanwhile.
 */
final class VersionDocumentsWriter {

    private static final int BLOCK = 1000;
    private static final int LAST_BLOCK = 999;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final S3Client client;
    private final S3OnlyRepositoryConfig config;
    private final MetadataPort metadata;

    /**
     * @param client   a client of the bucket of {@code config}; the caller closes it
     * @param config   where the repository lives
     * @param metadata the repository's metadata port, to read the document back
     */
    VersionDocumentsWriter(S3Client client, S3OnlyRepositoryConfig config, MetadataPort metadata) {
        this.client = client;
        this.config = config;
        this.metadata = metadata;
    }

    /**
     * Replaces the version documents of {@code name} by ones holding {@code records} (all of that artifact, LATEST
     * first, then numbers ascending).
     *
     * @throws IllegalStateException if the port does not read back exactly {@code records}
     */
    void write(String name, List<VersionRecord> records) {
        Map<String, List<VersionRecord>> byBlock = new TreeMap<>();
        for (VersionRecord record : records) {
            String label = record.version().isLatest() ? "LATEST"
                    : String.format(Locale.ROOT, "%03d", LAST_BLOCK - (record.version().number() - 1) / BLOCK);
            byBlock.computeIfAbsent(label, block -> new ArrayList<>()).add(record);
        }
        byBlock.forEach((label, blockRecords) -> {
            String key = config.prefix() + "/_meta/" + name + "/versions/" + label + ".json";
            client.putObject(request -> request.bucket(config.bucket()).key(key).contentType("application/json"),
                    RequestBody.fromBytes(encode(name, label, blockRecords).getBytes(StandardCharsets.UTF_8)));
        });
        List<VersionRecord> read = metadata.listVersions(name);
        if (!read.equals(records)) {
            throw new IllegalStateException("the version documents written for " + name + " do not read back as "
                    + "written (" + read.size() + " records read, " + records.size() + " written): the S3-only "
                    + "format changed; update " + VersionDocumentsWriter.class.getSimpleName());
        }
    }

    private static String encode(String name, String block, List<VersionRecord> records) {
        StringBuilder json = new StringBuilder(records.size() * 320 + 64);
        json.append("{\"format\":2,\"kind\":\"versions\",\"name\":").append(string(name))
                .append(",\"block\":").append(string(block)).append(",\"versions\":[");
        for (int i = 0; i < records.size(); i++) {
            VersionRecord record = records.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"version\":").append(string(record.version().padded()))
                    .append(",\"updateAt\":").append(string(TIME.format(record.updateAt())))
                    .append(",\"deleted\":").append(record.deleted())
                    .append(",\"sha256\":").append(string(record.sha256()))
                    .append(",\"size\":").append(record.size())
                    .append(",\"contentType\":").append(string(record.contentType()))
                    .append(",\"metadata\":");
            object(json, new TreeMap<>(record.metadata()));
            json.append(",\"blobKey\":").append(string(record.blobKey())).append(",\"aliasPins\":");
            object(json, new TreeMap<>(record.aliasPins()));
            json.append(",\"revision\":").append(record.revision()).append('}');
        }
        return json.append("]}").toString();
    }

    private static void object(StringBuilder json, Map<String, ?> entries) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> entry : entries.entrySet()) {
            json.append(first ? "" : ",").append(string(entry.getKey())).append(':');
            json.append(entry.getValue() instanceof String text ? string(text) : String.valueOf(entry.getValue()));
            first = false;
        }
        json.append('}');
    }

    private static String string(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
