package io.versioned.embedded;

import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.api.Alias;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.PurgeResult;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The process {@link KillTest} kills: opens the repository and changes one artifact for ever, at random (put,
 * publish, alias set, delete, purge). Before each write it prints {@code TRY …} and after it was acknowledged (the
 * call returned) {@code ACK …}, each line flushed at once, so the parent knows which changes were acknowledged
 * when the process died.
 *
 * <p>It starts as a standby, so that the parent's kill loop does not wait for a JVM to start: it first loads the
 * library's classes by writing to a throw-away repository in the folder named by the system property
 * {@code versioned.kill.warmup}, prints {@code STANDBY}, and waits for a line on its standard input before it opens
 * the repository under test.
 *
 * <p>Arguments: {@code h2 DIRECTORY SEED} or {@code postgres JDBC_URL USER BLOB_DIRECTORY SEED}.
 */
public final class KillChild {

    static final String NAME = "killed";
    static final String ALIAS = "production";

    private KillChild() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        warmUp(Path.of(System.getProperty("versioned.kill.warmup")));
        out.println("STANDBY");
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            return;
        }
        boolean h2 = args[0].equals("h2");
        Random random = new Random(Long.parseLong(args[args.length - 1]));
        try (Repository repository = h2 ? VersionedEmbedded.repository(Path.of(args[1]))
                : VersionedEmbedded.repository(JdbcConfig.builder().jdbcUrl(args[1]).user(args[2]).build(),
                Path.of(args[3]))) {
            out.println("READY");
            while (true) {
                step(repository, random, out);
            }
        }
    }

    /** Loads the classes a step uses, on a repository of its own that is deleted afterwards. */
    private static void warmUp(Path parent) throws IOException {
        Files.createDirectories(parent);
        Path folder = Files.createTempDirectory(parent, "warmup");
        try (Repository repository = VersionedEmbedded.repository(folder)) {
            repository.putArtifact(NAME, new byte[] {1});
            repository.publishArtifactVersion(NAME);
            repository.putAlias(NAME, ALIAS, Version.of(1));
            repository.purgeArtifactVersions(NAME, 1, Duration.ZERO);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void step(Repository repository, Random random, PrintStream out) {
        int dice = random.nextInt(100);
        List<Artifact> live = liveVersions(repository);
        if (dice < 40) {
            byte[] content = new byte[random.nextInt(20) == 0 ? 2 << 20 : 1 + random.nextInt(64 << 10)];
            random.nextBytes(content);
            String sha256 = sha256(content);
            out.println("TRY PUT " + sha256);
            repository.putArtifact(NAME, content);
            out.println("ACK PUT " + sha256);
        } else if (dice < 60) {
            out.println("TRY PUBLISH");
            try {
                Artifact published = repository.publishArtifactVersion(NAME);
                out.println("ACK PUBLISH " + published.version().number() + " " + published.sha256());
            } catch (ArtifactNotFoundException noLatestYet) {
                out.println("REFUSED PUBLISH");
            }
        } else if (dice < 80 && !live.isEmpty()) {
            int version = live.get(random.nextInt(live.size())).version().number();
            out.println("TRY ALIAS " + version);
            Alias alias = repository.putAlias(NAME, ALIAS, Version.of(version));
            out.println("ACK ALIAS " + alias.revision() + " " + version);
        } else if (dice < 90 && dice >= 80) {
            Optional<Integer> aliased = aliasedVersion(repository);
            List<Integer> free = live.stream().map(a -> a.version().number())
                    .filter(number -> aliased.filter(number::equals).isEmpty()).toList();
            if (free.isEmpty()) {
                return;
            }
            int version = free.get(random.nextInt(free.size()));
            out.println("TRY DELETE " + version);
            try {
                repository.deleteArtifactVersion(NAME, Version.of(version));
                out.println("ACK DELETE " + version);
            } catch (ConflictException refused) {
                out.println("REFUSED DELETE " + version);
            }
        } else if (dice >= 90) {
            out.println("TRY PURGE");
            PurgeResult result = repository.purgeArtifactVersions(NAME, 3, Duration.ZERO);
            out.println("ACK PURGE " + result.purged().stream().map(v -> String.valueOf(v.number()))
                    .collect(Collectors.joining(",")));
        }
    }

    private static List<Artifact> liveVersions(Repository repository) {
        try {
            return repository.listArtifactVersions(NAME).stream()
                    .filter(artifact -> !artifact.version().isLatest()).toList();
        } catch (ArtifactNotFoundException absent) {
            return List.of();
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Integer> aliasedVersion(Repository repository) {
        try {
            return Optional.of(repository.getAlias(NAME, ALIAS).version().number());
        } catch (AliasNotFoundException absent) {
            return Optional.empty();
        }
    }
}
