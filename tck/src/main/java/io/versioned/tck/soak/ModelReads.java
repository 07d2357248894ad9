package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.versioned.api.Alias;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.Repository;
import io.versioned.api.Routing;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.tck.Content;
import io.versioned.tck.soak.ArtifactState.AliasState;
import io.versioned.tck.soak.ArtifactState.HistoryEntry;
import io.versioned.tck.soak.ArtifactState.VersionState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The reads of a soak worker on its own artifacts, each checked against the model: what exists must be returned as
 * the model describes it (bytes verified against their SHA-256), what does not must be refused with the documented
 * exception. A read that a fault fails throws that {@link io.versioned.api.BackendException} to the caller.
 */
final class ModelReads {

    private final Repository repository;
    private final Random random;
    private final Path scratch;
    private final List<String> aliases;

    /**
     * @param repository the (faulty) repository to read from
     * @param random     the worker's generator
     * @param scratch    a directory of the worker's own, for downloads
     * @param aliases    the alias names the worker uses
     */
    ModelReads(Repository repository, Random random, Path scratch, List<String> aliases) {
        this.repository = repository;
        this.random = random;
        this.scratch = scratch;
        this.aliases = List.copyOf(aliases);
    }

    /** Performs the read {@code step} on {@code artifact}; {@code own} holds every artifact of the worker. */
    void read(SoakStep step, String artifact, Map<String, ArtifactModel> own) {
        ArtifactState state = own.get(artifact).state();
        switch (step) {
            case GET_VERSION -> getVersion(artifact, state);
            case LIST_VERSIONS -> listVersions(artifact, state);
            case LATEST_NUMBER -> assertThat(repository.getLatestPublishedVersionNumber(artifact))
                    .as("latest published number of %s", artifact)
                    .isEqualTo(state.highestLivePublished().map(Version::number).orElse(0));
            case GET_CONTENT -> content(artifact, state, version -> repository.getContent(artifact, version));
            case OPEN_CONTENT -> content(artifact, state,
                    version -> readAll(repository.openContent(artifact, version)));
            case DOWNLOAD -> content(artifact, state, version -> download(artifact, state, version));
            case RESOLVE, RESOLVE_WITH_KEY -> resolve(artifact, state, step == SoakStep.RESOLVE_WITH_KEY);
            case GET_ALIAS -> getAlias(artifact, state);
            case LIST_ALIASES -> listAliases(artifact, state);
            case ALIAS_HISTORY -> history(artifact, state);
            case LIST_NAMES -> listNames(own);
            default -> throw new IllegalArgumentException("step: not a read: " + step);
        }
    }

    private void getVersion(String artifact, ArtifactState state) {
        Version version = someVersion(state);
        Optional<VersionState> live = state.live(version);
        Supplier<Artifact> read = version.isLatest() && random.nextBoolean()
                ? () -> repository.getArtifactVersion(artifact)
                : () -> repository.getArtifactVersion(artifact, version);
        if (live.isPresent()) {
            live.get().assertDescribes(read.get(), artifact, version);
        } else {
            expectRefused(ArtifactNotFoundException.class, read::get);
        }
    }

    private void listVersions(String artifact, ArtifactState state) {
        List<Artifact> listed = repository.listArtifactVersions(artifact);
        assertThat(listed).extracting(Artifact::version).as("live versions of %s", artifact)
                .isEqualTo(state.liveVersions());
        listed.forEach(a -> state.versions().get(a.version()).assertDescribes(a, artifact, a.version()));
    }

    private void content(String artifact, ArtifactState state, VersionRead read) {
        Version version = someVersion(state);
        Optional<VersionState> live = state.live(version);
        if (live.isPresent()) {
            byte[] bytes = read.bytes(version);
            assertThat(bytes.length).as("size of %s %s", artifact, version).isEqualTo(live.get().size());
            assertThat(Content.sha256(bytes)).as("bytes of %s %s", artifact, version).isEqualTo(live.get().sha256());
        } else {
            expectRefused(ArtifactNotFoundException.class, () -> read.bytes(version));
        }
    }

    private byte[] download(String artifact, ArtifactState state, Version version) {
        Path target = scratch.resolve("download");
        Artifact downloaded = repository.download(artifact, version, target);
        state.live(version).orElseThrow(() -> new AssertionError("version " + version + " of " + artifact
                + " was downloaded, but the model has it not live")).assertDescribes(downloaded, artifact, version);
        try {
            return Files.readAllBytes(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void resolve(String artifact, ArtifactState state, boolean withKey) {
        String alias = alias();
        Optional<AliasState> current = state.alias(alias);
        String key = "user-" + random.nextInt(1000);
        Supplier<Artifact> read = withKey ? () -> repository.resolve(artifact, alias, key)
                : () -> repository.resolve(artifact, alias);
        if (current.isEmpty()) {
            expectRefused(AliasNotFoundException.class, read::get);
            return;
        }
        AliasTarget target = current.get().target();
        Artifact resolved = read.get();
        if (withKey) {
            assertThat(resolved.version()).as("version alias %s of %s routes %s to", alias, artifact, key)
                    .isEqualTo(target.pick(Routing.bucket(artifact, alias, key)));
        } else {
            assertThat(resolved.version()).as("version alias %s of %s picks", alias, artifact)
                    .isIn(target.version(), target.secondaryVersion().orElse(target.version()));
        }
        VersionState picked = state.live(resolved.version()).orElseThrow(() -> new AssertionError(
                "alias " + alias + " of " + artifact + " points at version " + resolved.version()
                        + ", which the model has not live"));
        picked.assertDescribes(resolved, artifact, resolved.version());
    }

    private void getAlias(String artifact, ArtifactState state) {
        String alias = alias();
        Optional<AliasState> current = state.alias(alias);
        if (current.isEmpty()) {
            expectRefused(AliasNotFoundException.class, () -> repository.getAlias(artifact, alias));
            return;
        }
        Alias read = repository.getAlias(artifact, alias);
        assertThat(AliasState.of(read)).as("alias %s of %s", alias, artifact).isEqualTo(current.get());
    }

    private void listAliases(String artifact, ArtifactState state) {
        Map<String, AliasState> listed = new TreeMap<>();
        for (Alias alias : repository.listAliases(artifact)) {
            assertThat(listed.put(alias.alias(), AliasState.of(alias))).as("alias %s listed twice", alias.alias())
                    .isNull();
        }
        assertThat(listed).as("aliases of %s", artifact).isEqualTo(state.aliases());
    }

    private void history(String artifact, ArtifactState state) {
        String alias = alias();
        List<HistoryEntry> history = repository.getAliasHistory(artifact, alias).stream().map(HistoryEntry::of)
                .toList();
        assertThat(history).as("history of alias %s of %s", alias, artifact).isEqualTo(state.history(alias));
    }

    private void listNames(Map<String, ArtifactModel> own) {
        List<String> names = repository.listArtifactNames();
        assertThat(names).as("artifact names").isSorted();
        own.forEach((artifact, model) -> assertThat(names.contains(artifact)).as("%s is listed", artifact)
                .isEqualTo(model.state().registered()));
    }

    /** Mostly a version with a record (possibly deleted), sometimes LATEST or a number without one. */
    private Version someVersion(ArtifactState state) {
        List<Version> versions = new ArrayList<>(state.versions().keySet());
        if (versions.isEmpty() || random.nextInt(6) == 0) {
            return random.nextBoolean() ? Version.LATEST : Version.of(state.highestRecordNumber() + 1);
        }
        return versions.get(random.nextInt(versions.size()));
    }

    private String alias() {
        return aliases.get(random.nextInt(aliases.size()));
    }

    /**
     * Runs {@code read}, which the model says must be refused with {@code type}; any other failure (a fault's
     * {@link io.versioned.api.BackendException} included) is thrown on.
     */
    private static void expectRefused(Class<? extends VersionedException> type, Supplier<?> read) {
        Object result;
        try {
            result = read.get();
        } catch (VersionedException e) {
            if (type.isInstance(e)) {
                return;
            }
            throw e;
        }
        fail("expected " + type.getSimpleName() + " but the read returned " + result);
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the bytes of one version. */
    @FunctionalInterface
    private interface VersionRead {
        byte[] bytes(Version version);
    }
}
