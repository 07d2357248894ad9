package io.versioned.core;

import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.Version;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.RetryPolicy;
import io.versioned.core.port.VersionRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the live LATEST into the next version number.
 *
 * <p>The number comes from the metadata store's counter, so racing publishers never share one. The bytes
 * are copied inside the blob store, on the condition that the source still has the SHA-256 the LATEST
 * record names, to the version's key (written only if absent); only then is the version record created.
 * If LATEST changed under the copy, the publish starts again. A failed publish may leave a gap in the
 * numbers and an orphan copy, never a record without its bytes.
 */
final class PublishOperation {

    private final Stores stores;
    private final RecordViews views;

    PublishOperation(Stores stores, RecordViews views) {
        this.stores = stores;
        this.views = views;
    }

    Artifact publish(String name) {
        for (int attempt = 0; ; attempt++) {
            List<VersionRecord> records = stores.metadata().newestVersions(name);
            VersionRecord latest = records.stream()
                    .filter(record -> record.version().isLatest() && !record.deleted()).findFirst()
                    .orElseThrow(() -> new ArtifactNotFoundException(
                            "artifact " + name + " has no live LATEST to publish; put content first"));
            List<VersionRecord> published = records.stream()
                    .filter(record -> !record.version().isLatest()).toList();
            Optional<VersionRecord> highestLive = published.stream().filter(record -> !record.deleted())
                    .max(Comparator.comparing(VersionRecord::version));
            if (highestLive.isPresent() && highestLive.get().sha256().equals(latest.sha256())) {
                return views.artifact(highestLive.get());
            }
            int highest = published.stream().mapToInt(record -> record.version().number()).max().orElse(0);
            int number = stores.metadata().allocateVersionNumber(name, highest + 1);
            if (number > Version.MAX_NUMBER) {
                throw new ConflictException("artifact " + name + " has used every version number up to "
                        + Version.MAX_NUMBER);
            }
            Optional<Artifact> created = copyAndRecord(latest, Version.of(number));
            if (created.isPresent()) {
                return created.get();
            }
            RetryPolicy.LOST_RACES.afterLostRace(attempt, "publish of " + name, ConflictException::new);
        }
    }

    private Optional<Artifact> copyAndRecord(VersionRecord latest, Version version) {
        String key = BlobKeys.of(latest.name(), version);
        VersionRecord record = new VersionRecord(latest.name(), version, stores.now(), false, latest.sha256(),
                latest.size(), latest.contentType(), latest.metadata(), key, Map.of(), 1);
        try {
            stores.blobs().copy(latest.blobKey(), latest.sha256(), key);
            stores.metadata().createVersion(record);
            return Optional.of(views.artifact(record));
        } catch (PreconditionFailedException e) {
            return Optional.empty();
        }
    }
}
