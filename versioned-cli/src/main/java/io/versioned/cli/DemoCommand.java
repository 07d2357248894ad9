package io.versioned.cli;

import io.versioned.api.Repository;
import io.versioned.api.VersionedException;
import io.versioned.core.spi.RepositoryLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code versioned demo}: the product walkthrough on a fresh temporary embedded repository, deleted at the end.
 * Ignores {@code --repo}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Walk through the product on a fresh temporary repository (deleted at the end): put, publish, "
                + "aliases, blue/green, a canary of 2,000 routed requests, promotion, rollback, history and purge, "
                + "verifying the content at every step.",
            "Ignores --repo and --json."})
final class DemoCommand extends Subcommand {

    @Override
    int run(VersionedCommand root) {
        Path directory = createTemporaryDirectory();
        RepositoryLocation uri = DemoScript.repositoryAt(directory);
        try (Backend backend = root.context().repositories().open(uri)) {
            Repository repository = backend.repository();
            new DemoScript(repository, root.output(), directory.resolve("files"), uri).run();
        } finally {
            deleteRecursively(directory);
        }
        root.output().line("The temporary repository " + directory + " was deleted.");
        return ExitCodes.OK;
    }

    private static Path createTemporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("versioned-demo-");
            Files.createDirectories(directory.resolve("files"));
            return directory;
        } catch (IOException e) {
            throw new VersionedException("could not create a temporary directory for the demo: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new VersionedException("could not delete the demo's temporary directory " + directory + ": "
                    + e.getMessage(), e);
        }
    }
}
