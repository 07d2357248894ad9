package io.versioned.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.VersionedCoreModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the README's Java quick start, and checks the README shows exactly this code. */
class ReadmeQuickStartTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "io", "versioned", "adapter", "inmemory",
            "ReadmeQuickStartTest.java");

    @Test
    void theQuickStartRuns() {
        Artifact resolved = quickStart();
        assertThat(resolved.version()).isEqualTo(Version.of(2));
    }

    @Test
    void theReadmeShowsTheQuickStartAsWritten() throws IOException {
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        String snippet = source.subList(source.indexOf("        // quick start: begin") + 1,
                        source.indexOf("        // quick start: end")).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        assertThat(snippet).isNotBlank();
        assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains(snippet);
    }

    private static Artifact quickStart() {
        // quick start: begin
        Repository repository = Guice.createInjector(new VersionedCoreModule(), new InMemoryModule())
                .getInstance(Repository.class);
        repository.bootstrap();

        PutOptions sqlite = PutOptions.builder()
                .contentType("application/x-sqlite3")
                .metadata(Map.of("source", "nightly-etl"))
                .build();
        repository.putArtifact("customer_analytics_db", "day 1".getBytes(StandardCharsets.UTF_8), sqlite);
        repository.publishArtifactVersion("customer_analytics_db");              // version 1
        repository.putArtifact("customer_analytics_db", "day 2".getBytes(StandardCharsets.UTF_8), sqlite);
        repository.publishArtifactVersion("customer_analytics_db");              // version 2

        repository.putAlias("customer_analytics_db", "production", Version.of(1));
        // canary: 10 % of the traffic to version 2
        repository.putAlias("customer_analytics_db", "production", Version.of(1), Version.of(2), 10);
        // promote, then read the bytes a given user is routed to
        Alias production = repository.putAlias("customer_analytics_db", "production", Version.of(2));
        Artifact resolved = repository.resolve("customer_analytics_db", "production", "user-4711");
        byte[] bytes = repository.getContent("customer_analytics_db", resolved.version());
        // quick start: end
        assertThat(production.revision()).isEqualTo(3);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("day 2");
        return resolved;
    }
}
