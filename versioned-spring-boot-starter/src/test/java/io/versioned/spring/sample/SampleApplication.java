package io.versioned.spring.sample;

import io.versioned.spring.WatchedArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample application of {@code docs/ecosystem.md}: serves the current content of the watched alias
 * {@code versioned.watch.model} at {@code GET /model}, with the version in a header.
 */
@SpringBootApplication
public class SampleApplication {

    /** Serves the watched artifact. */
    @RestController
    static class ModelController {

        private final WatchedArtifacts watched;

        ModelController(WatchedArtifacts watched) {
            this.watched = watched;
        }

        @GetMapping("/model")
        ResponseEntity<byte[]> model() throws IOException {
            var model = watched.get("model");
            var current = model.current().orElse(null);
            if (current == null) {
                return ResponseEntity.status(503).build();
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header("Versioned-Version", current.primary().version().toString())
                    .body(Files.readAllBytes(current.primaryFile()));
        }
    }
}
