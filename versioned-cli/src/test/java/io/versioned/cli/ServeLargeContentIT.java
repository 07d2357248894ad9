package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.core.Sha256;
import io.versioned.testsupport.GeneratedContent;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A 1 GiB upload and download through {@code versioned serve} running in a 256 MiB heap: both directions stream.
 * The content is generated as it is sent and hashed as it is received; neither side holds it.
 */
class ServeLargeContentIT {

    private static final long SIZE = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void aGibibyteGoesThroughAServerWithA256MibHeap() throws Exception {
        try (ServedJar server = ServedJar.start(dir, "embedded:" + dir.resolve("repo"),
                List.of("-Xmx256m", "-XX:+UseSerialGC"))) {
            ApiClient admin = new ApiClient(server.base(), ServedJar.ADMIN_TOKEN);
            GeneratedContent content = new GeneratedContent(SIZE, 14);
            HttpResponse<String> put = admin.send(admin.request("/api/v1/artifacts/big/content",
                            "Content-Type", "application/x-sqlite3")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> content)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
            String sha256 = content.sha256();
            JsonNode stored = ApiClient.json(put);
            assertThat(stored.get("size").longValue()).isEqualTo(SIZE);
            assertThat(stored.get("sha256").stringValue()).isEqualTo(sha256);

            HttpResponse<InputStream> get = admin.send(admin.request("/api/v1/artifacts/big/versions/LATEST/content")
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
            assertThat(get.headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
            try (InputStream body = get.body()) {
                assertThat(Sha256.of(body)).isEqualTo(sha256);
            }
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
        }
    }
}
