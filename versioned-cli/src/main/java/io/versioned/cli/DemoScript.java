package io.versioned.cli;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.IntegrityException;
import io.versioned.api.PurgeResult;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The steps of {@code versioned demo}, run against one repository: each prints a heading, the equivalent
 * command, the result, and a check that the bytes served are the bytes that were put.
 */
final class DemoScript {

    static final String NAME = "customer_analytics_db";
    static final int REQUESTS = 2_000;
    private static final int STEPS = 16;
    private static final int BAR_WIDTH = 40;
    private static final String PRODUCTION = "production";
    private static final String SQLITE = "application/x-sqlite3";
    private static final PutOptions SQLITE_PUT = PutOptions.builder().contentType(SQLITE).build();

    private final Repository repository;
    private final Output output;
    private final Path files;
    private final RepositoryLocation uri;
    private final Map<Integer, byte[]> contents = new HashMap<>();
    private int step;

    /**
     * @param repository an empty repository
     * @param output     where the walkthrough is printed
     * @param files      an existing directory for the demo's content files
     * @param uri        where the repository lives, for the introduction
     */
    DemoScript(Repository repository, Output output, Path files, RepositoryLocation uri) {
        this.repository = repository;
        this.output = output;
        this.files = files;
        this.uri = uri;
    }

    /** The repository the demo runs on, in {@code directory}. */
    static RepositoryLocation repositoryAt(Path directory) {
        return Versioned.location("embedded:" + directory.resolve("repository"));
    }

    /**
     * Runs every step.
     *
     * @throws IntegrityException if a step served other bytes than expected
     */
    void run() {
        output.line("versioned demo: a walkthrough on a fresh temporary repository, " + uri);
        putAndList();
        publishAndUpdate();
        aliases();
        canary();
        promoteAndRollBack();
        purge();
        output.line("");
        output.line("Demo finished: " + STEPS + " steps, every content check passed.");
        output.line("Try it on your own files: versioned put my_model model.bin && versioned publish my_model");
    }

    private void putAndList() {
        heading("Put a SQLite database as the LATEST of " + NAME,
                "versioned put " + NAME + " customers-1.sqlite --content-type application/x-sqlite3 "
                        + "--meta owner=analytics --meta source=nightly-etl");
        Artifact latest = repository.putArtifact(NAME, contentFile(1), PutOptions.builder()
                .contentType(SQLITE)
                .metadata(Map.of("owner", "analytics", "source", "nightly-etl")).build());
        say("Stored " + Describe.artifact(latest) + ", metadata " + new TreeMap<>(latest.metadata()));
        verify(Version.LATEST, 1);

        heading("List the artifacts", "versioned names");
        repository.listArtifactNames().forEach(this::say);
    }

    private void publishAndUpdate() {
        heading("Publish LATEST as the immutable version 1", "versioned publish " + NAME);
        say("Published " + Describe.artifact(repository.publishArtifactVersion(NAME)));
        verify(Version.of(1), 1);

        heading("Put new content: LATEST changes, version 1 does not",
                "versioned put " + NAME + " customers-2.sqlite --content-type " + SQLITE);
        say("Stored " + Describe.artifact(repository.putArtifact(NAME, contentFile(2), SQLITE_PUT)));
        verify(Version.LATEST, 2);
        verify(Version.of(1), 1);

        heading("Publish version 2", "versioned publish " + NAME);
        say("Published " + Describe.artifact(repository.publishArtifactVersion(NAME)));
        verify(Version.of(2), 2);
    }

    private void aliases() {
        heading("Aliases: development -> LATEST, staging -> 2, production -> 1",
                "versioned alias set " + NAME + " development LATEST   (and staging 2, production 1)");
        repository.putAlias(NAME, "development", Version.LATEST);
        repository.putAlias(NAME, "staging", Version.of(2));
        repository.putAlias(NAME, PRODUCTION, Version.of(1));
        table(Describe.aliasTable(repository.listAliases(NAME), output));
        verifyResolve(PRODUCTION, 1);

        heading("Blue/green: switch production to 2 in one step", "versioned alias set " + NAME + " production 2");
        say("Alias " + Describe.alias(repository.putAlias(NAME, PRODUCTION, Version.of(2))));
        verifyResolve(PRODUCTION, 2);

        heading("Put and publish version 3",
                "versioned put " + NAME + " customers-3.sqlite --content-type " + SQLITE + " && versioned publish "
                        + NAME);
        repository.putArtifact(NAME, contentFile(3), SQLITE_PUT);
        say("Published " + Describe.artifact(repository.publishArtifactVersion(NAME)));
        verify(Version.of(3), 3);
    }

    private void canary() {
        heading("Canary: production -> 2, with 10% of the traffic to 3",
                "versioned alias set " + NAME + " production 2 --secondary 3 --weight 10");
        say("Alias " + Describe.alias(repository.putAlias(NAME, PRODUCTION, Version.of(2), Version.of(3), 10)));
        Map<String, Version> atTen = distribution();

        heading("Raise the canary to 50%", "versioned alias set " + NAME + " production 2 --secondary 3 --weight 50");
        say("Alias " + Describe.alias(repository.putAlias(NAME, PRODUCTION, Version.of(2), Version.of(3), 50)));
        Map<String, Version> atFifty = distribution();
        long movedBack = atTen.entrySet().stream()
                .filter(entry -> entry.getValue().equals(Version.of(3)) && atFifty.get(entry.getKey()).equals(Version.of(2)))
                .count();
        say(movedBack + " customers moved back from 3 to 2: raising the weight only moves customers onto the canary.");
        if (movedBack != 0) {
            throw new IntegrityException("demo: sticky routing moved " + movedBack + " customers back to version 2");
        }
    }

    private void promoteAndRollBack() {
        heading("Promote: production -> 3 for everyone", "versioned alias set " + NAME + " production 3");
        say("Alias " + Describe.alias(repository.putAlias(NAME, PRODUCTION, Version.of(3))));
        verifyResolve(PRODUCTION, 3);

        heading("Roll back: production -> 2", "versioned alias set " + NAME + " production 2");
        say("Alias " + Describe.alias(repository.putAlias(NAME, PRODUCTION, Version.of(2))));
        verifyResolve(PRODUCTION, 2);

        heading("History of production, newest first", "versioned alias history " + NAME + " production");
        table(AliasCommand.historyTable(repository.getAliasHistory(NAME, PRODUCTION), output));
    }

    private void purge() {
        heading("Two more nightly builds: put and publish versions 4 and 5",
                "versioned put " + NAME + " customers-4.sqlite --content-type " + SQLITE + " && versioned publish "
                        + NAME + "   (then 5)");
        for (int generation = 4; generation <= 5; generation++) {
            repository.putArtifact(NAME, contentFile(generation), SQLITE_PUT);
            say("Published " + Describe.artifact(repository.publishArtifactVersion(NAME)));
            verify(Version.of(generation), generation);
        }
        table(Describe.versionTable(repository.listArtifactVersions(NAME), repository.listAliases(NAME), output));

        heading("Purge: keep the newest 3 versions, purge older ones (older than 0s, so that it acts now)",
                "versioned purge " + NAME + " --keep 3 --older-than 0s");
        PurgeResult result = repository.purgeArtifactVersions(NAME, 3, Duration.ZERO);
        PurgeCommand.describe(NAME, result).forEach(this::say);
        table(Describe.versionTable(repository.listArtifactVersions(NAME), repository.listAliases(NAME), output));

        heading("Verify the content of every remaining version", "versioned get " + NAME + " --version N -o -");
        for (Artifact artifact : repository.listArtifactVersions(NAME)) {
            int generation = artifact.version().isLatest() ? 5 : artifact.version().number();
            verify(artifact.version(), generation);
        }
        for (Version purged : result.purged()) {
            try {
                repository.getArtifactVersion(NAME, purged);
                throw new IntegrityException("demo: purged version " + purged + " is still there");
            } catch (ArtifactNotFoundException expected) {
                say("version " + purged + " is gone, as purged");
            }
        }
    }

    /** Resolves production for {@value #REQUESTS} customers and prints how many each version got. */
    private Map<String, Version> distribution() {
        Map<String, Version> routes = new HashMap<>();
        Map<Version, Integer> counts = new TreeMap<>();
        for (int customer = 1; customer <= REQUESTS; customer++) {
            String key = String.format(Locale.ROOT, "customer-%04d", customer);
            Version version = repository.resolve(NAME, PRODUCTION, key).version();
            routes.put(key, version);
            counts.merge(version, 1, Integer::sum);
        }
        say(String.format(Locale.ROOT, "%,d requests to production, routed by customer id:", REQUESTS));
        counts.forEach((version, count) -> {
            int width = (int) Math.round((double) count * BAR_WIDTH / REQUESTS);
            say(String.format(Locale.ROOT, "  version %-3s %-" + BAR_WIDTH + "s %,6d  (%4.1f%%)", version,
                    "#".repeat(width), count, count * 100.0 / REQUESTS));
        });
        counts.keySet().forEach(version -> verify(version, version.number()));
        return routes;
    }

    private void verifyResolve(String alias, int generation) {
        Artifact resolved = repository.resolve(NAME, alias);
        if (resolved.version().number() != generation) {
            throw new IntegrityException("demo: " + alias + " resolved to version " + resolved.version()
                    + " instead of " + generation);
        }
        say(alias + " resolves to version " + resolved.version());
        verify(resolved.version(), generation);
    }

    private void verify(Version version, int generation) {
        byte[] served = repository.getContent(NAME, version);
        if (!Arrays.equals(served, content(generation))) {
            throw new IntegrityException("demo: version " + version + " served other bytes than customers-"
                    + generation + ".sqlite");
        }
        say("ok: " + (version.isLatest() ? "LATEST" : "version " + version) + " serves exactly customers-"
                + generation + ".sqlite (" + Human.size(served.length) + ")");
    }

    private Path contentFile(int generation) {
        Path file = files.resolve("customers-" + generation + ".sqlite");
        try {
            Files.write(file, content(generation));
            return file;
        } catch (IOException e) {
            throw new VersionedException("demo: could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deterministic bytes that start like a SQLite file; each generation differs. */
    private byte[] content(int generation) {
        return contents.computeIfAbsent(generation, g -> {
            StringBuilder text = new StringBuilder("SQLite format 3\u0000");
            for (int row = 1; row <= 40 * g; row++) {
                text.append(String.format(Locale.ROOT, "customer-%04d,segment-%d,lifetime-value-%d%n", row, row % 7,
                        row * 37 * g));
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    private void heading(String title, String command) {
        step++;
        output.line("");
        output.line("== " + step + "/" + STEPS + ". " + title);
        output.line("   $ " + command);
    }

    private void say(String text) {
        output.line("   " + text);
    }

    private void table(Table table) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            table.print(writer);
        }
        text.toString().lines().forEach(this::say);
    }
}
