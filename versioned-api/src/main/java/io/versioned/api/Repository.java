package io.versioned.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A repository of versioned binary artifacts: each artifact has a mutable {@code LATEST}, immutable
 * numbered versions published from it, and named aliases that point at versions and may split
 * traffic between two of them.
 *
 * <p>Every method validates its arguments before touching storage: a bad argument throws
 * {@link IllegalArgumentException} naming the argument and the rule, and nothing is written.
 * Artifact names match {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}; alias names match
 * {@code [A-Za-z][A-Za-z0-9_]{0,63}} and are not {@code LATEST} in any case.
 *
 * <p>Failures are unchecked {@link VersionedException}s: {@link ArtifactNotFoundException},
 * {@link AliasNotFoundException}, {@link ConflictException} (nothing was changed),
 * {@link IntegrityException} (bytes do not match their SHA-256) and {@link BackendException} (the
 * store failed; the invariants still hold). No storage-technology exception escapes.
 *
 * <p>Implementations are thread-safe and safe with concurrent writers in other processes. The reading operations
 * are declared by {@link ReadableRepository}.
 */
public interface Repository extends ReadableRepository {

    /**
     * Creates the storage this repository needs (bucket, table, schema) if missing. Idempotent.
     *
     * @throws BackendException if the store fails or refuses (for example, missing permissions)
     */
    void bootstrap();

    /**
     * Like {@link #putArtifact(String, byte[], PutOptions)} with {@link PutOptions#none()}: unchanged bytes keep
     * the stored content type and metadata; new bytes get {@code application/octet-stream} and no metadata.
     *
     * @param name    the artifact name
     * @param content the bytes, not null; may be empty
     * @return the LATEST now stored
     * @throws ConflictException if concurrent writers kept winning; nothing was changed
     */
    Artifact putArtifact(String name, byte[] content);

    /**
     * Puts {@code content} as the new LATEST of {@code name}.
     *
     * <p>If LATEST is live and has the same SHA-256, nothing is uploaded: the stored LATEST is returned
     * unchanged (same {@code updateAt}) when the options supply no content type and no metadata, or the stored
     * ones (content types compare as media types: {@code text/plain;charset=UTF-8} equals
     * {@code text/plain; charset=utf-8}); otherwise only the supplied content type or metadata is updated. New
     * bytes get the supplied content type ({@code application/octet-stream} when none) and metadata, nothing
     * carried over. A deleted LATEST is revived.
     *
     * @param name    the artifact name
     * @param content the bytes, not null; may be empty
     * @param options the content type and metadata to store; {@link PutOptions#none()} for neither
     * @return the LATEST now stored
     * @throws ConflictException if concurrent writers kept winning; nothing was changed
     */
    Artifact putArtifact(String name, byte[] content, PutOptions options);

    /**
     * Like {@link #putArtifact(String, byte[], PutOptions)} with the bytes of {@code file}, hashed and then
     * streamed (unchanged bytes are not uploaded).
     *
     * @param name    the artifact name
     * @param file    the file whose bytes to put; read once to hash it and, unless unchanged, again to upload it
     * @param options the content type and metadata to store; {@link PutOptions#none()} for neither
     * @return the LATEST now stored
     * @throws IllegalArgumentException if {@code file} is not a readable regular file
     * @throws ConflictException        if the file changed while it was uploaded; nothing was changed
     * @throws VersionedException       if reading the file fails; nothing was changed
     */
    Artifact putArtifact(String name, Path file, PutOptions options);

    /**
     * Puts the bytes read from {@code content} (read once to its end, streamed, not closed) as the new
     * LATEST of {@code name}. Since the SHA-256 is only known at the end, unchanged content is uploaded
     * and then discarded.
     *
     * @param name    the artifact name
     * @param content the stream to read to its end; the caller closes it
     * @param options the content type and metadata to store; {@link PutOptions#none()} for neither
     * @return the LATEST now stored
     * @throws VersionedException if reading {@code content} fails; nothing was changed
     */
    Artifact putArtifact(String name, InputStream content, PutOptions options);

    /**
     * Copies the live LATEST into the next version number. If LATEST has the same SHA-256 as the highest
     * live published version, that version is returned and nothing is created. Numbers are never reused.
     *
     * @param name the artifact name
     * @return the version created, or the highest live version when it already has LATEST's bytes
     * @throws ArtifactNotFoundException if there is no live LATEST
     * @throws ConflictException         if the number would pass 999,999, or concurrent puts kept changing LATEST
     */
    Artifact publishArtifactVersion(String name);

    /**
     * Soft-deletes {@code version} (LATEST included): the bytes stay, the version is hidden and cannot be
     * aliased. A missing or already deleted version is a no-op that writes nothing.
     *
     * @param name    the artifact name
     * @param version the version to hide, {@link Version#LATEST} or a number
     * @throws ConflictException if an alias points at the version; the message names the aliases
     */
    void deleteArtifactVersion(String name, Version version);

    /**
     * Undoes a soft delete and returns the version; a live version is returned unchanged.
     *
     * @param name    the artifact name
     * @param version the version to make live again, {@link Version#LATEST} or a number
     * @return the version, now live
     * @throws ArtifactNotFoundException if the version does not exist (never created, or purged)
     */
    Artifact restoreArtifactVersion(String name, Version version);

    /**
     * Points {@code alias} at {@code version} alone; see {@link #putAlias(String, String, Version, Version, int)}.
     *
     * @param name    the artifact name
     * @param alias   the alias name, created if missing
     * @param version the version that gets all the traffic; must be live
     * @return the alias as stored, with its new revision
     * @throws ArtifactNotFoundException if the version is missing or deleted; the alias is unchanged
     */
    Alias putAlias(String name, String alias, Version version);

    /**
     * Points {@code alias} at {@code version}, sending {@code secondaryWeight} percent of the traffic to
     * {@code secondary} (a canary). {@code secondary} may be null when the weight is 0.
     *
     * <p>Checks, in this order: alias name, weight 0..99 and only with a secondary, secondary differs from
     * primary, primary exists and is live, secondary exists and is live. The change gets the next revision and
     * an entry in the alias history.
     *
     * @param name            the artifact name
     * @param alias           the alias name, created if missing
     * @param version         the primary version; must be live
     * @param secondary       the canary version, or null for none; must be live
     * @param secondaryWeight the percentage of traffic (0..99) sent to {@code secondary}
     * @return the alias as stored, with its new revision
     * @throws IllegalArgumentException  for a bad name, a weight outside 0..99, a weight without a secondary, or a
     *                                   secondary equal to the primary
     * @throws ArtifactNotFoundException if the primary or the secondary is missing or deleted; nothing was changed
     */
    Alias putAlias(String name, String alias, Version version, Version secondary, int secondaryWeight);

    /**
     * Like {@link #putAlias(String, String, Version, Version, int)}, applied only if the alias is still at
     * {@code expectedRevision} (0: the alias must not exist).
     *
     * @param name             the artifact name
     * @param alias            the alias name
     * @param target           the primary version, the optional secondary and its weight
     * @param expectedRevision the revision the alias must still have, as read by {@link #getAlias(String, String)};
     *                         0 when the alias must not exist yet
     * @return the alias as stored, with its new revision
     * @throws IllegalArgumentException  as {@link #putAlias(String, String, Version, Version, int)}, or if
     *                                   {@code expectedRevision} is negative
     * @throws ArtifactNotFoundException if a target version is missing or deleted; nothing was changed
     * @throws ConflictException         if the alias is at another revision; nothing was changed
     */
    Alias putAlias(String name, String alias, AliasTarget target, long expectedRevision);

    /**
     * Deletes the alias and records the delete in its history; a missing alias is a no-op that records nothing.
     *
     * @param name  the artifact name
     * @param alias the alias name
     */
    void deleteAlias(String name, String alias);

    /**
     * Hard-deletes (metadata and bytes) the numbered versions that are neither among the newest
     * {@code keepLastN} live versions nor updated less than {@code purgeOlderThan} ago, except versions an
     * alias points at (reported in {@link PurgeResult#keptByAlias()}). Soft-deleted versions older than the
     * cut-off are purged too. LATEST is never purged. A version changed (deleted, restored) while the purge runs is
     * kept.
     *
     * @param name           the artifact name
     * @param keepLastN      how many of the newest live versions to keep, {@code >= 0}
     * @param purgeOlderThan the age a version must reach to be purged, not negative; the cut-off is now minus it, or
     *                       {@link java.time.Instant#MIN} for an age reaching back before that
     * @return the versions purged and those kept because an alias points at them
     * @throws IllegalArgumentException if {@code keepLastN} is negative or {@code purgeOlderThan} null or negative
     */
    PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan);

    /**
     * Like {@link #purgeArtifactVersions(String, int, Duration)}; with {@code dryRun} nothing is removed.
     *
     * @param name           the artifact name
     * @param keepLastN      how many of the newest live versions to keep, {@code >= 0}
     * @param purgeOlderThan the age a version must reach to be purged, not negative
     * @param dryRun         true to only report what would be purged
     * @return the versions purged (or, with {@code dryRun}, that would be) and those kept because an alias points
     *         at them
     * @throws IllegalArgumentException if {@code keepLastN} is negative or {@code purgeOlderThan} null or negative
     */
    PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan, boolean dryRun);

    /**
     * Removes everything of one artifact: versions, bytes, aliases, history, its version counter and its name. The
     * name may be reused afterwards and starts again from version 1. A missing artifact is a no-op.
     *
     * @param name the artifact name
     */
    void purgeArtifact(String name);

    /**
     * Removes every artifact of this repository (as {@link #purgeArtifact(String)}) and every blob of its layout,
     * and nothing of another repository sharing the bucket, table or database.
     */
    void purgeAll();

    /**
     * Releases what the stores hold (HTTP clients, connection pools). The repository must not be used
     * afterwards. Idempotent.
     *
     * @throws BackendException if a store fails to release its resources
     */
    @Override
    void close();

}
