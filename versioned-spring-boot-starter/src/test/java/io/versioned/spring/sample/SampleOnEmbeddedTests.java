package io.versioned.spring.sample;

import io.versioned.api.Repository;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SampleScenario} on {@code embedded:} in a temporary folder, where v1 was published before the application
 * started, as a publishing job would have.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleOnEmbeddedTests extends SampleScenario {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "sample-embedded").toAbsolutePath();
        try (Repository before = Versioned.open("embedded:" + folder.resolve("store"),
                RepositoryOptions.builder().bootstrap(true).build())) {
            publishV1(before);
        }
        registry.add("versioned.repository", () -> "embedded:" + folder.resolve("store"));
        common(registry, folder);
    }

    @Override
    void seed() {
        // published before the application started
    }
}
