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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CORS is off unless origins are configured, and then only those origins are allowed. */
class CorsTest {

    private static final String READ = "read-token-0123456789";

    @Test
    void onlyConfiguredOriginsGetCorsHeaders() throws Exception {
        Repository repository = Guice.createInjector(new VersionedCoreModule(), new InMemoryModule())
                .getInstance(Repository.class);
        repository.bootstrap();
        try (VersionedServer server = VersionedServer.start(repository, new ServerSettings("127.0.0.1", 0,
                Tokens.parse("read " + READ, "test"), 1024, List.of("https://ops.example.com")))) {
            assertThat(allowedOrigin(server, "https://ops.example.com")).contains("https://ops.example.com");
            assertThat(allowedOrigin(server, "https://evil.example.com")).isEmpty();
        } finally {
            repository.close();
        }
    }

    private static Optional<String> allowedOrigin(VersionedServer server, String origin) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + VersionedServer.API + "/artifacts"))
                .header("Origin", origin).header("Authorization", "Bearer " + READ).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Access-Control-Allow-Origin");
    }
}
