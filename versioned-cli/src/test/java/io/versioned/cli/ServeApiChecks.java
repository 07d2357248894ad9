package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.AliasTarget;
import io.versioned.api.Routing;
import io.versioned.api.Version;
import io.versioned.core.Sha256;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP API of {@code versioned serve}, run as users run it ({@link ServedJar}: the shaded jar in a child
 * process) and called over real HTTP: every route's normal and bad-input answers, the error shape, 304 and
 * ranges, auth, limits. Each backend's subclass names the repository URI; the artifacts of each test are fresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServeApiChecks {

    private static final String API = "/api/v1/artifacts/";
    private static final long MAX_UPLOAD = 1024 * 1024;

    private ServedJar server;
    private ApiClient admin;
    private ApiClient reader;

    /** The repository to serve; {@code dir} is a fresh folder it may use. */
    abstract String repositoryUri(Path dir);

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = ServedJar.start(dir, repositoryUri(dir), List.of("-XX:+UseSerialGC"), "--max-upload",
                Long.toString(MAX_UPLOAD));
        admin = new ApiClient(server.base(), ServedJar.ADMIN_TOKEN);
        reader = admin.as(ServedJar.READ_TOKEN);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static String fresh() {
        return "model-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Puts {@code texts} one by one and publishes each: versions 1, 2, ... */
    private void publish(String name, String... texts) throws Exception {
        for (String text : texts) {
            assertThat(admin.upload(name, text.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
            assertThat(admin.send("POST", API + name + "/versions", null).statusCode()).isEqualTo(201);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String... mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode error = ApiClient.json(response).get("error");
        assertThat(error.get("status").intValue()).isEqualTo(status);
        assertThat(error.get("code").stringValue()).isEqualTo(code);
        assertThat(error.get("retryable").isBoolean()).isTrue();
        for (String mention : mentions) {
            assertThat(error.get("message").stringValue()).contains(mention);
        }
    }

    @Test
    void uploadPublishListAndDownloadWithETagsAndRanges() throws Exception {
        String name = fresh();
        byte[] content = "id,name\n1,alice\n2,bob\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = admin.upload(name, content, "Content-Type", "text/csv");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        JsonNode latest = ApiClient.json(put);
        assertThat(latest.get("version").stringValue()).isEqualTo("LATEST");
        assertThat(latest.get("sha256").stringValue()).isEqualTo(Sha256.of(content));
        assertThat(latest.get("contentType").stringValue()).isEqualTo("text/csv");

        HttpResponse<String> published = admin.send("POST", API + name + "/versions", null);
        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(published).get("version").intValue()).isEqualTo(1);
        assertThat(ApiClient.json(reader.get("/api/v1/artifacts")).get("artifacts").toString()).contains(name);
        JsonNode versions = ApiClient.json(reader.get(API + name + "/versions")).get("versions");
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(1).get("version").intValue()).isEqualTo(1);
        assertThat(versions.get(1).get("size").longValue()).isEqualTo(content.length);
        assertThat(ApiClient.json(reader.get(API + name + "/versions/1")).get("sha256").stringValue())
                .isEqualTo(Sha256.of(content));

        String path = API + name + "/versions/1/content";
        HttpResponse<String> whole = reader.get(path);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(new String(content, StandardCharsets.UTF_8));
        String etag = "\"" + Sha256.of(content) + "\"";
        assertThat(whole.headers().firstValue("ETag")).hasValue(etag);
        assertThat(whole.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(content.length);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<String> notModified = reader.get(path, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(reader.get(path, "If-None-Match", "\"" + "0".repeat(64) + "\"").statusCode()).isEqualTo(200);

        HttpResponse<String> range = reader.get(path, "Range", "bytes=3-6");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("name");
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 3-6/" + content.length);
        assertThat(reader.get(path, "Range", "bytes=-4").body()).isEqualTo("bob\n");
        assertThat(reader.get(path, "Range", "bytes=8-").body()).isEqualTo("1,alice\n2,bob\n");
        assertThat(reader.get(path, "Range", "bytes=3-6", "If-Range", "\"stale\"").statusCode()).isEqualTo(200);
        HttpResponse<String> outside = reader.get(path, "Range", "bytes=" + content.length + "-");
        assertError(outside, 416, "range_not_satisfiable", "Range:");

        assertError(reader.get(API + name + "/versions/7/content"), 404, "artifact_not_found");
        assertError(reader.get(API + name + "/versions/seven/content"), 400, "bad_request", "version:");
        assertError(reader.get(API + name + "/versions/seven"), 400, "bad_request", "version:");
        assertError(reader.get(API + "no-such-artifact/versions"), 404, "artifact_not_found");
        assertError(reader.get(API + "-bad-name/versions"), 400, "bad_request", "name:");
    }

    @Test
    void uploadsAreCheckedBeforeAnythingIsStored() throws Exception {
        String name = fresh();
        byte[] content = "payload".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> matching = admin.upload(name, content, "X-Content-SHA256", Sha256.of(content));
        assertThat(matching.statusCode()).as(matching.body()).isEqualTo(201);

        byte[] other = "tampered".getBytes(StandardCharsets.UTF_8);
        assertError(admin.upload(name, other, "X-Content-SHA256", Sha256.of(content)), 412, "sha256_mismatch",
                "X-Content-SHA256");
        assertError(admin.upload(name, other, "X-Content-SHA256", "xyz"), 400, "bad_request", "X-Content-SHA256");
        assertError(admin.upload(name, new byte[(int) MAX_UPLOAD + 1]), 413, "payload_too_large", "Content-Length");
        assertError(admin.upload("bad/../name", content), 404, "no_route");
        assertError(admin.upload("-bad", content), 400, "bad_request", "name:");
        assertError(admin.upload(name, content, "Content-Type", "not a media type"), 400, "bad_request");
        assertThat(ApiClient.json(reader.get(API + name + "/versions/LATEST")).get("sha256").stringValue())
                .as("LATEST is still the first upload").isEqualTo(Sha256.of(content));
        assertError(admin.send("POST", API + fresh() + "/versions", null), 404, "artifact_not_found");
    }

    @Test
    void aliasesCanaryPromoteRollbackResolveAndHistory() throws Exception {
        String name = fresh();
        publish(name, "one", "two", "three");
        String alias = API + name + "/aliases/production";
        HttpResponse<String> created = admin.send("PUT", alias, "{\"version\": 1}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(ApiClient.json(created).get("revision").longValue()).isEqualTo(1);

        HttpResponse<String> canary = admin.send("PUT", alias,
                "{\"version\": 1, \"secondaryVersion\": 2, \"secondaryWeight\": 10, \"expectedRevision\": 1}");
        assertThat(canary.statusCode()).as(canary.body()).isEqualTo(200);
        assertThat(ApiClient.json(canary).get("secondaryWeight").intValue()).isEqualTo(10);
        for (String key : List.of("user-1", "user-2", "user-3", "user-42", "user-4711")) {
            Version expected = new AliasTarget(Version.of(1), Optional.of(Version.of(2)), 10)
                    .pick(Routing.bucket(name, "production", key));
            JsonNode resolved = ApiClient.json(reader.get(API + name + "/resolve/production?key=" + key));
            assertThat(resolved.get("version").intValue()).as(key).isEqualTo(expected.number());
        }
        assertThat(ApiClient.json(reader.get(API + name + "/versions")).get("versions").get(2).get("aliases")
                .toString()).isEqualTo("[\"production\"]");

        assertError(admin.send("PUT", alias, "{\"version\": 2, \"expectedRevision\": 1}"), 409, "conflict");
        assertThat(admin.send("PUT", alias, "{\"version\": 2, \"expectedRevision\": 2}").statusCode()).isEqualTo(200);
        HttpResponse<String> rolledBack = admin.send("POST", alias + "/rollback", null);
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        JsonNode back = ApiClient.json(rolledBack);
        assertThat(back.get("version").intValue()).isEqualTo(1);
        assertThat(back.get("secondaryVersion").intValue()).isEqualTo(2);
        assertThat(back.get("secondaryWeight").intValue()).isEqualTo(10);

        JsonNode history = ApiClient.json(reader.get(alias + "/history")).get("history");
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.get(0).get("revision").longValue()).isEqualTo(4);
        assertThat(history.get(3).get("kind").stringValue()).isEqualTo("create");
        assertThat(history.get(1).get("current").get("version").intValue()).isEqualTo(2);
        assertThat(ApiClient.json(reader.get(API + name + "/aliases")).get("aliases").size()).isEqualTo(1);
        assertThat(ApiClient.json(reader.get(alias)).get("revision").longValue()).isEqualTo(4);

        assertError(admin.send("PUT", alias, "{\"version\": 1, \"secondaryVersion\": 2, \"secondaryWeight\": 150}"),
                400, "bad_request", "secondaryWeight");
        assertError(admin.send("PUT", alias, "{\"secondaryVersion\": 2}"), 400, "bad_request", "version:");
        assertError(admin.send("PUT", alias, "{\"version\": \"two\"}"), 400, "bad_request", "version:");
        assertError(admin.send("PUT", alias, "not json"), 400, "bad_request", "body:");
        assertError(admin.send("PUT", alias, "{\"version\": 9}"), 404, "artifact_not_found");
        assertError(admin.send("PUT", API + name + "/aliases/LATEST", "{\"version\": 1}"), 400, "bad_request",
                "alias:");
        assertError(reader.get(API + name + "/aliases/staging"), 404, "alias_not_found");
        assertError(reader.get(API + name + "/resolve/staging?key=u"), 404, "alias_not_found");
        assertError(admin.send("POST", API + name + "/aliases/staging/rollback", null), 404, "alias_not_found");
        assertThat(admin.send("PUT", API + name + "/aliases/staging", "{\"version\": 3}").statusCode()).isEqualTo(200);
        assertError(admin.send("POST", API + name + "/aliases/staging/rollback", null), 409, "conflict",
                "no previous target");
        assertThat(admin.send("DELETE", API + name + "/aliases/staging", null).statusCode()).isEqualTo(204);
        assertThat(ApiClient.json(reader.get(API + name + "/aliases/staging/history")).get("history").get(0)
                .get("kind").stringValue()).isEqualTo("delete");
    }

    @Test
    void deletingAnAliasedVersionIsAConflictAndRestoreBringsOneBack() throws Exception {
        String name = fresh();
        publish(name, "one", "two");
        assertThat(admin.send("PUT", API + name + "/aliases/production", "{\"version\": 2}").statusCode())
                .isEqualTo(200);
        assertError(admin.send("DELETE", API + name + "/versions/2", null), 409, "conflict", "production");
        assertThat(admin.send("DELETE", API + name + "/versions/1", null).statusCode()).isEqualTo(204);
        assertError(reader.get(API + name + "/versions/1"), 404, "artifact_not_found");
        HttpResponse<String> restored = admin.send("POST", API + name + "/versions/1/restore", null);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(reader.get(API + name + "/versions/1").statusCode()).isEqualTo(200);
        assertError(admin.send("POST", API + name + "/versions/0/restore", null), 400, "bad_request", "version:");
    }

    @Test
    void purgeIsADryRunUnlessAskedAndChecksItsParameters() throws Exception {
        String name = fresh();
        publish(name, "one", "two", "three");
        assertThat(admin.send("PUT", API + name + "/aliases/production", "{\"version\": 1}").statusCode())
                .isEqualTo(200);
        JsonNode preview = ApiClient.json(admin.send("POST", API + name + "/purge?keep=1", null));
        assertThat(preview.get("dryRun").booleanValue()).isTrue();
        assertThat(preview.get("purged").toString()).isEqualTo("[2]");
        assertThat(preview.get("keptByAlias").toString()).isEqualTo("[1]");
        assertThat(reader.get(API + name + "/versions/2").statusCode()).isEqualTo(200);

        JsonNode done = ApiClient.json(admin.send("POST", API + name + "/purge?keep=1&dryRun=false", null));
        assertThat(done.get("dryRun").booleanValue()).isFalse();
        assertError(reader.get(API + name + "/versions/2"), 404, "artifact_not_found");

        assertError(admin.send("POST", API + name + "/purge?keep=-1", null), 400, "bad_request", "keep:");
        assertError(admin.send("POST", API + name + "/purge?dryRun=maybe", null), 400, "bad_request", "dryRun:");
        assertError(admin.send("POST", API + name + "/purge?olderThan=soon", null), 400, "bad_request");
    }

    @Test
    void tokensDecideWhoMayReadAndWriteAndAreNeverLogged() throws Exception {
        String name = fresh();
        publish(name, "one");
        HttpResponse<String> none = admin.as(null).get(API + name + "/versions");
        assertError(none, 401, "unauthorized", "Authorization:");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertError(admin.as("x".repeat(40)).get(API + name + "/versions"), 401, "unauthorized");
        assertError(reader.send("POST", API + name + "/versions", null), 403, "forbidden", "admin");
        assertError(reader.upload(name, new byte[] {1}), 403, "forbidden");
        assertError(reader.send("DELETE", API + name + "/versions/1", null), 403, "forbidden");
        assertThat(ApiClient.json(reader.get("/api/v1/session")).get("scope").stringValue()).isEqualTo("read");
        assertThat(ApiClient.json(admin.get("/api/v1/session")).get("scope").stringValue()).isEqualTo("admin");
        assertThat(server.output()).doesNotContain(ServedJar.ADMIN_TOKEN).doesNotContain(ServedJar.READ_TOKEN);
    }

    @Test
    void corsIsOffTheConsoleAndTheDocumentArePublicAndUnknownRoutesAre404() throws Exception {
        HttpResponse<String> preflight = admin.as(null).send("OPTIONS", API, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> simple = reader.get("/api/v1/artifacts", "Origin", "https://evil.example");
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> console = admin.as(null).get("/");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("versioned console");
        assertThat(admin.as(null).get("/app.js").statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(admin.as(null).get("/api/v1/openapi.json")).get("openapi").stringValue())
                .startsWith("3.");
        assertError(reader.get("/api/v1/nothing-here"), 404, "no_route");
    }
}
