package io.versioned.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.PutOptions;
import io.versioned.api.ReadableRepository;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeteredRepositoryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Repository repository = new MeteredRepository(Versioned.open("memory:"), registry, "memory");

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void everyOperationIsTimedByOperationBackendAndOutcome() {
        repository.putArtifact("model", bytes("one"));
        repository.publishArtifactVersion("model");
        repository.putAlias("model", "production", Version.of(1));
        repository.resolve("model", "production");
        repository.resolve("model", "production");

        assertThat(count("putArtifact", "success")).isEqualTo(1);
        assertThat(count("publishArtifactVersion", "success")).isEqualTo(1);
        assertThat(count("putAlias", "success")).isEqualTo(1);
        assertThat(count("resolve", "success")).isEqualTo(2);
        assertThat(registry.get(RepositoryMeters.OPERATIONS).tag("operation", "resolve").timer().totalTime(
                TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void eachFailureIsTaggedWithItsOutcomeAndRethrownUnchanged() {
        assertThatThrownBy(() -> repository.getArtifactVersion("missing"))
                .isInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> repository.getAlias("missing", "production"))
                .isInstanceOf(AliasNotFoundException.class);
        assertThatThrownBy(() -> repository.putArtifact("not a name", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class);
        repository.putArtifact("model", bytes("one"));
        repository.publishArtifactVersion("model");
        repository.putAlias("model", "production", Version.of(1));
        assertThatThrownBy(() -> repository.deleteArtifactVersion("model", Version.of(1)))
                .isInstanceOf(ConflictException.class);

        assertThat(count("getArtifactVersion", "not_found")).isEqualTo(1);
        assertThat(count("getAlias", "not_found")).isEqualTo(1);
        assertThat(count("putArtifact", "bad_input")).isEqualTo(1);
        assertThat(count("deleteArtifactVersion", "conflict")).isEqualTo(1);
    }

    @Test
    void aStoreFailureIsTaggedStoreFailure(@TempDir Path folder) {
        Repository store = Versioned.open("embedded:" + folder, RepositoryOptions.builder().bootstrap(true).build());
        store.close();
        MeteredRepository metered = new MeteredRepository(store, registry, "embedded");

        assertThatThrownBy(metered::listArtifactNames).isInstanceOf(BackendException.class);

        assertThat(registry.get(RepositoryMeters.OPERATIONS).tags("backend", "embedded", "operation",
                "listArtifactNames", "outcome", "store_failure").timer().count()).isEqualTo(1);
    }

    @Test
    void bytesHandedToPutsAndReadBackAreCounted(@TempDir Path folder) throws Exception {
        repository.putArtifact("model", bytes("12345"));
        Path file = Files.writeString(folder.resolve("model.bin"), "1234567");
        repository.putArtifact("model", file, PutOptions.none());
        repository.putArtifact("model", new ByteArrayInputStream(bytes("123")), PutOptions.none());
        assertThat(counted("upload")).isEqualTo(5 + 7 + 3);

        assertThat(repository.getContent("model", Version.LATEST)).hasSize(3);
        try (InputStream in = repository.openContent("model", Version.LATEST)) {
            assertThat(in.readAllBytes()).hasSize(3);
        }
        repository.download("model", Version.LATEST, folder.resolve("copy.bin"));
        assertThat(counted("download")).isEqualTo(3 + 3 + 3);
    }

    @Test
    void theReadOnlyDecoratorMeasuresReadsOfAnyReadableRepository() {
        repository.putArtifact("model", bytes("one"));
        ReadableRepository reader = new MeteredReadableRepository(repository, registry, "memory-reader");

        assertThat(reader.listArtifactNames()).containsExactly("model");
        assertThat(new String(reader.getContent("model", Version.LATEST), StandardCharsets.UTF_8)).isEqualTo("one");

        assertThat(registry.get(RepositoryMeters.OPERATIONS).tags("backend", "memory-reader", "operation",
                "listArtifactNames", "outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get(RepositoryMeters.BYTES).tags("backend", "memory-reader", "direction", "download")
                .counter().count()).isEqualTo(3);
    }

    @Test
    void aBlankBackendTagIsRefused() {
        assertThatThrownBy(() -> new MeteredRepository(repository, registry, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backend");
    }

    private long count(String operation, String outcome) {
        return registry.get(RepositoryMeters.OPERATIONS)
                .tags("operation", operation, "backend", "memory", "outcome", outcome).timer().count();
    }

    private double counted(String direction) {
        return registry.get(RepositoryMeters.BYTES).tags("backend", "memory", "direction", direction)
                .counter().count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
