package io.versioned.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.versioned.adapter.inmemory.InMemoryModule;
import io.versioned.api.Repository;
import io.versioned.core.VersionedCoreModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the server serves describes exactly the routes registered with Javalin (method and path),
 * and each operation's {@code x-scope} is what the route enforces: without a token every documented operation
 * answers 401, and a read token on an admin operation 403.
 */
class OpenApiDocumentTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String READ = "read-token-0123456789";

    private Repository repository;
    private VersionedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        repository = Guice.createInjector(new VersionedCoreModule(), new InMemoryModule()).getInstance(Repository.class);
        repository.bootstrap();
        server = VersionedServer.start(repository, ServerSettings.of("127.0.0.1", 0,
                Tokens.parse("admin " + ADMIN + "\nread " + READ + "\n", "test")));
    }

    @AfterEach
    void stop() {
        server.close();
        repository.close();
    }

    @Test
    void theServedDocumentListsExactlyTheRegisteredRoutes() throws Exception {
        JsonNode document = served();
        List<String> documented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        assertThat(documented).hasSizeGreaterThan(15);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.registeredRoutes());
    }

    @Test
    void everyDocumentedOperationEnforcesItsScope() throws Exception {
        JsonNode paths = served().get("paths");
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            String concrete = path.getKey().replace("{name}", "model").replace("{version}", "1")
                    .replace("{alias}", "production");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode scope = operation.getValue().get("x-scope");
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (scope == null) {
                    assertThat(concrete).isEqualTo(VersionedServer.OPENAPI);
                    continue;
                }
                assertThat(send(method, concrete, null).statusCode()).as(method + " " + concrete).isEqualTo(401);
                assertThat(send(method, concrete, "not-a-token-of-this-server").statusCode())
                        .as(method + " " + concrete).isEqualTo(401);
                if (scope.stringValue().equals("admin")) {
                    HttpResponse<String> forbidden = send(method, concrete, READ);
                    assertThat(forbidden.statusCode()).as(method + " " + concrete).isEqualTo(403);
                    assertThat(forbidden.body()).contains("\"code\":\"forbidden\"");
                } else {
                    assertThat(send(method, concrete, READ).statusCode()).as(method + " " + concrete)
                            .isNotIn(401, 403);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(15);
    }

    private JsonNode served() throws Exception {
        HttpResponse<String> response = send("GET", VersionedServer.OPENAPI, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, method.equals("PUT") || method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
