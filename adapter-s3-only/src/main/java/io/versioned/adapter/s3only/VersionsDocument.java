package io.versioned.adapter.s3only;

import io.versioned.api.Version;
import io.versioned.core.port.VersionRecord;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content of {@code _meta/{name}/versions.json}: every version record of one artifact, deleted ones
 * included, keyed by version (LATEST first, then numbers ascending). Immutable.
 *
 * @param name     the artifact name
 * @param versions the records by version; every record's name is {@code name}
 */
record VersionsDocument(String name, NavigableMap<Version, VersionRecord> versions) {

    VersionsDocument {
        versions = Collections.unmodifiableNavigableMap(new TreeMap<>(versions));
    }

    /** The document of an artifact that has no version record. */
    static VersionsDocument empty(String name) {
        return new VersionsDocument(name, new TreeMap<>());
    }

    Optional<VersionRecord> get(Version version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** Every record, LATEST first then numbers ascending. */
    List<VersionRecord> list() {
        return List.copyOf(versions.values());
    }

    /** This document with {@code record} stored under its version. */
    VersionsDocument with(VersionRecord record) {
        NavigableMap<Version, VersionRecord> next = new TreeMap<>(versions);
        next.put(record.version(), record);
        return new VersionsDocument(name, next);
    }

    /** This document without the record of {@code version}. */
    VersionsDocument without(Version version) {
        return without(Set.of(version));
    }

    /** This document without the records of {@code removed} (versions without a record are ignored). */
    VersionsDocument without(Set<Version> removed) {
        NavigableMap<Version, VersionRecord> next = new TreeMap<>(versions);
        next.keySet().removeAll(removed);
        return new VersionsDocument(name, next);
    }
}
