package io.versioned.cli;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import io.versioned.api.Names;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.Sha256;
import io.versioned.core.spi.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code versioned sync NAME ALIAS DIR}: keeps {@code DIR/NAME} holding the bytes the alias points at (replaced
 * atomically, only after the SHA-256 was verified), runs a command after each change, and with {@code --once}
 * fetches and exits. A failed poll keeps the last good file, is reported on standard error and retried, waiting
 * twice as long each time up to eight intervals. Exit codes: see {@code docs/cli.md}.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Keep DIR/NAME holding the bytes an alias points at; for services in any language.",
            "Polls every --interval, replaces the file atomically after verifying its SHA-256, runs --exec after "
                + "each change, and keeps the last good file when the store fails. --once fetches and exits."})
final class SyncCommand extends Subcommand {

    private static final int MAX_BACKOFF = 8;

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias to follow.")
    String alias;

    @Parameters(index = "2", paramLabel = "DIR", description = "The folder that holds the file NAME (must exist).")
    Path dir;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s",
            description = "How often to ask the store, e.g. 30s, 5m, PT0.5S (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--key", paramLabel = "KEY",
            description = "A routing key: follow the version the alias's sticky routing picks for it (a canary).")
    String key;

    @Option(names = "--exec", paramLabel = "CMD",
            description = "A command run by /bin/sh -c after each change, with VERSIONED_FILE, VERSIONED_VERSION "
                    + "and VERSIONED_SHA256 set.")
    String exec;

    @Option(names = "--once", description = "Fetch once (running --exec if the file changed) and exit.")
    boolean once;

    @Override
    int run(VersionedCommand root) throws InterruptedException {
        Duration every = Durations.parse(interval);
        if (every.isZero()) {
            throw new IllegalArgumentException("--interval: must be more than 0, got '" + interval + "'");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("DIR: must be an existing folder, got '" + dir + "'");
        }
        Names.alias(alias);
        Path file = dir.resolve(Names.artifact(name));
        Repository repository = repository();
        if (once) {
            return syncOnce(repository, file);
        }
        int failures = 0;
        while (true) {
            try {
                syncOnce(repository, file);
                failures = 0;
            } catch (VersionedException | IllegalStateException e) {
                failures++;
                error("versioned sync: " + name + "/" + alias + ": " + e.getMessage() + " (keeping "
                        + (Files.exists(file) ? "the last good file" : "no file yet") + ", retrying)");
            }
            long wait = Math.min(every.toNanos() * (1L << Math.min(failures, 3)), every.toNanos() * MAX_BACKOFF);
            long jitter = (long) (wait * 0.1 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
            Thread.sleep(Duration.ofNanos(wait + jitter).toMillis());
        }
    }

    /** Makes {@code file} hold the alias's bytes; runs the command when they changed. */
    private int syncOnce(Repository repository, Path file) throws InterruptedException {
        Alias record = repository.getAlias(name, alias);
        Version version = key == null ? record.version() : record.route(key);
        Artifact artifact = repository.getArtifactVersion(name, version);
        if (Files.exists(file) && artifact.sha256().equals(sha256(file))) {
            return ExitCodes.OK;
        }
        repository.download(name, version, file);
        output().line("synced " + name + "/" + alias + (key == null ? "" : " (key " + key + ")") + ": version "
                + version + " sha256 " + artifact.sha256() + " -> " + file);
        flush();
        return exec == null ? ExitCodes.OK : runExec(file, artifact);
    }

    private int runExec(Path file, Artifact artifact) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", exec).inheritIO();
        builder.environment().put("VERSIONED_FILE", file.toAbsolutePath().toString());
        builder.environment().put("VERSIONED_VERSION", artifact.version().toString());
        builder.environment().put("VERSIONED_SHA256", artifact.sha256());
        int code;
        try {
            code = builder.start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("--exec could not start '" + exec + "': " + e.getMessage(), e);
        }
        if (code != 0) {
            error("versioned sync: --exec '" + exec + "' exited with " + code);
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            return Sha256.of(in);
        } catch (IOException e) {
            return "";
        }
    }

    private void flush() {
        spec.commandLine().getOut().flush();
    }

    private void error(String message) {
        PrintWriter err = root().err();
        err.println(message);
        err.flush();
    }
}
