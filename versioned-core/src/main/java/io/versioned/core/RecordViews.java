package io.versioned.core;

import io.versioned.api.Alias;
import io.versioned.api.Artifact;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobAttributes;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.TargetFacts;
import io.versioned.core.port.VersionRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Turns stored records into the public value types. */
final class RecordViews {

    private final Stores stores;

    RecordViews(Stores stores) {
        this.stores = stores;
    }

    /**
     * The public artifact of {@code record}. A record written by another tool (size unknown, see
     * {@link VersionRecord#size()}) takes its content type and metadata from its blob where the store keeps them
     * there (the Python library does): one more read of the blob store.
     */
    Artifact artifact(VersionRecord record) {
        Optional<BlobAttributes> stored = record.size() < 0 ? stores.blobs().attributes(record.blobKey())
                : Optional.empty();
        return new Artifact(record.name(), record.version(), record.updateAt(), record.sha256(), record.size(),
                stored.map(BlobAttributes::contentType).orElse(record.contentType()),
                stored.map(BlobAttributes::metadata).orElse(record.metadata()), stores.blobs().uri(record.blobKey()));
    }

    /** The public artifact of a published version from the facts an alias record carries about it. */
    Artifact artifact(String name, Version version, TargetFacts facts) {
        return new Artifact(name, version, facts.updateAt(), facts.sha256(), facts.size(), facts.contentType(),
                facts.metadata(), stores.blobs().uri(facts.blobKey()));
    }

    /**
     * The public alias; the URI of a LATEST target costs one read of the LATEST record, since every put of
     * LATEST stores its bytes under a new key.
     */
    Alias alias(AliasRecord record) {
        return alias(record, latestKey(record.name()));
    }

    /** The public aliases of one artifact, in the given order; LATEST's record is read at most once. */
    List<Alias> aliases(String name, List<AliasRecord> records) {
        Supplier<String> latestKey = latestKey(name);
        return records.stream().map(record -> alias(record, latestKey)).toList();
    }

    private Alias alias(AliasRecord record, Supplier<String> latestKey) {
        Optional<Version> secondary = record.target().secondaryVersion();
        return new Alias(record.name(), record.alias(), record.updateAt(), record.target().version(), secondary,
                record.target().secondaryVersionWeight(), uriOf(record.name(), record.target().version(), latestKey),
                secondary.map(version -> uriOf(record.name(), version, latestKey)), record.revision());
    }

    private String uriOf(String name, Version version, Supplier<String> latestKey) {
        return stores.blobs().uri(version.isLatest() ? latestKey.get() : BlobKeys.of(name, version));
    }

    /** The key of LATEST's bytes, read once on first use. */
    private Supplier<String> latestKey(String name) {
        AtomicReference<String> key = new AtomicReference<>();
        return () -> key.updateAndGet(known -> known != null ? known
                : stores.metadata().getVersion(name, Version.LATEST).map(VersionRecord::blobKey)
                        .orElse(BlobKeys.of(name, Version.LATEST)));
    }
}
