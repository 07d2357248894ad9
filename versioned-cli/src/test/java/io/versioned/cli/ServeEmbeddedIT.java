package io.versioned.cli;

import java.nio.file.Path;

/** The HTTP API on the embedded default (H2 and a folder), served by the shaded jar. */
class ServeEmbeddedIT extends ServeApiChecks {

    @Override
    String repositoryUri(Path dir) {
        return "embedded:" + dir.resolve("repo");
    }
}
