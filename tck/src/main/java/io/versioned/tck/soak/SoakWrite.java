package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.Alias;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.PurgeResult;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.tck.soak.ArtifactState.AliasState;
import io.versioned.tck.soak.ArtifactState.HistoryEntry;
import io.versioned.tck.soak.ArtifactState.VersionState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * One write of the soak on an artifact a single worker owns, and what {@code docs/semantics.md} says it does, as
 * pure functions of the artifact's {@link ArtifactModel}: the refusal it must meet, the state after it was
 * acknowledged (checking what it returned), and every state it may leave when it failed with an unknown outcome
 * (before, after, and each state between its port calls).
 */
sealed interface SoakWrite {

    /** The content type of a put that names none. */
    String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    /** The artifact written. */
    String artifact();

    /** The operation's name in the summary. */
    String kind();

    /**
     * Runs the write on {@code repository}; {@code scratch} is a directory of the calling worker's own.
     *
     * @return what the repository returned; null for operations without a result
     */
    Object perform(Repository repository, Path scratch);

    /** The refusal the write meets from {@code model}, if the semantics refuse it; then it changes nothing. */
    Optional<Refusal> refusal(ArtifactModel model);

    /**
     * The model after the write was acknowledged with {@code result}; asserts that {@code result} is what the model
     * predicts. Only for writes {@link #refusal} does not refuse.
     */
    ArtifactModel apply(ArtifactModel model, Object result);

    /** The models the artifact may be in after the write failed with an unknown outcome; the first is "unchanged". */
    List<ArtifactModel> outcomesOnFailure(ArtifactModel model);

    /**
     * A refusal: the exception type, and text its message must contain.
     *
     * @param type         the exception
     * @param messageParts strings the message names
     */
    record Refusal(Class<? extends VersionedException> type, List<String> messageParts) {

        boolean matches(VersionedException exception) {
            return type.isInstance(exception) && exception.getMessage() != null
                    && messageParts.stream().allMatch(exception.getMessage()::contains);
        }
    }

    /** Where a put reads its content from. */
    enum Source { BYTES, STREAM, FILE }

    /**
     * {@code putArtifact} of {@code content} with {@code options}, from {@code source}.
     *
     * @param artifact the artifact
     * @param content  the content
     * @param options  content type, metadata, tags
     * @param source   byte array, stream or file
     */
    record Put(String artifact, SoakContent content, PutOptions options, Source source) implements SoakWrite {

        @Override
        public String kind() {
            return "put";
        }

        @Override
        public Object perform(Repository repository, Path scratch) {
            byte[] bytes = content.bytes();
            return switch (source) {
                case BYTES -> repository.putArtifact(artifact, bytes, options);
                case STREAM -> repository.putArtifact(artifact, new ByteArrayInputStream(bytes), options);
                case FILE -> repository.putArtifact(artifact, written(scratch.resolve("put-content"), bytes), options);
            };
        }

        @Override
        public Optional<Refusal> refusal(ArtifactModel model) {
            return Optional.empty();
        }

        @Override
        public ArtifactModel apply(ArtifactModel model, Object result) {
            Artifact artifactPut = (Artifact) result;
            ArtifactState state = model.state();
            Optional<VersionState> same = sameLiveLatest(state);
            if (same.isPresent() && kept(same.get()).equals(same.get())) {
                same.get().assertDescribes(artifactPut, artifact, Version.LATEST);
                return model;
            }
            VersionState written = (same.isPresent() ? kept(same.get()) : fresh(state))
                    .at(Optional.of(artifactPut.updateAt()));
            written.assertDescribes(artifactPut, artifact, Version.LATEST);
            return model.with((same.isPresent() ? state : registered(state)).withVersion(Version.LATEST, written));
        }

        @Override
        public List<ArtifactModel> outcomesOnFailure(ArtifactModel model) {
            ArtifactState state = model.state();
            Optional<VersionState> same = sameLiveLatest(state);
            if (same.isPresent()) {
                VersionState kept = kept(same.get());
                return kept.equals(same.get()) ? List.of(model)
                        : List.of(model, model.with(state.withVersion(Version.LATEST, kept.at(Optional.empty()))));
            }
            return List.of(model, model.with(registered(state)),
                    model.with(registered(state).withVersion(Version.LATEST, fresh(state))));
        }

        /** The name is indexed by the first put, and by the first after a purge: when there is no LATEST record. */
        private static ArtifactState registered(ArtifactState state) {
            return state.version(Version.LATEST).isPresent() ? state : state.withRegistered(true);
        }

        private Optional<VersionState> sameLiveLatest(ArtifactState state) {
            return state.live(Version.LATEST).filter(latest -> latest.sha256().equals(content.sha256()));
        }

        /** The live LATEST with the supplied attributes where they differ (content types compared as media types). */
        private VersionState kept(VersionState latest) {
            String contentType = options.contentType().filter(type -> !sameMediaType(type, latest.contentType()))
                    .orElse(latest.contentType());
            return latest.withAttributes(contentType,
                    options.metadata().isEmpty() ? latest.metadata() : options.metadata());
        }

        /** New content: the supplied attributes only, the pins of the record it replaces. */
        private VersionState fresh(ArtifactState state) {
            return new VersionState(content.sha256(), content.size(), false,
                    options.contentType().orElse(DEFAULT_CONTENT_TYPE), options.metadata(),
                    state.version(Version.LATEST).map(VersionState::pins).orElse(Map.of()), Optional.empty());
        }

        /**
         * Media-type equality for the soak's content types, whose only parameter is {@code charset}: case, spaces and
         * quotes do not count.
         */
        private static boolean sameMediaType(String a, String b) {
            return canonical(a).equals(canonical(b));
        }

        private static String canonical(String mediaType) {
            return mediaType.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
        }

        private static Path written(Path file, byte[] bytes) {
            try {
                return Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the content file " + file + " failed", e);
            }
        }
    }

    /**
     * {@code publishArtifactVersion}.
     *
     * @param artifact the artifact
     */
    record Publish(String artifact) implements SoakWrite {

        @Override
        public String kind() {
            return "publish";
        }

        @Override
        public Object perform(Repository repository, Path scratch) {
            return repository.publishArtifactVersion(artifact);
        }

        @Override
        public Optional<Refusal> refusal(ArtifactModel model) {
            return model.state().live(Version.LATEST).isPresent() ? Optional.empty()
                    : Optional.of(new Refusal(ArtifactNotFoundException.class, List.of(artifact)));
        }

        @Override
        public ArtifactModel apply(ArtifactModel model, Object result) {
            Artifact published = (Artifact) result;
            ArtifactState state = model.state();
            VersionState latest = state.live(Version.LATEST).orElseThrow();
            Optional<Version> existing = existing(state);
            if (existing.isPresent()) {
                state.versions().get(existing.get()).assertDescribes(published, artifact, existing.get());
                return model;
            }
            int highestRecord = state.highestRecordNumber();
            assertThat(published.version().number()).as("number of a new version of %s", artifact)
                    .isBetween(model.numbering().lowest(highestRecord), model.numbering().highest(highestRecord));
            assertThat(state.version(published.version())).as("a record already numbered %s", published.version())
                    .isEmpty();
            VersionState created = copyOf(latest).at(Optional.of(published.updateAt()));
            created.assertDescribes(published, artifact, published.version());
            return new ArtifactModel(state.withVersion(published.version(), created),
                    model.numbering().published(published.version().number()));
        }

        @Override
        public List<ArtifactModel> outcomesOnFailure(ArtifactModel model) {
            ArtifactState state = model.state();
            Optional<VersionState> latest = state.live(Version.LATEST);
            if (latest.isEmpty() || existing(state).isPresent()) {
                return List.of(model);
            }
            int highestRecord = state.highestRecordNumber();
            List<ArtifactModel> outcomes = new ArrayList<>();
            outcomes.add(model.with(model.numbering().afterFailedPublish(highestRecord)));
            IntStream.rangeClosed(model.numbering().lowest(highestRecord), model.numbering().highest(highestRecord))
                    .forEach(number -> outcomes.add(new ArtifactModel(
                            state.withVersion(Version.of(number), copyOf(latest.get())),
                            model.numbering().published(number))));
            return outcomes;
        }

        /** The highest live published version when it has LATEST's bytes: the publish then returns it. */
        private static Optional<Version> existing(ArtifactState state) {
            return state.highestLivePublished().filter(version -> state.versions().get(version).sha256()
                    .equals(state.live(Version.LATEST).map(VersionState::sha256).orElse("")));
        }

        private static VersionState copyOf(VersionState latest) {
            return new VersionState(latest.sha256(), latest.size(), false, latest.contentType(), latest.metadata(),
                    Map.of(), Optional.empty());
        }
    }

    /**
     * {@code deleteArtifactVersion}.
     *
     * @param artifact the artifact
     * @param version  the version, existing or not
     */
    record DeleteVersion(String artifact, Version version) implements SoakWrite {

        @Override
        public String kind() {
            return "delete";
        }

        @Override
        public Object perform(Repository repository, Path scratch) {
            repository.deleteArtifactVersion(artifact, version);
            return null;
        }

        @Override
        public Optional<Refusal> refusal(ArtifactModel model) {
            List<String> blocking = model.state().blockingAliases(version);
            return model.state().live(version).isEmpty() || blocking.isEmpty() ? Optional.empty()
                    : Optional.of(new Refusal(ConflictException.class, blocking));
        }

        @Override
        public ArtifactModel apply(ArtifactModel model, Object result) {
            ArtifactState state = model.state();
            return state.live(version).isEmpty() ? model : model.with(state.withVersion(version,
                    record -> record.withDeleted(true).withPins(Map.of()).at(Optional.empty())));
        }

        @Override
        public List<ArtifactModel> outcomesOnFailure(ArtifactModel model) {
            return refusal(model).isPresent() || model.state().live(version).isEmpty() ? List.of(model)
                    : List.of(model, apply(model, null));
        }
    }

    /**
     * {@code restoreArtifactVersion}.
     *
     * @param artifact the artifact
     * @param version  the version, existing or not
     */
    record RestoreVersion(String artifact, Version version) implements SoakWrite {

        @Override
        public String kind() {
            return "restore";
        }

        @Override
        public Object perform(Repository repository, Path scratch) {
            return repository.restoreArtifactVersion(artifact, version);
        }

        @Override
        public Optional<Refusal> refusal(ArtifactModel model) {
            return model.state().version(version).isPresent() ? Optional.empty()
                    : Optional.of(new Refusal(ArtifactNotFoundException.class, List.of(artifact)));
        }

        @Override
        public ArtifactModel apply(ArtifactModel model, Object result) {
            Artifact restored = (Artifact) result;
            VersionState record = model.state().versions().get(version);
            VersionState expected = record.deleted() ? record.withDeleted(false).at(Optional.of(restored.updateAt()))
                    : record;
            expected.assertDescribes(restored, artifact, version);
            return model.with(model.state().withVersion(version, expected));
        }

        @Override
        public List<ArtifactModel> outcomesOnFailure(ArtifactModel model) {
            Optional<VersionState> record = model.state().version(version);
            if (record.isEmpty() || !record.get().deleted()) {
                return List.of(model);
            }
            return List.of(model, model.with(model.state().withVersion(version,
                    record.get().withDeleted(false).at(Optional.empty()))));
        }
    }

    /**
     * {@code putAlias}: with a compare-and-set when {@code expectedRevision} is present, else the one-version form for
     * a target without secondary and the canary form otherwise.
     *
     * @param artifact         the artifact
     * @param alias            the alias
     * @param target           primary, optional secondary and weight
     * @param expectedRevision the revision the alias must be at, for the compare-and-set form
     */
    record PutAlias(String artifact, String alias, AliasTarget target, OptionalLong expectedRevision)
            implements SoakWrite {

        @Override
        public String kind() {
            return expectedRevision.isPresent() ? "putAlias(cas)" : "putAlias";
        }

        @Override
        public Object perform(Repository repository, Path scratch) {
            if (expectedRevision.isPresent()) {
                return repository.putAlias(artifact, alias, target, expectedRevision.getAsLong());
            }
            return target.secondaryVersion().isPresent()
                    ? repository.putAlias(artifact, alias, target.version(), target.secondaryVersion().get(),
                            target.secondaryVersionWeight())
                    : repository.putAlias(artifact, alias, target.version());
        }

        @Override
        public Optional<Refusal> refusal(ArtifactModel model) {
            ArtifactState state = model.state();
            if (expectedRevision.isPresent() && expectedRevision.getAsLong() != state.casRevision(alias)) {
                return Optional.of(new Refusal(ConflictException.class, List.of(alias)));
            }
            boolean secondaryLive = target.secondaryVersion().flatMap(state::live).isPresent()
                    == target.secondaryVersion().isPresent();
            boolean targetsLive = state.live(target.version()).isPresent() && secondaryLive;
            return targetsLive ? Optional.empty()
                    : Optional.of(new Refusal(ArtifactNotFoundException.class, List.of(artifact)));
        }

        @Override
        public ArtifactModel apply(ArtifactModel model, Object result) {
            Alias written = (Alias) result;
            long revision = model.state().nextRevision(alias);
            assertThat(written.name()).isEqualTo(artifact);
            assertThat(written.alias()).isEqualTo(alias);
            assertThat(written.target()).as("target of alias %s of %s", alias, artifact).isEqualTo(target);
            assertThat(written.revision()).as("revision of alias %s of %s", alias, artifact).isEqualTo(revision);
            assertThat(written.versionUri()).isNotBlank();
            List<ArtifactState> stages = stages(model.state());
            return model.with(stages.get(stages.size() - 1));
        }

        @Override
        public List<ArtifactModel> outcomesOnFailure(ArtifactModel model) {
            return refusal(model).isPresent() ? List.of(model)
                    : stages(model.state()).stream().distinct().map(model::with).toList();
        }

        /**
         * The states between the port calls: unchanged, a lost history entry repaired, primary pinned, secondary
         * pinned, alias written, history.
         */
        private List<ArtifactState> stages(ArtifactState state) {
            long revision = state.nextRevision(alias);
            ArtifactState repaired = state.withRepairedHistory(alias);
            ArtifactState primaryPinned = repaired.withVersion(target.version(), v -> v.pinned(alias, revision));
            ArtifactState pinned = target.secondaryVersion()
                    .map(secondary -> primaryPinned.withVersion(secondary, v -> v.pinned(alias, revision)))
                    .orElse(primaryPinned);
            ArtifactState aliased = pinned.withAlias(alias, new AliasState(target, revision));
            ArtifactState recorded = aliased.withHistoryEntry(alias, new HistoryEntry(revision,
                    state.alias(alias).map(AliasState::target), Optional.of(target)));
            return List.of(state, repaired, primaryPinned, pinned, aliased, recorded);
        }
    }

    /**
     * {@code deleteAlias}.
     *
     * @param artifact the artifact
     * @param alias    the alias, existing or not
     */
    record DeleteAlias(String artifact, String alias) implements SoakWrite {

        @Override
        public String kind() {
            return "deleteAlias";
        }

        @Override
        public Object perform(Repository repository, Path scratch) {
            repository.deleteAlias(artifact, alias);
            return null;
        }

        @Override
        public Optional<Refusal> refusal(ArtifactModel model) {
            return Optional.empty();
        }

        @Override
        public ArtifactModel apply(ArtifactModel model, Object result) {
            List<ArtifactState> stages = stages(model.state());
            return model.with(stages.get(stages.size() - 1));
        }

        @Override
        public List<ArtifactModel> outcomesOnFailure(ArtifactModel model) {
            return stages(model.state()).stream().map(model::with).toList();
        }

        /**
         * Unchanged; then, for an existing alias, a lost history entry repaired; removed; its delete recorded in the
         * history.
         */
        private List<ArtifactState> stages(ArtifactState state) {
            Optional<AliasState> current = state.alias(alias);
            if (current.isEmpty()) {
                return List.of(state);
            }
            ArtifactState repaired = state.withRepairedHistory(alias);
            ArtifactState removed = repaired.withoutAlias(alias);
            return List.of(state, repaired, removed, removed.withHistoryEntry(alias, new HistoryEntry(
                    current.get().revision() + 1, Optional.of(current.get().target()), Optional.empty())));
        }
    }

    /**
     * {@code purgeArtifactVersions}; the dry run through the four-argument form, the real one through the
     * three-argument form. The cut-off is either zero (every version is old enough) or ten years (none is, as the
     * soak's clock never moves that far).
     *
     * @param artifact  the artifact
     * @param keepLastN how many of the newest live versions to keep
     * @param olderThan zero or ten years
     * @param dryRun    whether nothing is removed
     */
    record PurgeVersions(String artifact, int keepLastN, Duration olderThan, boolean dryRun) implements SoakWrite {

        /** A cut-off no version of the soak reaches. */
        static final Duration NEVER_OLD_ENOUGH = Duration.ofDays(3650);

        @Override
        public String kind() {
            return dryRun ? "purgeVersions(dryRun)" : "purgeVersions";
        }

        @Override
        public Object perform(Repository repository, Path scratch) {
            return dryRun ? repository.purgeArtifactVersions(artifact, keepLastN, olderThan, true)
                    : repository.purgeArtifactVersions(artifact, keepLastN, olderThan);
        }

        @Override
        public Optional<Refusal> refusal(ArtifactModel model) {
            return Optional.empty();
        }

        @Override
        public ArtifactModel apply(ArtifactModel model, Object result) {
            PurgeResult purge = (PurgeResult) result;
            Plan plan = plan(model.state());
            assertThat(purge.purged()).as("versions of %s purged, newest first", artifact)
                    .isEqualTo(plan.purged().stream().sorted(Version.NEWEST_FIRST).toList());
            assertThat(purge.keptByAlias()).as("versions of %s kept by an alias, newest first", artifact)
                    .isEqualTo(plan.kept().stream().sorted(Version.NEWEST_FIRST).toList());
            assertThat(purge.dryRun()).isEqualTo(dryRun);
            return dryRun ? model : model.with(model.state().withoutVersions(plan.purged()));
        }

        @Override
        public List<ArtifactModel> outcomesOnFailure(ArtifactModel model) {
            List<Version> purged = plan(model.state()).purged();
            if (dryRun) {
                return List.of(model);
            }
            return IntStream.rangeClosed(0, purged.size())
                    .mapToObj(count -> model.with(model.state().withoutVersions(purged.subList(0, count)))).toList();
        }

        /**
         * The purge's decisions: the published versions, ascending (the order a purge removes them in; its result
         * lists them newest first), that are neither among the newest live
         * {@code keepLastN} nor younger than the cut-off, split into those an alias blocks and the others.
         */
        private Plan plan(ArtifactState state) {
            List<Version> published = state.versions().keySet().stream().filter(version -> !version.isLatest())
                    .toList();
            List<Version> newest = state.liveVersions().stream().filter(version -> !version.isLatest())
                    .sorted(Comparator.reverseOrder()).limit(keepLastN).toList();
            List<Version> candidates = olderThan.isZero()
                    ? published.stream().filter(version -> !newest.contains(version)).toList() : List.of();
            return new Plan(candidates.stream().filter(version -> state.blockingAliases(version).isEmpty()).toList(),
                    candidates.stream().filter(version -> !state.blockingAliases(version).isEmpty()).toList());
        }

        private record Plan(List<Version> purged, List<Version> kept) {
        }
    }

    /**
     * {@code purgeArtifact}.
     *
     * @param artifact the artifact
     */
    record PurgeArtifact(String artifact) implements SoakWrite {

        @Override
        public String kind() {
            return "purgeArtifact";
        }

        @Override
        public Object perform(Repository repository, Path scratch) {
            repository.purgeArtifact(artifact);
            return null;
        }

        @Override
        public Optional<Refusal> refusal(ArtifactModel model) {
            return Optional.empty();
        }

        @Override
        public ArtifactModel apply(ArtifactModel model, Object result) {
            return ArtifactModel.EMPTY;
        }

        @Override
        public List<ArtifactModel> outcomesOnFailure(ArtifactModel model) {
            Numbering afterPurge = model.numbering().afterPartialArtifactPurge(model.state().highestRecordNumber());
            // records gone, bytes not yet: where names are listed from the blob store (a store shared with the Python
            // library), the name stays listed until the purge is run again
            return List.of(model, new ArtifactModel(ArtifactState.EMPTY, afterPurge),
                    new ArtifactModel(ArtifactState.EMPTY.withRegistered(true), afterPurge));
        }
    }
}
