package io.versioned.core.port;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores bytes under keys (see {@link BlobKeys}). Keys are written once: the core never overwrites a key,
 * so a blob's bytes never change after {@link #put} returned. Implementations are thread-safe.
 *
 * <p>Errors: a failed precondition throws {@link PreconditionFailedException} and changes nothing; a store
 * failure throws {@link io.versioned.api.BackendException}. Nothing else leaves an implementation.
 */
public interface BlobPort extends AutoCloseable {

    /** Creates the container (bucket, directory) if missing. Idempotent. */
    void bootstrap();

    /**
     * Stores the bytes of {@code content}, read once to its end and not closed, under {@code key} if the
     * key is absent. The bytes become visible whole or not at all: a failed or interrupted put never
     * leaves partial bytes under {@code key} (it may leave nothing, or, when the outcome is unknown, the
     * whole blob). Memory use does not grow with the content's size.
     *
     * @param key     the blob key, one of {@link BlobKeys}
     * @param content the bytes; the caller closes it
     * @param upload  the length and SHA-256 if known, the content type and tags to store with the bytes
     * @throws PreconditionFailedException if {@code key} already exists (the existing blob is unchanged);
     *                                     also if {@code upload.sha256()} is given and the bytes do not match
     */
    void put(String key, InputStream content, BlobUpload upload);

    /**
     * A stream of the whole blob, or empty if the key is absent. The caller closes it. Reading it may throw
     * {@link java.io.IOException}, or {@link io.versioned.api.BackendException} for a store failure.
     *
     * @param key the blob key
     * @return the bytes as stored (not verified against any SHA-256), or empty if the key is absent
     */
    Optional<InputStream> open(String key);

    /**
     * Copies {@code sourceKey} to {@code targetKey}, inside the store where it can (no bytes through the
     * client), only if the source's bytes have SHA-256 {@code sourceSha256}. The target is written whole
     * or not at all.
     *
     * @param sourceKey    the key to copy from
     * @param sourceSha256 the SHA-256 (64 lower-case hex) the source's bytes must have
     * @param targetKey    the key to copy to; must be absent
     * @throws PreconditionFailedException if the source is absent, its bytes have another SHA-256, or the
     *                                     target already exists; nothing was written
     */
    void copy(String sourceKey, String sourceSha256, String targetKey);

    /**
     * Deletes the blob; an absent key is a no-op.
     *
     * @param key the blob key
     */
    void delete(String key);

    /**
     * Every key that starts with {@code prefix} (the empty prefix lists the whole store), sorted in
     * {@link String#compareTo} order: the keys of {@link #listEntries(String)}.
     *
     * @param prefix the start of the keys to list, matched as text (not as a folder); empty for every key
     * @return the keys; empty if none match
     */
    default List<String> list(String prefix) {
        return listEntries(prefix).stream().map(BlobEntry::key).toList();
    }

    /**
     * Every blob whose key starts with {@code prefix} (the empty prefix lists the whole store), with its size and
     * last-modified time, sorted by key in {@link String#compareTo} order. Leftovers of interrupted puts are not
     * blobs and are not listed (see {@link #leftovers()}).
     *
     * @param prefix the start of the keys to list, matched as text (not as a folder); empty for every key
     * @return the entries; empty if none match
     */
    List<BlobEntry> listEntries(String prefix);

    /**
     * What interrupted puts left behind in the store that is not a blob: a temporary file of an upload whose
     * process died, say. Never listed by {@link #list(String)}, never read as a blob; each entry's key is the
     * store's own name for it (not a blob key), sorted. The default, for stores whose puts leave nothing behind,
     * is empty.
     *
     * @return the leftovers with their size and age; empty if none
     */
    default List<BlobEntry> leftovers() {
        return List.of();
    }

    /**
     * Removes a leftover named by {@link #leftovers()}; one already gone is a no-op. The caller makes sure the
     * put that left it is over (by its age).
     *
     * @param leftover the {@link BlobEntry#key()} of an entry of {@link #leftovers()}
     * @throws IllegalArgumentException if {@code leftover} is not the name of a leftover of this store
     */
    default void deleteLeftover(String leftover) {
        throw new IllegalArgumentException("leftover: this store has no leftovers, got '" + leftover + "'");
    }

    /**
     * Where the bytes of {@code key} live, as a URI: {@code s3://bucket/prefix/key}, {@code file:/...},
     * {@code mem://...}. Computed, not looked up: the key need not exist.
     *
     * @param key the blob key
     * @return the URI, as shown to users in {@link io.versioned.api.Artifact#uri()}
     */
    String uri(String key);

    /**
     * The optional features this store supports.
     *
     * @return the capabilities; empty when the store supports none
     */
    Set<BlobCapability> capabilities();

    /**
     * The tags stored with {@code key}.
     *
     * @param key the blob key
     * @return the tags; empty if the blob has none or is absent
     * @throws UnsupportedOperationException if {@link BlobCapability#TAGGING} is not declared
     */
    default Map<String, String> tags(String key) {
        throw new UnsupportedOperationException("this blob store does not support tagging");
    }

    /**
     * Replaces whatever is stored under {@code targetKey} with a copy of the blob at {@code sourceKey}, whose bytes
     * have {@code description.sha256()}; the copy carries {@code description}'s content type and tags. The only
     * write of the port that replaces a key: the core uses it for the copy of LATEST kept for the Python library.
     * Readers of {@code targetKey} see the old or the new bytes whole, never a mix.
     *
     * @param sourceKey   the key to copy from
     * @param targetKey   the key to replace (or create)
     * @param description the SHA-256 of the source's bytes, and the content type and tags of the copy
     * @throws PreconditionFailedException   if the source is absent
     * @throws UnsupportedOperationException if {@link BlobCapability#SHARED_WITH_PYTHON} is not declared
     */
    default void replaceWithCopy(String sourceKey, String targetKey, BlobUpload description) {
        throw new UnsupportedOperationException("this blob store is not shared with the Python library");
    }

    /**
     * The artifact names that have at least one blob: the first segment of every key that is an artifact name
     * ({@link BlobKeys#artifactOf}), sorted in {@link String#compareTo} order. The default lists every key; stores
     * that can list folders do better.
     *
     * @return the names; empty for an empty store
     */
    default List<String> artifactNames() {
        return list("").stream().map(BlobKeys::artifactOf).flatMap(Optional::stream).distinct().sorted().toList();
    }

    /**
     * The content type and user metadata the store keeps with the blob, for blobs written by other tools whose
     * records hold neither; empty when the key is absent or the store keeps none (the default).
     *
     * @param key the blob key
     * @return the content type and metadata stored with the blob, or empty
     */
    default Optional<BlobAttributes> attributes(String key) {
        return Optional.empty();
    }

    /**
     * Releases the clients or connections this port owns; a port built on a client its caller owns leaves it
     * open. Idempotent. The default does nothing.
     */
    @Override
    default void close() {
    }
}
