package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.tck.Content;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The artifact every worker writes at once, only by put, publish and putAlias, and reads by resolve, so that what
 * must hold needs no model: every acknowledged publish keeps its number and SHA-256 forever (no number is given to
 * two different contents), every acknowledged alias change is in the alias's history at its own revision, and every
 * alias resolves to a live version whose bytes match. The shared artifact stops getting new versions after
 * {@value #VERSION_LIMIT} acknowledged publishes (puts, alias changes and resolves go on), so that long runs do not
 * slow down on an ever longer version list. Thread-safe.
 */
final class SharedArtifact {

    /** The artifact's name. */
    static final String NAME = "soak-shared";
    /** Its aliases. */
    static final List<String> ALIASES = List.of("live", "beta");
    private static final int VERSION_LIMIT = 200;

    private final SoakLog log;
    private final List<SoakContent> contents;
    private final AtomicBoolean latestWritten = new AtomicBoolean();
    private final Set<String> aliasesWritten = ConcurrentHashMap.newKeySet();

    /** @param log where acknowledged publishes and alias changes are recorded */
    SharedArtifact(SoakLog log) {
        this.log = log;
        this.contents = LongStream.range(0, 400).mapToObj(id -> SoakContent.of(1_000_000_000L + id)).toList();
    }

    /** Puts one of the shared contents, sometimes with a content type. */
    void put(Repository repository, Random random) {
        SoakContent content = contents.get(random.nextInt(contents.size()));
        Artifact put = random.nextBoolean() ? repository.putArtifact(NAME, content.bytes())
                : repository.putArtifact(NAME, content.bytes(), PutOptions.builder().contentType("text/plain").build());
        assertThat(put.sha256()).as("sha256 of a put of the shared artifact").isEqualTo(content.sha256());
        latestWritten.set(true);
    }

    /** Publishes and records the version acknowledged; false (nothing done) before any put or past the limit. */
    boolean publish(Repository repository) {
        if (!latestWritten.get() || log.sharedPublishes().size() >= VERSION_LIMIT) {
            return false;
        }
        Artifact published = repository.publishArtifactVersion(NAME);
        assertThat(published.version().isLatest()).as("a publish returned LATEST").isFalse();
        log.sharedPublished(published.version().number(), published.sha256());
        return true;
    }

    /**
     * Points an alias at an acknowledged version or LATEST, sometimes as a canary, and records the change
     * acknowledged; false (nothing done) while there is nothing to point at.
     */
    boolean putAlias(Repository repository, Random random) {
        List<Version> targets = new ArrayList<>(log.sharedPublishes().keySet().stream().sorted().map(Version::of)
                .toList());
        if (latestWritten.get()) {
            targets.add(Version.LATEST);
        }
        if (targets.isEmpty()) {
            return false;
        }
        String alias = ALIASES.get(random.nextInt(ALIASES.size()));
        Version primary = targets.get(random.nextInt(targets.size()));
        Version secondary = targets.get(random.nextInt(targets.size()));
        boolean canary = !secondary.equals(primary) && random.nextBoolean();
        AliasTarget target = canary ? new AliasTarget(primary, Optional.of(secondary), 1 + random.nextInt(99))
                : AliasTarget.of(primary);
        Alias written = canary
                ? repository.putAlias(NAME, alias, primary, secondary, target.secondaryVersionWeight())
                : repository.putAlias(NAME, alias, primary);
        assertThat(written.target()).as("target of shared alias %s", alias).isEqualTo(target);
        log.sharedAliasChanged(alias, written.revision(), target);
        aliasesWritten.add(alias);
        return true;
    }

    /**
     * Resolves an alias, at random or by a routing key, and reads the version's bytes: a published version's must
     * match, and an acknowledged one keeps its SHA-256. (LATEST's bytes are read too, but may have changed since the
     * resolve; reading them either way keeps the number of store calls, and so a replay's faults, independent of the
     * random pick.) An alias no worker has seen written yet may be missing.
     */
    void resolve(Repository repository, Random random) {
        String alias = ALIASES.get(random.nextInt(ALIASES.size()));
        boolean mustExist = aliasesWritten.contains(alias);
        Artifact resolved;
        try {
            resolved = random.nextBoolean() ? repository.resolve(NAME, alias)
                    : repository.resolve(NAME, alias, "user-" + random.nextInt(1000));
        } catch (AliasNotFoundException e) {
            assertThat(mustExist).as("shared alias %s, acknowledged before, is missing", alias).isFalse();
            return;
        }
        byte[] content = repository.getContent(NAME, resolved.version());
        if (!resolved.version().isLatest()) {
            assertThat(Content.sha256(content)).as("bytes of shared version %s", resolved.version())
                    .isEqualTo(resolved.sha256());
            assertKept(resolved.version().number(), resolved.sha256());
        }
    }

    /**
     * Checks through {@code repository} (without faults) that every acknowledged publish kept its number and bytes,
     * that every acknowledged alias change is in the history at its revision, and that every alias resolves to a
     * live version whose bytes match.
     */
    void assertHeld(Repository repository) {
        log.sharedPublishes().forEach((number, sha256) -> {
            assertThat(repository.getArtifactVersion(NAME, Version.of(number)).sha256())
                    .as("sha256 of acknowledged shared version %s", number).isEqualTo(sha256);
            assertThat(Content.sha256(repository.getContent(NAME, Version.of(number))))
                    .as("bytes of acknowledged shared version %s", number).isEqualTo(sha256);
        });
        log.sharedAliasChanges().forEach((alias, changes) -> {
            Map<Long, Optional<AliasTarget>> history = repository.getAliasHistory(NAME, alias).stream()
                    .collect(Collectors.toMap(AliasChange::revision, AliasChange::current));
            changes.forEach((revision, target) -> assertThat(history.get(revision))
                    .as("acknowledged change of shared alias %s at revision %s in its history", alias, revision)
                    .isEqualTo(Optional.of(target)));
            assertThat(repository.getAlias(NAME, alias).revision()).as("revision of shared alias %s", alias)
                    .isGreaterThanOrEqualTo(changes.lastKey());
        });
        Map<Integer, String> published = log.sharedPublishes();
        for (Alias alias : repository.listAliases(NAME)) {
            for (int key = 0; key < 20; key++) {
                Artifact resolved = repository.resolve(NAME, alias.alias(), "final-" + key);
                assertThat(resolved.version()).isEqualTo(alias.route("final-" + key));
                assertThat(Content.sha256(repository.getContent(NAME, resolved.version())))
                        .as("bytes of version %s resolved by shared alias %s", resolved.version(), alias.alias())
                        .isEqualTo(resolved.sha256());
                Optional.ofNullable(published.get(resolved.version().number())).ifPresent(sha256 ->
                        assertThat(resolved.sha256()).isEqualTo(sha256));
            }
        }
    }

    /** If version {@code number} was acknowledged, asserts it was with {@code sha256}. */
    private void assertKept(int number, String sha256) {
        Optional.ofNullable(log.sharedPublishes().get(number)).ifPresent(acknowledged -> assertThat(sha256)
                .as("sha256 of shared version %s, acknowledged with %s", number, acknowledged).isEqualTo(acknowledged));
    }
}
