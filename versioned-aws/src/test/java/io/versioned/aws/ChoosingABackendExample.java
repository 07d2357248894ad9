package io.versioned.aws;

import io.versioned.api.Artifact;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import java.nio.file.Path;

/**
 * The application of the README's "Choosing a backend": it publishes the file named by its argument as the next
 * version of {@code model} and points {@code production} at it, on the repository named by {@code ARTIFACTS_REPO}.
 * {@link ChoosingABackendTest} runs it unchanged, as a separate process, on {@code memory:}, {@code embedded:} and
 * {@code s3+dynamodb://}.
 */
public final class ChoosingABackendExample {

    private ChoosingABackendExample() {
    }

    /** @param args the file to publish */
    public static void main(String[] args) {
        // choosing a backend: begin
        String uri = System.getenv("ARTIFACTS_REPO");   // memory:, embedded:./.versioned, s3+dynamodb://...
        RepositoryOptions options = RepositoryOptions.builder().bootstrap(true).build();
        try (Repository repository = Versioned.open(uri, options)) {
            repository.putArtifact("model", Path.of(args[0]), PutOptions.none());
            Artifact published = repository.publishArtifactVersion("model");
            repository.putAlias("model", "production", published.version());
            Artifact live = repository.resolve("model", "production");
            System.out.println("production is version " + live.version().number() + " at " + live.uri());
        }
        // choosing a backend: end
    }
}
