package io.versioned.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.testsupport.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost when the process dies: a child JVM ({@link KillChild}) changes an artifact at random
 * (put, publish, alias set, delete, purge) and is killed with SIGKILL at a seeded random moment, again and again;
 * after each kill this JVM opens the repository and checks every change the child acknowledged (its {@code ACK}
 * lines) against it: LATEST, every published version and its bytes, the alias and its complete history. A change
 * that was tried but not acknowledged may or may not have happened. On the embedded default (H2 file + blob folder)
 * the whole process holding the database dies; on PostgreSQL + folder only the client does. The next child is
 * started while the current one runs and waits as a warmed-up standby, so a kill cycle does not include a JVM's
 * start.
 *
 * <p>Each backend runs for {@code versioned.kill.duration} (ISO-8601, default {@code PT2M}; at least 10 kills
 * however long they take) from the seed {@code versioned.kill.seed} (default fixed); the summary goes to
 * {@code target/kill/<backend>.txt}. See docs/reliability.md, "Kill -9".
 */
class KillTest {

    /** The PostgreSQL application name of the child's connections, so the parent can tell when they are gone. */
    private static final String CHILD_APPLICATION = "versioned-kill-child";


    private static final Duration DURATION = Duration.parse(System.getProperty("versioned.kill.duration", "PT2M"));
    private static final long SEED = Long.getLong("versioned.kill.seed", 20261201L);
    private static final int MAX_DELAY_MILLIS = 1000;
    private static final int MIN_KILLS = 10;

    @Test
    void noAcknowledgedChangeIsLostOnH2AndFolder(@TempDir Path directory) throws Exception {
        campaign("h2-folder", List.of("h2", directory.toString()), () -> VersionedEmbedded.repository(directory),
                () -> { });
    }

    @Test
    void noAcknowledgedChangeIsLostOnPostgresAndFolder(@TempDir Path blobs) throws Exception {
        PostgresServer.Schema schema = PostgresServer.shared().freshSchema();
        JdbcConfig config = PostgresSchemaConfig.of(schema);
        try {
            campaign("postgres-folder", List.of("postgres", config.jdbcUrl() + "&ApplicationName="
                    + CHILD_APPLICATION, config.user(), blobs.toString()),
                    () -> VersionedEmbedded.repository(config, blobs), () -> awaitChildSessionsGone(config));
        } finally {
            PostgresServer.shared().drop(schema);
        }
    }

    /**
     * Waits until the PostgreSQL server has ended the sessions of the killed child. The server outlives the client:
     * a COMMIT the child sent just before it died may still be carried out after the kill, so the repository is
     * checked only once the server has let go of the child's connections.
     */
    private static void awaitChildSessionsGone(JdbcConfig config) {
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             PreparedStatement sessions = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            sessions.setString(1, CHILD_APPLICATION);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try (ResultSet count = sessions.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the server ends the killed child's sessions within 60 s")
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        } catch (SQLException | InterruptedException e) {
            throw new AssertionError("waiting for the killed child's sessions to end failed", e);
        }
    }

    private static void campaign(String backend, List<String> childArguments, Supplier<Repository> open,
                                 Runnable afterKill) throws Exception {
        Random random = new Random(SEED ^ backend.hashCode());
        KillModel model = new KillModel();
        Path results = Path.of("target", "kill");
        Path stderr = results.resolve(backend + "-child-stderr.txt");
        Files.createDirectories(results);
        Files.deleteIfExists(stderr);
        long deadline = System.nanoTime() + DURATION.toNanos();
        int kills = 0;
        Child standby = Child.start(childCommand(childArguments, random), stderr);
        try {
            while (System.nanoTime() < deadline || kills < MIN_KILLS) {
                Child child = standby;
                child.go();
                standby = Child.start(childCommand(childArguments, random), stderr);
                if (random.nextInt(10) != 0) {
                    assertThat(child.lines.ready.await(60, TimeUnit.SECONDS)).as("the child opened the repository")
                            .isTrue();
                }
                Thread.sleep(random.nextInt(MAX_DELAY_MILLIS));
                boolean alive = child.process.isAlive();
                List<String> output = child.kill();
                afterKill.run();
                assertThat(alive || output.contains("READY")).as("the child of kill %d died by itself; "
                        + "see %s", kills + 1, stderr).isTrue();
                kills++;
                check(backend, model, output, open, "kill " + kills);
            }
        } finally {
            standby.kill();
        }
        String summary = backend + ": seed " + SEED + ", " + DURATION + ", " + kills + " kills, "
                + model.acknowledged + " acknowledged operations " + new TreeMap<>(model.acknowledgedByKind)
                + ", losses: 0";
        System.out.println(summary);
        Files.writeString(results.resolve(backend + ".txt"), summary + "\n");
        assertThat(model.acknowledged).as("acknowledged operations (few on a loaded machine: start-up dominates)")
                .isPositive();
    }

    private static List<String> childCommand(List<String> childArguments, Random random) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-Dversioned.kill.warmup=" + Path.of("target", "kill", "warmup").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), KillChild.class.getName()));
        command.addAll(childArguments);
        command.add(String.valueOf(random.nextLong()));
        return command;
    }

    /** Opens the repository and checks it against what the children acknowledged, up to the latest one's output. */
    private static void check(String backend, KillModel model, List<String> output, Supplier<Repository> open,
                              String after) {
        try (Repository repository = open.get()) {
            model.apply(output);
            model.verify(repository);
        } catch (AssertionError e) {
            throw new AssertionError(backend + ", seed " + SEED + ", after " + after + ": " + e.getMessage()
                    + "\nlast lines of the child: " + output.subList(Math.max(0, output.size() - 12), output.size()),
                    e);
        }
    }

    /** A running child and the reader of its output. */
    private record Child(Process process, Lines lines, Thread reader) {

        /** Starts a child, which warms up and then waits as a standby until {@link #go()}. */
        static Child start(List<String> command, Path stderr) throws IOException {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
            Lines lines = new Lines(process.getInputStream());
            Thread reader = new Thread(lines, "kill-child-stdout");
            reader.start();
            return new Child(process, lines, reader);
        }

        /** Waits until the child is a standby, then lets it open the repository and start changing it. */
        void go() throws IOException, InterruptedException {
            assertThat(lines.standby.await(120, TimeUnit.SECONDS)).as("the child warmed up and waits").isTrue();
            process.getOutputStream().write("GO\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
        }

        /**
         * Kills the child with SIGKILL and returns all it printed. {@link ProcessHandle#destroyForcibly()}, unlike
         * {@link Process#destroyForcibly()}, leaves the output stream open, so the lines still in the pipe are read:
         * a lost {@code ACK} line would make the check fail for a change that was in fact acknowledged.
         */
        List<String> kill() throws InterruptedException {
            process.toHandle().destroyForcibly();
            process.waitFor();
            return output();
        }

        private List<String> output() throws InterruptedException {
            reader.join();
            return lines.complete();
        }
    }

    /** The child's stdout, split into lines; a last line without its newline (cut by the kill) is dropped. */
    private static final class Lines implements Runnable {
        private final InputStream in;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch standby = new CountDownLatch(1);
        private final CountDownLatch ready = new CountDownLatch(1);

        Lines(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try (in) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (b == '\n') {
                        String text = line.toString(StandardCharsets.UTF_8);
                        lines.add(text);
                        if (text.equals("STANDBY")) {
                            standby.countDown();
                        } else if (text.equals("READY")) {
                            ready.countDown();
                        }
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> complete() {
            return List.copyOf(lines);
        }
    }

    /** What the children acknowledged, over all runs, and what a run cut short may have changed besides. */
    private static final class KillModel {
        private final Set<String> latestCandidates = new HashSet<>();
        private boolean latestAcknowledged;
        private final Map<Integer, String> versions = new TreeMap<>();
        private final Set<Integer> maybeRemoved = new TreeSet<>();
        private boolean publishTried;
        private long aliasRevision;
        private Integer aliasVersion;
        private Integer aliasTried;
        private final Map<Long, Integer> aliasChanges = new HashMap<>();
        private int acknowledged;
        private final Map<String, Integer> acknowledgedByKind = new HashMap<>();

        void apply(List<String> lines) {
            for (String line : lines) {
                String[] word = line.split(" ");
                if (word[0].equals("ACK")) {
                    acknowledged++;
                    acknowledgedByKind.merge(word[1], 1, Integer::sum);
                }
                switch (word[0] + " " + (word.length > 1 ? word[1] : "")) {
                    case "TRY PUT" -> latestCandidates.add(word[2]);
                    case "ACK PUT" -> {
                        latestCandidates.clear();
                        latestCandidates.add(word[2]);
                        latestAcknowledged = true;
                    }
                    case "TRY PUBLISH" -> publishTried = true;
                    case "ACK PUBLISH" -> {
                        versions.put(Integer.parseInt(word[2]), word[3]);
                        publishTried = false;
                    }
                    case "TRY ALIAS" -> aliasTried = Integer.parseInt(word[2]);
                    case "ACK ALIAS" -> {
                        aliasRevision = Long.parseLong(word[2]);
                        aliasVersion = Integer.parseInt(word[3]);
                        aliasChanges.put(aliasRevision, aliasVersion);
                        aliasTried = null;
                    }
                    case "TRY DELETE" -> maybeRemoved.add(Integer.parseInt(word[2]));
                    case "ACK DELETE" -> {
                        versions.remove(Integer.parseInt(word[2]));
                        maybeRemoved.clear();
                    }
                    case "REFUSED DELETE" -> maybeRemoved.clear();
                    case "TRY PURGE" -> maybeRemoved.addAll(versions.keySet());
                    case "ACK PURGE" -> {
                        if (word.length > 2) {
                            for (String number : word[2].split(",")) {
                                versions.remove(Integer.parseInt(number));
                            }
                        }
                        maybeRemoved.clear();
                    }
                    default -> {
                        // READY
                    }
                }
            }
        }

        /** Checks the repository against the acknowledged changes, then takes over what unfinished ones did. */
        void verify(Repository repository) {
            Optional<Artifact> latest = live(repository, Version.LATEST);
            if (latestAcknowledged) {
                assertThat(latest).as("LATEST after an acknowledged put").isPresent();
            }
            if (latest.isPresent()) {
                assertThat(latestCandidates).as("LATEST's SHA-256: the last acknowledged put or a later try")
                        .contains(latest.get().sha256());
                assertThat(KillChild.sha256(repository.getContent(KillChild.NAME, Version.LATEST)))
                        .as("LATEST's bytes").isEqualTo(latest.get().sha256());
                latestCandidates.clear();
                latestCandidates.add(latest.get().sha256());
            }
            Map<Integer, String> stored = new TreeMap<>();
            listLive(repository).forEach(artifact -> stored.put(artifact.version().number(), artifact.sha256()));
            for (Map.Entry<Integer, String> version : new TreeMap<>(versions).entrySet()) {
                if (!stored.containsKey(version.getKey())) {
                    assertThat(maybeRemoved).as("acknowledged version %d is gone, and no delete or purge of it was "
                            + "tried", version.getKey()).contains(version.getKey());
                    versions.remove(version.getKey());
                } else {
                    assertThat(stored.get(version.getKey())).as("SHA-256 of version %d", version.getKey())
                            .isEqualTo(version.getValue());
                }
            }
            for (Map.Entry<Integer, String> version : stored.entrySet()) {
                if (!versions.containsKey(version.getKey())) {
                    assertThat(publishTried).as("version %d was never published", version.getKey()).isTrue();
                    versions.put(version.getKey(), version.getValue());
                }
                assertThat(KillChild.sha256(repository.getContent(KillChild.NAME, Version.of(version.getKey()))))
                        .as("bytes of version %d", version.getKey()).isEqualTo(version.getValue());
            }
            maybeRemoved.clear();
            publishTried = false;
            verifyAlias(repository);
        }

        private void verifyAlias(Repository repository) {
            Alias alias;
            try {
                alias = repository.getAlias(KillChild.NAME, KillChild.ALIAS);
            } catch (AliasNotFoundException absent) {
                assertThat(aliasRevision).as("the alias after acknowledged changes").isZero();
                return;
            }
            if (alias.revision() == aliasRevision) {
                assertThat(alias.version().number()).as("alias at revision %d", aliasRevision).isEqualTo(aliasVersion);
            } else {
                assertThat(alias.revision()).as("alias revision: the acknowledged one, or one more by a tried change")
                        .isEqualTo(aliasRevision + 1);
                assertThat(aliasTried).as("the tried alias change").isEqualTo(alias.version().number());
            }
            aliasRevision = alias.revision();
            aliasVersion = alias.version().number();
            aliasChanges.put(aliasRevision, aliasVersion);
            aliasTried = null;
            List<AliasChange> history = repository.getAliasHistory(KillChild.NAME, KillChild.ALIAS);
            assertThat(history).extracting(AliasChange::revision).as("every revision of the alias has its entry")
                    .isEqualTo(revisionsDown(aliasRevision));
            for (AliasChange change : history) {
                assertThat(change.current().map(target -> target.version().number()))
                        .as("history entry of revision %d", change.revision())
                        .contains(aliasChanges.get(change.revision()));
            }
        }

        private static List<Long> revisionsDown(long from) {
            List<Long> revisions = new ArrayList<>();
            for (long revision = from; revision >= 1; revision--) {
                revisions.add(revision);
            }
            return revisions;
        }

        private static Optional<Artifact> live(Repository repository, Version version) {
            try {
                return Optional.of(repository.getArtifactVersion(KillChild.NAME, version));
            } catch (ArtifactNotFoundException absent) {
                return Optional.empty();
            }
        }

        private static List<Artifact> listLive(Repository repository) {
            try {
                return repository.listArtifactVersions(KillChild.NAME).stream()
                        .filter(artifact -> !artifact.version().isLatest()).toList();
            } catch (ArtifactNotFoundException absent) {
                return List.of();
            }
        }
    }
}
