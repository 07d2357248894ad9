package io.versioned.spring.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SampleScenario} on {@code memory:}: the test writes v1 once the application runs. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleOnMemoryTests extends SampleScenario {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("versioned.repository", () -> "memory:");
        // the alias only exists once the test wrote it: do not hold the start for it
        registry.add("versioned.watch.model.startup-timeout", () -> "0s");
        common(registry, Files.createTempDirectory(Path.of("target"), "sample-memory").toAbsolutePath());
    }

    @Override
    void seed() {
        publishV1(repository);
    }
}
