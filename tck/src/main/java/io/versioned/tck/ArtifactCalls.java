package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.PurgeResult;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.port.VersionRecord;
import io.versioned.tck.Inputs.ContentArg;
import io.versioned.tck.Inputs.FileArg;
import io.versioned.tck.Inputs.OptionsArg;
import io.versioned.tck.Inputs.TargetArg;
import io.versioned.tck.Inputs.VersionArg;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The artifact calls of the public API with generated arguments: puts in every form, reads, publish, delete,
 * restore and purges, each with the rules that decide which arguments are invalid and what must hold after it
 * succeeded.
 */
final class ArtifactCalls {

    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final Set<Class<? extends VersionedException>> NONE = Set.of();
    private static final Set<Class<? extends VersionedException>> NOT_FOUND = Set.of(ArtifactNotFoundException.class);

    private ArtifactCalls() {
    }

    // ---- puts

    /** {@code putArtifact(name, bytes)}; a null {@code content} passes null bytes. */
    static ApiCall putBytes(String name, ContentArg content) {
        return new ApiCall("putArtifact(bytes)", "putArtifact(" + Show.text(name) + ", " + content + ")",
                Arrays.asList(name), List.of(), new Blame().name(name).when(content == null, "content").arguments(), NONE,
                (repository, work) -> repository.putArtifact(name, content == null ? null : content.bytes()),
                putCheck(name, content, null));
    }

    /** {@code putArtifact(name, bytes, options)}, the options made inside the call. */
    static ApiCall putBytesWithOptions(String name, ContentArg content, OptionsArg options) {
        return new ApiCall("putArtifact(bytes, options)",
                "putArtifact(" + Show.text(name) + ", " + content + ", " + options + ")", Arrays.asList(name), List.of(),
                new Blame().name(name).when(content == null, "content").options(options).arguments(), NONE,
                (repository, work) -> repository.putArtifact(name, content == null ? null : content.bytes(),
                        options == null ? null : options.options()),
                putCheck(name, content, options));
    }

    /** {@code putArtifact(name, file, options)} with the content in a file, or a missing file, a folder, null. */
    static ApiCall putFile(String name, ContentArg content, FileArg file, OptionsArg options) {
        return new ApiCall("putArtifact(file, options)",
                "putArtifact(" + Show.text(name) + ", " + file + " file of " + content + ", " + options + ")",
                Arrays.asList(name), List.of(),
                new Blame().name(name).when(file != FileArg.EXISTING, "file").options(options).arguments(), NONE,
                (repository, work) -> repository.putArtifact(name, file.path(work, content.bytes()),
                        options == null ? null : options.options()),
                putCheck(name, content, options));
    }

    /** {@code putArtifact(name, stream, options)}; a null {@code content} passes a null stream. */
    static ApiCall putStream(String name, ContentArg content, OptionsArg options) {
        return new ApiCall("putArtifact(stream, options)",
                "putArtifact(" + Show.text(name) + ", stream of " + content + ", " + options + ")", Arrays.asList(name),
                List.of(), new Blame().name(name).when(content == null, "content").options(options).arguments(),
                NONE, (repository, work) -> {
                    InputStream stream = content == null ? null : new ByteArrayInputStream(content.bytes());
                    return repository.putArtifact(name, stream, options == null ? null : options.options());
                },
                putCheck(name, content, options));
    }

    /**
     * After a put: LATEST holds exactly the bytes; its content type and metadata are the supplied ones, or, for
     * unchanged bytes, the stored ones where none were supplied (an equivalent content type keeps the stored
     * spelling); unchanged bytes with unchanged attributes keep the stored record as it was.
     */
    private static ApiCall.Check putCheck(String name, ContentArg content, OptionsArg options) {
        return (repository, before, now, result) -> {
            byte[] bytes = content.bytes();
            Artifact put = (Artifact) result;
            Optional<VersionRecord> same = Expect.live(before, name, Version.LATEST)
                    .filter(record -> record.sha256().equals(Content.sha256(bytes)));
            Map<String, String> metadata = options == null ? Map.of() : options.metadata();
            Optional<String> contentType = options == null ? Optional.empty() : options.contentType();

            assertThat(put.name()).isEqualTo(name);
            assertThat(put.version()).isEqualTo(Version.LATEST);
            assertThat(put.sha256()).isEqualTo(Content.sha256(bytes));
            assertThat(put.size()).isEqualTo(bytes.length);
            assertThat(put.metadata()).as("metadata")
                    .isEqualTo(metadata.isEmpty() ? same.map(VersionRecord::metadata).orElse(Map.of()) : metadata);
            String expectedType = contentType
                    .map(type -> same.map(VersionRecord::contentType)
                            .filter(stored -> InputRules.sameMediaType(stored, type)).orElse(type))
                    .orElse(same.map(VersionRecord::contentType).orElse(DEFAULT_CONTENT_TYPE));
            assertThat(put.contentType()).as("contentType").isEqualTo(expectedType);
            same.filter(stored -> stored.contentType().equals(put.contentType())
                    && stored.metadata().equals(put.metadata()))
                    .ifPresent(unchanged -> Expect.shows(put, unchanged));
            assertThat(repository.getArtifactVersion(name)).isEqualTo(put);
            assertThat(repository.getContent(name, Version.LATEST)).isEqualTo(bytes);
        };
    }

    // ---- reads

    /** {@code getArtifactVersion(name)}: the live LATEST. */
    static ApiCall getLatest(String name) {
        return new ApiCall("getArtifactVersion(name)", "getArtifactVersion(" + Show.text(name) + ")", Arrays.asList(name),
                List.of(), new Blame().name(name).arguments(), NOT_FOUND,
                (repository, work) -> repository.getArtifactVersion(name),
                readCheck((repository, before, result) -> Expect.shows((Artifact) result,
                        Expect.wasLive(before, name, Version.LATEST))));
    }

    /** {@code getArtifactVersion(name, version)}: a live version. */
    static ApiCall get(String name, VersionArg version) {
        return new ApiCall("getArtifactVersion(name, version)",
                "getArtifactVersion(" + Show.text(name) + ", " + version + ")", Arrays.asList(name), List.of(),
                new Blame().name(name).version(version).arguments(), NOT_FOUND,
                (repository, work) -> repository.getArtifactVersion(name, version.version()),
                readCheck((repository, before, result) -> Expect.shows((Artifact) result,
                        Expect.wasLive(before, name, version.version()))));
    }

    /** {@code listArtifactVersions(name)}: the live versions, LATEST first, then newest first. */
    static ApiCall list(String name) {
        return new ApiCall("listArtifactVersions", "listArtifactVersions(" + Show.text(name) + ")", Arrays.asList(name),
                List.of(), new Blame().name(name).arguments(), NONE,
                (repository, work) -> repository.listArtifactVersions(name),
                readCheck((repository, before, result) -> {
                    List<?> artifacts = (List<?>) result;
                    List<VersionRecord> live = Expect.liveRecords(before, name);
                    assertThat(artifacts).hasSameSizeAs(live);
                    for (int i = 0; i < live.size(); i++) {
                        Expect.shows((Artifact) artifacts.get(i), live.get(i));
                    }
                }));
    }

    /** {@code listArtifactNames()}. */
    static ApiCall names() {
        return new ApiCall("listArtifactNames", "listArtifactNames()", List.of(), List.of(), Set.of(), NONE,
                (repository, work) -> repository.listArtifactNames(),
                readCheck((repository, before, result) -> assertThat(result).isEqualTo(before.artifactNames())));
    }

    /** {@code getLatestPublishedVersionNumber(name)}. */
    static ApiCall latestNumber(String name) {
        return new ApiCall("getLatestPublishedVersionNumber",
                "getLatestPublishedVersionNumber(" + Show.text(name) + ")", Arrays.asList(name), List.of(),
                new Blame().name(name).arguments(), NONE,
                (repository, work) -> repository.getLatestPublishedVersionNumber(name),
                readCheck((repository, before, result) ->
                        assertThat(result).isEqualTo(Expect.highestLiveNumber(before, name))));
    }

    /** {@code getContent(name, version)}. */
    static ApiCall getContent(String name, VersionArg version) {
        return new ApiCall("getContent", "getContent(" + Show.text(name) + ", " + version + ")", Arrays.asList(name),
                List.of(), new Blame().name(name).version(version).arguments(), NOT_FOUND,
                (repository, work) -> repository.getContent(name, version.version()),
                readCheck((repository, before, result) -> Expect.bytesOf((byte[]) result,
                        Expect.wasLive(before, name, version.version()))));
    }

    /** {@code openContent(name, version)}, read to its end and closed within the call. */
    static ApiCall openContent(String name, VersionArg version) {
        return new ApiCall("openContent", "openContent(" + Show.text(name) + ", " + version + ")", Arrays.asList(name),
                List.of(), new Blame().name(name).version(version).arguments(), NOT_FOUND,
                (repository, work) -> Content.readAndClose(repository.openContent(name, version.version())),
                readCheck((repository, before, result) -> Expect.bytesOf((byte[]) result,
                        Expect.wasLive(before, name, version.version()))));
    }

    /** {@code download(name, version, target)}; a failed download leaves the target as it was. */
    static ApiCall download(String name, VersionArg version, TargetArg target) {
        byte[] previous = Content.utf8("the previous content of the target");
        return new ApiCall("download", "download(" + Show.text(name) + ", " + version + ", " + target + ")",
                Arrays.asList(name), List.of(), new Blame().name(name).version(version)
                        .when(!target.valid(), "target").arguments(), NOT_FOUND,
                (repository, work) -> {
                    Path path = target.path(work, previous);
                    try {
                        Artifact artifact = repository.download(name, version.version(), path);
                        return new Downloaded(artifact, Files.readAllBytes(path));
                    } catch (RuntimeException e) {
                        if (target == TargetArg.EXISTING_FILE) {
                            assertThat(Files.readAllBytes(path)).as("target after a failed download")
                                    .isEqualTo(previous);
                        } else if (path != null && target != TargetArg.FOLDER) {
                            assertThat(path).as("target after a failed download").doesNotExist();
                        }
                        throw e;
                    }
                },
                readCheck((repository, before, result) -> {
                    Downloaded downloaded = (Downloaded) result;
                    VersionRecord record = Expect.wasLive(before, name, version.version());
                    Expect.shows(downloaded.artifact(), record);
                    Expect.bytesOf(downloaded.bytes(), record);
                }));
    }

    // ---- changes

    /**
     * {@code publishArtifactVersion(name)}: LATEST's bytes and attributes in the next number, or the highest live
     * version when that already has LATEST's bytes.
     */
    static ApiCall publish(String name) {
        return new ApiCall("publishArtifactVersion", "publishArtifactVersion(" + Show.text(name) + ")",
                Arrays.asList(name), List.of(), new Blame().name(name).arguments(), NOT_FOUND,
                (repository, work) -> repository.publishArtifactVersion(name),
                (repository, before, now, result) -> {
                    Artifact published = (Artifact) result;
                    VersionRecord latest = Expect.wasLive(before, name, Version.LATEST);
                    Optional<VersionRecord> highest = Expect.liveRecords(before, name).stream()
                            .filter(record -> !record.version().isLatest()).findFirst();
                    if (highest.isPresent() && highest.get().sha256().equals(latest.sha256())) {
                        Expect.shows(published, highest.get());
                        assertThat(now.get()).as("store after a publish of unchanged content").isEqualTo(before);
                    } else {
                        assertThat(published.version().number())
                                .isGreaterThan(Expect.recordedVersions(before, name).stream()
                                        .mapToInt(Version::number).max().orElse(0));
                        assertThat(published.sha256()).isEqualTo(latest.sha256());
                        assertThat(published.size()).isEqualTo(latest.size());
                        assertThat(published.contentType()).isEqualTo(latest.contentType());
                        assertThat(published.metadata()).isEqualTo(latest.metadata());
                    }
                    assertThat(repository.getArtifactVersion(name, published.version())).isEqualTo(published);
                    Expect.bytesOf(repository.getContent(name, published.version()), latest);
                });
    }

    /** {@code deleteArtifactVersion(name, version)}: hidden afterwards; a no-op for a missing or deleted version. */
    static ApiCall delete(String name, VersionArg version) {
        return new ApiCall("deleteArtifactVersion", "deleteArtifactVersion(" + Show.text(name) + ", " + version + ")",
                Arrays.asList(name), List.of(), new Blame().name(name).version(version).arguments(),
                Set.of(ConflictException.class),
                (repository, work) -> {
                    repository.deleteArtifactVersion(name, version.version());
                    return null;
                },
                (repository, before, now, result) -> {
                    assertThatThrownBy(() -> repository.getArtifactVersion(name, version.version()))
                            .isExactlyInstanceOf(ArtifactNotFoundException.class);
                    if (Expect.live(before, name, version.version()).isEmpty()) {
                        assertThat(now.get()).as("store after deleting what is not there").isEqualTo(before);
                    }
                });
    }

    /** {@code restoreArtifactVersion(name, version)}: live again, as recorded. */
    static ApiCall restore(String name, VersionArg version) {
        return new ApiCall("restoreArtifactVersion",
                "restoreArtifactVersion(" + Show.text(name) + ", " + version + ")", Arrays.asList(name), List.of(),
                new Blame().name(name).version(version).arguments(), NOT_FOUND,
                (repository, work) -> repository.restoreArtifactVersion(name, version.version()),
                (repository, before, now, result) -> {
                    Artifact restored = (Artifact) result;
                    VersionRecord record = Expect.recordOf(before, name, version.version());
                    assertThat(restored.version()).isEqualTo(version.version());
                    assertThat(restored.sha256()).isEqualTo(record.sha256());
                    assertThat(repository.getArtifactVersion(name, version.version())).isEqualTo(restored);
                    if (!record.deleted()) {
                        assertThat(now.get()).as("store after restoring a live version").isEqualTo(before);
                    }
                });
    }

    /**
     * {@code purgeArtifactVersions(name, keepLastN, purgeOlderThan[, dryRun])}: purged versions are gone, the newest
     * {@code keepLastN} live ones and LATEST stay; a dry run changes nothing.
     */
    static ApiCall purgeVersions(String name, int keepLastN, Duration olderThan, Optional<Boolean> dryRun) {
        return new ApiCall("purgeArtifactVersions" + dryRun.map(d -> "(dryRun)").orElse(""),
                "purgeArtifactVersions(" + Show.text(name) + ", " + keepLastN + ", " + olderThan
                        + dryRun.map(d -> ", " + d).orElse("") + ")", Arrays.asList(name), List.of(),
                new Blame().name(name).when(keepLastN < 0, "keepLastN")
                        .when(olderThan == null || olderThan.isNegative(), "purgeOlderThan").arguments(), NONE,
                (repository, work) -> dryRun.isPresent()
                        ? repository.purgeArtifactVersions(name, keepLastN, olderThan, dryRun.get())
                        : repository.purgeArtifactVersions(name, keepLastN, olderThan),
                (repository, before, now, result) -> {
                    PurgeResult purge = (PurgeResult) result;
                    StoreSnapshot after = now.get();
                    assertThat(purge.dryRun()).isEqualTo(dryRun.orElse(false));
                    if (purge.dryRun()) {
                        assertThat(after).as("store after a dry run").isEqualTo(before);
                        return;
                    }
                    Set<Version> recorded = Expect.recordedVersions(after, name);
                    assertThat(purge.purged()).as("purged versions still recorded").noneMatch(recorded::contains);
                    assertThat(purge.keptByAlias()).as("versions kept by an alias").allMatch(recorded::contains);
                    assertThat(Expect.record(after, name, Version.LATEST))
                            .isEqualTo(Expect.record(before, name, Version.LATEST));
                    Expect.liveRecords(before, name).stream().filter(record -> !record.version().isLatest())
                            .sorted((a, b) -> b.version().compareTo(a.version())).limit(keepLastN)
                            .forEach(kept -> assertThat(Expect.record(after, name, kept.version()))
                                    .as("one of the newest %d live versions", keepLastN).contains(kept));
                });
    }

    /** {@code purgeArtifact(name)}: nothing of the artifact remains. */
    static ApiCall purgeArtifact(String name) {
        return new ApiCall("purgeArtifact", "purgeArtifact(" + Show.text(name) + ")", Arrays.asList(name), List.of(),
                new Blame().name(name).arguments(), NONE,
                (repository, work) -> {
                    repository.purgeArtifact(name);
                    return null;
                },
                (repository, before, now, result) -> {
                    StoreSnapshot after = now.get();
                    assertThat(after.artifactNames()).doesNotContain(name);
                    assertThat(after.versions().getOrDefault(name, List.of())).isEmpty();
                    assertThat(after.aliases().getOrDefault(name, List.of())).isEmpty();
                    assertThat(after.blobKeys()).noneMatch(key -> key.startsWith(name + "/"));
                });
    }

    /**
     * A check for a call that only reads: {@code check}, and the store is unchanged.
     */
    static ApiCall.Check readCheck(ReadCheck check) {
        return (repository, before, now, result) -> {
            check.verify(repository, before, result);
            assertThat(now.get()).as("store after a read").isEqualTo(before);
        };
    }

    /** What must hold after a read returned {@code result}. */
    @FunctionalInterface
    interface ReadCheck {
        void verify(Repository repository, StoreSnapshot before, Object result) throws Exception;
    }

    /** What a download returned and what it wrote. */
    private record Downloaded(Artifact artifact, byte[] bytes) {
    }
}
