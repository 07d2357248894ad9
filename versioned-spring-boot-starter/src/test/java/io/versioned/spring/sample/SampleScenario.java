package io.versioned.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The sample application on a real embedded web server at a random port, called over real HTTP: it serves the
 * watched alias's current content, follows a promotion without a restart, and shows the metrics and the health on
 * the actuator endpoints. Once on {@code memory:}, once on {@code embedded:} (a temporary folder, written before the
 * application starts, as another process would).
 */
abstract class SampleScenario {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Repository repository;

    /** Publishes v1 behind {@code production} if the repository does not have it yet. */
    abstract void seed();

    @Test
    void servesTheCurrentVersionFollowsAPromotionAndShowsTheMetrics() throws Exception {
        seed();
        awaitModel("v1", "1");

        repository.putArtifact("model", "v2".getBytes(StandardCharsets.UTF_8));
        repository.publishArtifactVersion("model");
        repository.putAlias("model", "production", Version.of(2));
        awaitModel("v2", "2");

        HttpResponse<String> metric = get("/actuator/metrics/versioned.operations?tag=operation:putAlias");
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"COUNT\"").contains("outcome").contains("success");
        HttpResponse<String> changes = get("/actuator/metrics/versioned.watch.changes");
        assertThat(changes.statusCode()).isEqualTo(200);
        assertThat(changes.body()).contains("\"value\":2.0");
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"versioned\"").contains("\"status\":\"UP\"");
    }

    private void awaitModel(String content, String version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> response = get("/model");
        while (!(response.statusCode() == 200 && response.body().equals(content))) {
            assertThat(System.nanoTime()).as("GET /model serves " + content + ", last: "
                    + response.statusCode() + " " + response.body()).isLessThan(deadline);
            Thread.sleep(50);
            response = get("/model");
        }
        assertThat(response.headers().firstValue("Versioned-Version")).contains(version);
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void publishV1(Repository repository) {
        repository.putArtifact("model", "v1".getBytes(StandardCharsets.UTF_8));
        repository.publishArtifactVersion("model");
        repository.putAlias("model", "production", Version.of(1));
    }

    static void common(DynamicPropertyRegistry registry, Path folder) {
        registry.add("versioned.cache.dir", () -> folder.resolve("cache").toString());
        registry.add("versioned.watch.model.name", () -> "model");
        registry.add("versioned.watch.model.alias", () -> "production");
        registry.add("versioned.watch.model.interval", () -> "50ms");
        registry.add("management.endpoints.web.exposure.include", () -> "health,metrics");
        registry.add("management.endpoint.health.show-components", () -> "always");
    }
}
