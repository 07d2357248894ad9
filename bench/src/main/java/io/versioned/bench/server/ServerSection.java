package io.versioned.bench.server;

import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.bench.BenchSection;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.MarkdownTable;
import io.versioned.bench.Samples;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.server.ServerSettings;
import io.versioned.server.Tokens;
import io.versioned.server.VersionedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * The section "HTTP server": 1, 16 and 64 concurrent clients each resolving an alias in a 10 % canary with their
 * own routing key, then downloading the version it routes them to, through {@code versioned serve} (real HTTP on
 * the loopback, JDK HTTP client, embedded repository) and the same work in process ({@code resolve} then
 * {@code openContent} read to the end) on the same repository. Any failed call fails the section.
 */
public final class ServerSection implements BenchSection {

    private static final String TOKEN = "bench-read-token-0123456789";
    private static final int[] CLIENTS = {1, 16, 64};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Content(String name, int size, int fullCalls) {
    }

    private static final List<Content> CONTENTS = List.of(new Content("one-kib", 1024, 1000),
            new Content("one-mib", 1 << 20, 200));

    @Override
    public String title() {
        return "HTTP server";
    }

    @Override
    public String run(BenchSettings settings) throws Exception {
        MarkdownTable table = new MarkdownTable("content", "clients", "HTTP calls/s", "HTTP median", "HTTP p99",
                "in-process calls/s", "in-process median", "in-process p99", "HTTP / in-process (median)",
                "errors");
        String uri = "embedded:" + settings.scratch().resolve("server-section");
        try (Repository repository = Versioned.open(uri, RepositoryOptions.builder().bootstrap(true).build());
             VersionedServer server = VersionedServer.start(repository,
                     ServerSettings.of("127.0.0.1", 0, Tokens.parse("read " + TOKEN, "bench")))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create("http://127.0.0.1:" + server.port() + VersionedServer.API + "/artifacts/");
            for (Content content : CONTENTS) {
                prepare(repository, content);
                for (int clients : CLIENTS) {
                    int calls = settings.size(Math.max(10, content.fullCalls() / clients), 1);
                    ConcurrentLoad.Call overHttp = (client, i) -> httpCall(http, base, content, key(client, i));
                    ConcurrentLoad.Call inProcess = (client, i) -> inProcessCall(repository, content, key(client, i));
                    if (!settings.quick()) {
                        ConcurrentLoad.run(clients, Math.max(2, calls / 5), overHttp);
                        ConcurrentLoad.run(clients, Math.max(2, calls / 5), inProcess);
                    }
                    ConcurrentLoad.Result viaHttp = ConcurrentLoad.run(clients, calls, overHttp);
                    ConcurrentLoad.Result local = ConcurrentLoad.run(clients, calls, inProcess);
                    int errors = viaHttp.errors() + local.errors();
                    if (errors > 0) {
                        throw new IllegalStateException(errors + " calls failed with " + clients + " clients on "
                                + content.name() + ", first: " + viaHttp.firstError() + local.firstError());
                    }
                    table.row(content.name(), clients, rate(viaHttp), Samples.duration(viaHttp.latencies().median()),
                            Samples.duration(viaHttp.latencies().p99()), rate(local),
                            Samples.duration(local.latencies().median()), Samples.duration(local.latencies().p99()),
                            viaHttp.latencies().ratioTo(local.latencies()), errors);
                }
            }
        }
        return "Each call resolves the alias `production` (version 1 with a 10 % canary on version 2) for its own "
                + "routing key and downloads the routed version: two HTTP requests (`GET …/resolve/production?key=K`, "
                + "`GET …/versions/N/content`, bearer token, loopback, JDK HTTP client) against `versioned serve` "
                + "on an embedded repository, and the same two calls in process (`resolve`, `openContent` read to "
                + "the end) on the same repository. Every call's status, size and version are checked; the section "
                + "fails on any error. Calls/s is over the whole run; the ratio compares medians.\n\n" + table;
    }

    private static void prepare(Repository repository, Content content) {
        SplittableRandom random = new SplittableRandom(content.size());
        for (int i = 0; i < 2; i++) {
            byte[] bytes = new byte[content.size()];
            random.nextBytes(bytes);
            repository.putArtifact(content.name(), bytes);
            repository.publishArtifactVersion(content.name());
        }
        repository.putAlias(content.name(), "production", Version.of(1), Version.of(2), 10);
    }

    private static String key(int client, int index) {
        return "user-" + client + "-" + index;
    }

    private static void httpCall(HttpClient http, URI base, Content content, String key) throws Exception {
        HttpResponse<String> resolved = http.send(request(base.resolve(content.name() + "/resolve/production?key="
                + key)), HttpResponse.BodyHandlers.ofString());
        check(resolved.statusCode() == 200, "resolve answered " + resolved.statusCode());
        int version = JSON.readTree(resolved.body()).get("version").intValue();
        HttpResponse<InputStream> download = http.send(request(base.resolve(content.name() + "/versions/" + version
                + "/content")), HttpResponse.BodyHandlers.ofInputStream());
        check(download.statusCode() == 200, "download answered " + download.statusCode());
        try (InputStream body = download.body()) {
            check(drain(body) == content.size(), "download is not " + content.size() + " bytes");
        }
    }

    private static void inProcessCall(Repository repository, Content content, String key) throws Exception {
        Artifact resolved = repository.resolve(content.name(), "production", key);
        try (InputStream body = repository.openContent(content.name(), resolved.version())) {
            check(drain(body) == content.size(), "content is not " + content.size() + " bytes");
        }
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).GET().build();
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    private static String rate(ConcurrentLoad.Result result) {
        return String.format(Locale.ROOT, "%.0f", result.throughput());
    }
}
