package io.versioned.core;

import io.versioned.api.Artifact;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import io.versioned.api.Version;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.RetryPolicy;
import io.versioned.core.port.VersionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Soft delete and restore of a version, guarded against aliases by {@link AliasGuard}. */
final class VersionLifecycle {

    private final Stores stores;
    private final RecordViews views;
    private final AliasGuard guard;

    VersionLifecycle(Stores stores, RecordViews views, AliasGuard guard) {
        this.stores = stores;
        this.views = views;
        this.guard = guard;
    }

    void delete(String name, Version version) {
        for (int attempt = 0; ; attempt++) {
            Optional<VersionRecord> current = stores.metadata().getVersion(name, version);
            if (current.isEmpty() || current.get().deleted()) {
                return;
            }
            List<String> blocking = guard.blockingAliases(current.get());
            if (!blocking.isEmpty()) {
                throw new ConflictException("version " + version + " of " + name
                        + " cannot be deleted: aliases point at it: " + String.join(", ", blocking));
            }
            VersionRecord live = current.get();
            VersionRecord deleted = new VersionRecord(name, version, stores.now(), true, live.sha256(), live.size(),
                    live.contentType(), live.metadata(), live.blobKey(), Map.of(), live.revision() + 1);
            if (write(deleted, live.revision())) {
                return;
            }
            RetryPolicy.LOST_RACES.afterLostRace(attempt, "delete of version " + version + " of " + name,
                    ConflictException::new);
        }
    }

    Artifact restore(String name, Version version) {
        for (int attempt = 0; ; attempt++) {
            VersionRecord current = stores.metadata().getVersion(name, version)
                    .orElseThrow(() -> new ArtifactNotFoundException(
                            "version " + version + " of " + name + " does not exist"));
            if (!current.deleted()) {
                return views.artifact(current);
            }
            VersionRecord restored = current.withDeleted(false, stores.now());
            if (write(restored, current.revision())) {
                return views.artifact(restored);
            }
            RetryPolicy.LOST_RACES.afterLostRace(attempt, "restore of version " + version + " of " + name,
                    ConflictException::new);
        }
    }

    private boolean write(VersionRecord record, long expectedRevision) {
        try {
            stores.metadata().updateVersion(record, expectedRevision);
            return true;
        } catch (PreconditionFailedException e) {
            return false;
        }
    }
}
