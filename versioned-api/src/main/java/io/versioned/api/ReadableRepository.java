package io.versioned.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The reading half of a {@link Repository}: what a consumer (a service loading the artifact behind an alias) needs,
 * and nothing that writes. A consumer that only reads depends on this type, so a cache
 * ({@code io.versioned.cache.CachingRepository}) or a read-only view can stand in for the repository.
 *
 * <p>The rules of {@link Repository} apply: arguments are validated before storage is touched (a bad one throws
 * {@link IllegalArgumentException} naming it), failures are unchecked {@link VersionedException}s, and
 * implementations are thread-safe.
 */
public interface ReadableRepository extends AutoCloseable {

    /**
     * The live LATEST of {@code name}.
     *
     * @param name the artifact name
     * @return the LATEST version, never null
     * @throws ArtifactNotFoundException if LATEST is missing or deleted
     */
    Artifact getArtifactVersion(String name);

    /**
     * The live {@code version} of {@code name}.
     *
     * @param name    the artifact name
     * @param version the version, {@link Version#LATEST} or a number
     * @return the version, never null
     * @throws ArtifactNotFoundException if the version is missing or deleted
     */
    Artifact getArtifactVersion(String name, Version version);

    /**
     * The live versions of {@code name} in {@link Version#NEWEST_FIRST} order: LATEST first (if live), then published
     * numbers newest (highest) first, e.g. LATEST, 3, 2, 1; empty if none.
     *
     * @param name the artifact name
     * @return the live versions; empty for an unknown artifact or one whose versions are all deleted
     */
    List<Artifact> listArtifactVersions(String name);

    /**
     * The names of the artifacts in this repository, sorted ({@link String#compareTo} order).
     *
     * @return the names; empty for an empty repository
     */
    List<String> listArtifactNames();

    /**
     * The highest live published version number of {@code name}, 0 when there is none.
     *
     * @param name the artifact name
     * @return the number, {@code >= 0}; 0 also for an unknown artifact
     */
    int getLatestPublishedVersionNumber(String name);

    /**
     * The bytes of a live version, verified against its SHA-256. Meant for content that fits in memory.
     *
     * @param name    the artifact name
     * @param version the version, {@link Version#LATEST} or a number
     * @return the whole content, verified
     * @throws ArtifactNotFoundException if the version is missing or deleted
     * @throws IntegrityException        if the stored bytes are missing or do not match the SHA-256
     */
    byte[] getContent(String name, Version version);

    /**
     * A stream of the bytes of a live version. The SHA-256 is verified at end of stream: a mismatch throws
     * {@link IntegrityException} from {@code read}. The caller closes the stream.
     *
     * @param name    the artifact name
     * @param version the version, {@link Version#LATEST} or a number
     * @return a stream of the content, open until the caller closes it
     * @throws ArtifactNotFoundException if the version is missing or deleted
     * @throws IntegrityException        if the stored bytes are missing
     */
    InputStream openContent(String name, Version version);

    /**
     * Streams the bytes of a live version into {@code target} (replaced atomically, only after the SHA-256
     * was verified) and returns the version downloaded.
     *
     * @param name    the artifact name
     * @param version the version, {@link Version#LATEST} or a number
     * @param target  the file to write; its directory must exist
     * @return the version whose bytes are now in {@code target}
     * @throws IllegalArgumentException  if the directory of {@code target} does not exist or {@code target} is one
     * @throws ArtifactNotFoundException if the version is missing or deleted
     * @throws IntegrityException        if the bytes are missing or do not match; {@code target} is untouched
     * @throws VersionedException        if writing {@code target} fails; {@code target} is untouched
     */
    Artifact download(String name, Version version, Path target);

    /**
     * The alias with its targets and revision.
     *
     * @param name  the artifact name
     * @param alias the alias name
     * @return the alias, never null
     * @throws AliasNotFoundException if the alias is missing
     */
    Alias getAlias(String name, String alias);

    /**
     * The aliases of {@code name}, sorted by alias name.
     *
     * @param name the artifact name
     * @return the aliases; empty if none
     */
    List<Alias> listAliases(String name);

    /**
     * The version the alias picks at random: the secondary with probability weight/100.
     *
     * @param name  the artifact name
     * @param alias the alias name
     * @return the picked version, live when it was picked
     * @throws AliasNotFoundException    if the alias is missing
     * @throws ArtifactNotFoundException if the picked version vanished (purged with its artifact) meanwhile
     */
    Artifact resolve(String name, String alias);

    /**
     * The version the alias picks for {@code routingKey} by {@link Routing#bucket}: always the same for the same
     * key and alias configuration.
     *
     * @param name       the artifact name
     * @param alias      the alias name
     * @param routingKey the key that decides the pick (a user or request id, for example); not null
     * @return the picked version, live when it was picked
     * @throws AliasNotFoundException    if the alias is missing
     * @throws ArtifactNotFoundException if the picked version vanished (purged with its artifact) meanwhile
     */
    Artifact resolve(String name, String alias, String routingKey);

    /**
     * The version the alias picks at random, as {@link #resolve(String, String)}, with its bytes verified against its
     * SHA-256. Meant for content that fits in memory. Where the alias record carries what it needs about its numbered
     * targets, a store reads the alias record and the bytes, not the version record: one metadata read in all. The
     * default calls {@link #resolve(String, String)}, then {@link #getContent(String, Version)}.
     *
     * @param name  the artifact name
     * @param alias the alias name
     * @return the picked version and its bytes
     * @throws AliasNotFoundException    if the alias is missing
     * @throws ArtifactNotFoundException if the picked version vanished (purged with its artifact) meanwhile
     * @throws IntegrityException        if its stored bytes are missing or do not match the SHA-256
     */
    default ResolvedContent resolveContent(String name, String alias) {
        Artifact picked = resolve(name, alias);
        return new ResolvedContent(picked, getContent(name, picked.version()));
    }

    /**
     * The version the alias picks for {@code routingKey}, as {@link #resolve(String, String, String)}, with its bytes
     * verified against its SHA-256, read as {@link #resolveContent(String, String)} reads them. The default calls
     * {@link #resolve(String, String, String)}, then {@link #getContent(String, Version)}.
     *
     * @param name       the artifact name
     * @param alias      the alias name
     * @param routingKey the key that decides the pick; not null
     * @return the picked version and its bytes
     * @throws AliasNotFoundException    if the alias is missing
     * @throws ArtifactNotFoundException if the picked version vanished (purged with its artifact) meanwhile
     * @throws IntegrityException        if its stored bytes are missing or do not match the SHA-256
     */
    default ResolvedContent resolveContent(String name, String alias, String routingKey) {
        Artifact picked = resolve(name, alias, routingKey);
        return new ResolvedContent(picked, getContent(name, picked.version()));
    }

    /**
     * Every put and delete of the alias, newest (highest revision) first.
     *
     * @param name  the artifact name
     * @param alias the alias name
     * @return the changes; empty for an alias never written (or purged with its artifact)
     */
    List<AliasChange> getAliasHistory(String name, String alias);

    /**
     * Releases what this reader holds. It must not be used afterwards. Idempotent.
     *
     * @throws BackendException if a store fails to release its resources
     */
    @Override
    void close();
}
