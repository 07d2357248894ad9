package io.versioned.bench.scale;

import io.versioned.aws.S3OnlyRepositoryConfig;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes every version record of one artifact of an S3-only repository as one {@code versions.json} document, in
 * the format of docs/s3-only.md ({@code {prefix}/_meta/{name}/versions.json}, {@code "format": 1}), with one
 * PutObject. The S3-only metadata port rewrites that whole document on every record it creates, so creating
 * 10,000 records one by one would move gigabytes; this writes the end state at once. The document is then read
 * back through the port's strict decoder and must give exactly the records written, so a change of the format
 * makes the benchmark fail instead of measuring something else. Only for setting up a benchmark: the caller must be
 * the only writer of the artifact meanwhile.
 */
final class VersionsDocumentWriter {

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
    VersionsDocumentWriter(S3Client client, S3OnlyRepositoryConfig config, MetadataPort metadata) {
        this.client = client;
        this.config = config;
        this.metadata = metadata;
    }

    /**
     * Replaces the versions document of {@code name} by one holding {@code records} (all of that artifact, LATEST
     * first, then numbers ascending).
     *
     * @throws IllegalStateException if the port does not read back exactly {@code records}
     */
    void write(String name, List<VersionRecord> records) {
        String key = config.prefix() + "/_meta/" + name + "/versions.json";
        client.putObject(request -> request.bucket(config.bucket()).key(key).contentType("application/json"),
                RequestBody.fromBytes(encode(name, records).getBytes(StandardCharsets.UTF_8)));
        List<VersionRecord> read = metadata.listVersions(name);
        if (!read.equals(records)) {
            throw new IllegalStateException("the versions document written for " + name + " does not read back as "
                    + "written (" + read.size() + " records read, " + records.size() + " written): the S3-only "
                    + "format changed; update " + VersionsDocumentWriter.class.getSimpleName());
        }
    }

    private static String encode(String name, List<VersionRecord> records) {
        StringBuilder json = new StringBuilder(records.size() * 320 + 64);
        json.append("{\"format\":1,\"kind\":\"versions\",\"name\":").append(string(name)).append(",\"versions\":[");
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
