package io.versioned.tck.soak;

import io.versioned.api.AliasTarget;
import io.versioned.api.PutOptions;
import io.versioned.api.Version;
import io.versioned.tck.soak.ArtifactState.VersionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Picks the arguments of a worker's writes from its seeded generator and the artifact's model, mostly ones that
 * succeed, sometimes ones the semantics refuse (a deleted or missing version, a stale revision) or that change
 * nothing (unchanged bytes, a missing alias).
 */
final class WriteChooser {

    private static final List<Optional<String>> CONTENT_TYPES = List.of(Optional.empty(),
            Optional.of("application/x-sqlite3"), Optional.of("text/plain; charset=utf-8"),
            Optional.of("text/plain;charset=UTF-8"), Optional.of("application/json"));
    private static final List<Map<String, String>> METADATA = List.of(Map.of(), Map.of("owner", "analytics"),
            Map.of("owner", "ml", "rows", "120000"));

    private final Random random;
    private final List<SoakContent> contents;
    private final List<String> aliases;

    /**
     * @param random   the worker's generator
     * @param contents the worker's pool of contents
     * @param aliases  the alias names to use
     */
    WriteChooser(Random random, List<SoakContent> contents, List<String> aliases) {
        this.random = random;
        this.contents = List.copyOf(contents);
        this.aliases = List.copyOf(aliases);
    }

    /** A write of kind {@code step} on {@code artifact}, whose state is {@code state}. */
    SoakWrite choose(SoakStep step, String artifact, ArtifactState state) {
        return switch (step) {
            case PUT -> new SoakWrite.Put(artifact, content(state), options(),
                    SoakWrite.Source.values()[random.nextInt(SoakWrite.Source.values().length)]);
            case PUBLISH -> new SoakWrite.Publish(artifact);
            case DELETE -> new SoakWrite.DeleteVersion(artifact, anyVersion(state));
            case RESTORE -> new SoakWrite.RestoreVersion(artifact, restorable(state));
            case PUT_ALIAS -> putAlias(artifact, state);
            case DELETE_ALIAS -> new SoakWrite.DeleteAlias(artifact, alias());
            case PURGE_VERSIONS -> new SoakWrite.PurgeVersions(artifact, random.nextInt(4),
                    random.nextInt(5) == 0 ? SoakWrite.PurgeVersions.NEVER_OLD_ENOUGH : Duration.ZERO,
                    random.nextInt(4) == 0);
            case PURGE_ARTIFACT -> new SoakWrite.PurgeArtifact(artifact);
            default -> throw new IllegalArgumentException("step: not a write of an own artifact: " + step);
        };
    }

    /** Mostly new content; sometimes LATEST's own bytes (unchanged), or those of another version. */
    private SoakContent content(ArtifactState state) {
        int draw = random.nextInt(100);
        List<VersionState> versions = new ArrayList<>(state.versions().values());
        Optional<String> sha256 = draw < 25 ? state.version(Version.LATEST).map(VersionState::sha256)
                : draw < 40 && !versions.isEmpty() ? Optional.of(versions.get(random.nextInt(versions.size())).sha256())
                : Optional.empty();
        return sha256.flatMap(sha -> contents.stream().filter(content -> content.sha256().equals(sha)).findFirst())
                .orElseGet(() -> contents.get(random.nextInt(contents.size())));
    }

    private PutOptions options() {
        PutOptions.Builder options = PutOptions.builder()
                .metadata(METADATA.get(random.nextInt(METADATA.size())));
        CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())).ifPresent(options::contentType);
        if (random.nextInt(8) == 0) {
            options.tags(Map.of("team", "soak"));
        }
        return options.build();
    }

    private AliasTarget target(ArtifactState state) {
        Version primary = random.nextInt(5) > 0 ? liveVersion(state) : anyVersion(state);
        if (random.nextInt(100) >= 35) {
            return AliasTarget.of(primary);
        }
        Version secondary = random.nextInt(5) > 0 ? liveVersion(state) : anyVersion(state);
        if (secondary.equals(primary)) {
            secondary = primary.isLatest() ? Version.of(state.highestRecordNumber() + 1) : Version.LATEST;
        }
        return new AliasTarget(primary, Optional.of(secondary), random.nextInt(100));
    }

    private SoakWrite putAlias(String artifact, ArtifactState state) {
        String alias = alias();
        AliasTarget target = target(state);
        if (random.nextInt(10) >= 3) {
            return new SoakWrite.PutAlias(artifact, alias, target, OptionalLong.empty());
        }
        long current = state.casRevision(alias);
        long expected = random.nextInt(4) > 0 ? current : current + (current > 0 && random.nextBoolean() ? -1 : 1);
        return new SoakWrite.PutAlias(artifact, alias, target, OptionalLong.of(expected));
    }

    private String alias() {
        return aliases.get(random.nextInt(aliases.size()));
    }

    /** A live version, or LATEST when there is none. */
    private Version liveVersion(ArtifactState state) {
        List<Version> live = state.liveVersions();
        return live.isEmpty() ? Version.LATEST : live.get(random.nextInt(live.size()));
    }

    /** Mostly a version with a record (deleted or not), sometimes one without. */
    private Version anyVersion(ArtifactState state) {
        List<Version> recorded = new ArrayList<>(state.versions().keySet());
        return recorded.isEmpty() || random.nextInt(5) == 0 ? missing(state)
                : recorded.get(random.nextInt(recorded.size()));
    }

    /** Mostly a deleted version, else any version. */
    private Version restorable(ArtifactState state) {
        List<Version> deleted = state.versions().entrySet().stream().filter(entry -> entry.getValue().deleted())
                .map(Map.Entry::getKey).toList();
        return deleted.isEmpty() || random.nextInt(10) < 4 ? anyVersion(state)
                : deleted.get(random.nextInt(deleted.size()));
    }

    private Version missing(ArtifactState state) {
        return Version.of(state.highestRecordNumber() + 1 + random.nextInt(3));
    }
}
