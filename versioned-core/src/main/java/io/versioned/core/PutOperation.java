package io.versioned.core;

import io.versioned.api.Artifact;
import io.versioned.api.ConflictException;
import io.versioned.api.PutOptions;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.RetryPolicy;
import io.versioned.core.port.VersionRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts new content as LATEST.
 *
 * <p>The bytes go to a fresh key ({@link BlobKeys#newLatestUpload}), then the LATEST record is written with a
 * compare-and-set, then the previous LATEST bytes are deleted. A failure at any point leaves the record
 * pointing at whole bytes with its SHA-256; at worst an orphan upload remains for {@code gc}. The content is
 * uploaded at most once (a caller's stream cannot be read twice): when the put loses a race, it retries with the
 * bytes it already uploaded. On a store shared with the Python library, the committed bytes are then copied to the
 * key that library reads LATEST from. The upload runs outside the artifact's write turn ({@link ArtifactWriteTurns});
 * the record write and the steps after it run in it, so that puts of one artifact from one repository object lose at
 * most the race of their first record write to each other, and copy for the Python library in the order they
 * committed.
 */
final class PutOperation {

    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final Logger LOG = LoggerFactory.getLogger(PutOperation.class);

    private record Upload(String key, String sha256, long size) {
    }

    private final Stores stores;
    private final RecordViews views;
    private final ArtifactWriteTurns turns;

    PutOperation(Stores stores, RecordViews views, ArtifactWriteTurns turns) {
        this.stores = stores;
        this.views = views;
        this.turns = turns;
    }

    Artifact put(String name, Content content, PutOptions options) {
        Optional<VersionRecord> first = stores.metadata().getVersion(name, Version.LATEST);
        Content hashed = hashedIfWorthIt(content, live(first));
        Upload upload = uploadIfChanged(name, first, hashed, options);
        return turns.inTurn(name, () -> record(name, hashed, options, first, upload));
    }

    /**
     * Writes the LATEST record for the content, in the artifact's write turn: {@code first} is the LATEST read before
     * the upload, {@code upload} the bytes uploaded (null when they were found unchanged). A lost race reads LATEST
     * again; content found unchanged by that read but changed since is uploaded then. The first attempt was prepared
     * before the turn, so losing it usually means a writer of this process went first: it is tried again at once;
     * later attempts lose only to other processes and pause as {@link RetryPolicy#LOST_RACES} says.
     */
    private Artifact record(String name, Content content, PutOptions options, Optional<VersionRecord> first,
                            Upload upload) {
        Optional<VersionRecord> current = first;
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                current = stores.metadata().getVersion(name, Version.LATEST);
            }
            Optional<VersionRecord> live = live(current);
            if (upload == null) {
                upload = uploadIfChanged(name, current, content, options);
            }
            if (sameBytes(live, upload != null ? Optional.of(upload.sha256()) : content.knownSha256())) {
                Optional<Artifact> kept = keepWithAttributes(live.get(), options);
                if (kept.isPresent()) {
                    discard(upload);
                    return kept.get();
                }
            } else {
                VersionRecord record = new VersionRecord(name, Version.LATEST, stores.now(), false, upload.sha256(),
                        upload.size(), options.contentType().orElse(DEFAULT_CONTENT_TYPE), options.metadata(),
                        upload.key(), current.map(VersionRecord::aliasPins).orElse(Map.of()),
                        current.map(VersionRecord::revision).orElse(0L) + 1);
                if (commit(record, current)) {
                    current.map(VersionRecord::blobKey).filter(BlobKeys::isLatestUpload).ifPresent(this::discardKey);
                    copyForPython(record, options);
                    return views.artifact(record);
                }
            }
            if (attempt > 0) {
                RetryPolicy.LOST_RACES.afterLostRace(attempt - 1, "put of " + name, ConflictException::new);
            }
        }
    }

    /**
     * The content, with its SHA-256 read first if it is a file whose SHA-256 is worth a read of its own: when the
     * file has the size of the live LATEST (its bytes may be unchanged, and then nothing is uploaded), or when the
     * blob store keeps a SHA-256 given before the upload ({@link BlobCapability#KEEPS_GIVEN_SHA256}). Otherwise the
     * file is read once, hashed on its way to the store.
     */
    private Content hashedIfWorthIt(Content content, Optional<VersionRecord> live) {
        if (content instanceof Content.File file && file.sha256().isEmpty()
                && (stores.blobs().capabilities().contains(BlobCapability.KEEPS_GIVEN_SHA256)
                || live.filter(record -> record.size() == file.size()).isPresent())) {
            return file.hashed();
        }
        return content;
    }

    /**
     * Uploads the content unless its SHA-256 is known and equal to that of {@code current} (LATEST as read), and
     * registers the name first when there is no LATEST record; null when nothing was uploaded.
     */
    private Upload uploadIfChanged(String name, Optional<VersionRecord> current, Content content,
                                   PutOptions options) {
        if (sameBytes(live(current), content.knownSha256())) {
            return null;
        }
        if (current.isEmpty()) {
            stores.metadata().registerArtifactName(name);
        }
        return upload(name, content, options);
    }

    private static Optional<VersionRecord> live(Optional<VersionRecord> latest) {
        return latest.filter(record -> !record.deleted());
    }

    /** Whether there is a live LATEST and {@code sha256} is known and equal to its SHA-256. */
    private static boolean sameBytes(Optional<VersionRecord> live, Optional<String> sha256) {
        return live.isPresent() && sha256.filter(live.get().sha256()::equals).isPresent();
    }

    private boolean commit(VersionRecord record, Optional<VersionRecord> current) {
        try {
            if (current.isEmpty()) {
                stores.metadata().createVersion(record);
            } else {
                stores.metadata().updateVersion(record, current.get().revision());
            }
            return true;
        } catch (PreconditionFailedException e) {
            return false;
        }
    }

    /**
     * The stored LATEST, with the supplied content type or metadata if they differ; empty if a writer raced. Content
     * types are compared as media types ({@link MediaTypes}): an equivalent one keeps the stored spelling.
     */
    private Optional<Artifact> keepWithAttributes(VersionRecord live, PutOptions options) {
        String contentType = options.contentType().filter(type -> !MediaTypes.equivalent(type, live.contentType()))
                .orElse(live.contentType());
        Map<String, String> metadata = options.metadata().isEmpty() ? live.metadata() : options.metadata();
        if (contentType.equals(live.contentType()) && metadata.equals(live.metadata())) {
            return Optional.of(views.artifact(live));
        }
        VersionRecord updated = new VersionRecord(live.name(), live.version(), stores.now(), false, live.sha256(),
                live.size(), contentType, metadata, live.blobKey(), live.aliasPins(), live.revision() + 1);
        try {
            stores.metadata().updateVersion(updated, live.revision());
            return Optional.of(views.artifact(updated));
        } catch (PreconditionFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * On a store shared with the Python library ({@link BlobCapability#SHARED_WITH_PYTHON}), copies the bytes of the
     * committed LATEST to {@code {name}/LATEST}, where that library reads them and compares its puts with their
     * SHA-256. A failure is logged: LATEST is committed, and the copy stays stale until the next put of new content.
     */
    private void copyForPython(VersionRecord latest, PutOptions options) {
        if (!stores.blobs().capabilities().contains(BlobCapability.SHARED_WITH_PYTHON)) {
            return;
        }
        String target = BlobKeys.of(latest.name(), Version.LATEST);
        try {
            stores.blobs().replaceWithCopy(latest.blobKey(), target, new BlobUpload(latest.size(),
                    Optional.of(latest.sha256()), latest.contentType(), options.tags()));
        } catch (RuntimeException e) {
            LOG.warn("LATEST of {} is stored, but copying it to {} for the Python library failed; that library "
                    + "reads the previous bytes until the next put of new content: {}", latest.name(), target,
                    e.getMessage());
        }
    }

    private Upload upload(String name, Content content, PutOptions options) {
        String key = BlobKeys.newLatestUpload(name);
        BlobUpload description = new BlobUpload(content.length(), content.knownSha256(),
                options.contentType().orElse(DEFAULT_CONTENT_TYPE), options.tags());
        InputStream source = open(name, content);
        try (HashingInputStream hashing = new HashingInputStream(source, content.knownSha256().isEmpty())) {
            try {
                stores.blobs().put(key, hashing, description);
            } catch (RuntimeException e) {
                if (hashing.readFailure() != null) {
                    throw new VersionedException("reading the content of " + name + " failed: "
                            + hashing.readFailure().getMessage(), hashing.readFailure());
                }
                if (e instanceof PreconditionFailedException && content.knownSha256().isPresent()) {
                    throw new ConflictException("the content of " + name + " changed while it was read");
                }
                throw e;
            }
            return new Upload(key, content.knownSha256().orElseGet(hashing::sha256), hashing.count());
        } finally {
            if (!content.callerOwned()) {
                closeQuietly(source);
            }
        }
    }

    private static InputStream open(String name, Content content) {
        try {
            return content.open();
        } catch (IOException e) {
            throw new VersionedException("reading the content of " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream source) {
        try {
            source.close();
        } catch (IOException e) {
            LOG.debug("closing a content stream failed", e);
        }
    }

    private void discard(Upload upload) {
        if (upload != null) {
            discardKey(upload.key());
        }
    }

    private void discardKey(String key) {
        try {
            stores.blobs().delete(key);
        } catch (RuntimeException e) {
            LOG.warn("could not delete unreferenced blob {}; gc will remove it: {}", key, e.getMessage());
        }
    }
}
