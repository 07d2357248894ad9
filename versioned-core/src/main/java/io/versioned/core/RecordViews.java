package io.versioned.core;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import java.util.Optional;

/** Turns stored records into the public value types. */
final class RecordViews {

    private final Stores stores;

    RecordViews(Stores stores) {
        this.stores = stores;
    }

    Artifact artifact(VersionRecord record) {
        return new Artifact(record.name(), record.version(), record.updateAt(), record.sha256(), record.size(),
                record.contentType(), record.metadata(), stores.blobs().uri(record.blobKey()));
    }

    /**
     * The public alias; the URI of a LATEST target costs one read of the LATEST record, since every put of
     * LATEST stores its bytes under a new key.
     */
    Alias alias(AliasRecord record) {
        Optional<Version> secondary = record.target().secondaryVersion();
        return new Alias(record.name(), record.alias(), record.updateAt(), record.target().version(), secondary,
                record.target().secondaryVersionWeight(), uriOf(record.name(), record.target().version()),
                secondary.map(version -> uriOf(record.name(), version)), record.revision());
    }

    private String uriOf(String name, Version version) {
        String key = version.isLatest()
                ? stores.metadata().getVersion(name, version).map(VersionRecord::blobKey)
                        .orElse(BlobKeys.of(name, version))
                : BlobKeys.of(name, version);
        return stores.blobs().uri(key);
    }
}
