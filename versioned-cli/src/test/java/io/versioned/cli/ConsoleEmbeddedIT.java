package io.versioned.cli;

import java.nio.file.Path;

/** The web console in a real headless Chromium, on the embedded default. */
class ConsoleEmbeddedIT extends ConsoleChecks {

    @Override
    String repositoryUri(Path dir) {
        return "embedded:" + dir.resolve("repo");
    }

    @Override
    String backend() {
        return "embedded";
    }
}
