package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.AliasChange;
import io.versioned.api.Artifact;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.VersionRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the property suites read from a {@link StoreSnapshot} and assert about results: the records an artifact had,
 * its live versions, its aliases, and whether an {@link Artifact} shows a record exactly.
 */
final class Expect {

    private Expect() {
    }

    /** The record of {@code version} of {@code name} in {@code snapshot}, deleted or not. */
    static Optional<VersionRecord> record(StoreSnapshot snapshot, String name, Version version) {
        return snapshot.versions().getOrDefault(name, List.of()).stream()
                .filter(record -> record.version().equals(version)).findFirst();
    }

    /** The live record of {@code version} of {@code name} in {@code snapshot}. */
    static Optional<VersionRecord> live(StoreSnapshot snapshot, String name, Version version) {
        return record(snapshot, name, version).filter(record -> !record.deleted());
    }

    /**
     * The live record of {@code version} of {@code name}, which a call that succeeded in reading it needs.
     *
     * @throws AssertionError if there was none
     */
    static VersionRecord wasLive(StoreSnapshot snapshot, String name, Version version) {
        return live(snapshot, name, version).orElseThrow(() -> new AssertionError(
                "the call succeeded, but version " + version + " of " + name + " was not live before it"));
    }

    /**
     * The record of {@code version} of {@code name}, deleted or not, which a call that succeeded on it needs.
     *
     * @throws AssertionError if there was none
     */
    static VersionRecord recordOf(StoreSnapshot snapshot, String name, Version version) {
        return record(snapshot, name, version).orElseThrow(() -> new AssertionError(
                "the call succeeded, but version " + version + " of " + name + " had no record before it"));
    }

    /** The live records of {@code name}: LATEST first, then published numbers newest first. */
    static List<VersionRecord> liveRecords(StoreSnapshot snapshot, String name) {
        return snapshot.versions().getOrDefault(name, List.of()).stream().filter(record -> !record.deleted())
                .sorted(Comparator.comparing(VersionRecord::version, Version.NEWEST_FIRST)).toList();
    }

    /** The highest live published number of {@code name}, 0 when none. */
    static int highestLiveNumber(StoreSnapshot snapshot, String name) {
        return liveRecords(snapshot, name).stream().mapToInt(record -> record.version().number()).max().orElse(0);
    }

    /** Every version number {@code name} has a record for, deleted ones included. */
    static Set<Version> recordedVersions(StoreSnapshot snapshot, String name) {
        Set<Version> versions = new TreeSet<>();
        snapshot.versions().getOrDefault(name, List.of()).forEach(record -> versions.add(record.version()));
        return versions;
    }

    /** The alias record of {@code alias} of {@code name} in {@code snapshot}. */
    static Optional<AliasRecord> alias(StoreSnapshot snapshot, String name, String alias) {
        return snapshot.aliases().getOrDefault(name, List.of()).stream()
                .filter(record -> record.alias().equals(alias)).findFirst();
    }

    /**
     * The record of {@code alias} of {@code name}, which a call that succeeded in reading it needs.
     *
     * @throws AssertionError if there was none
     */
    static AliasRecord aliasOf(StoreSnapshot snapshot, String name, String alias) {
        return alias(snapshot, name, alias).orElseThrow(() -> new AssertionError(
                "the call succeeded, but alias " + alias + " of " + name + " did not exist before it"));
    }

    /** The history of {@code alias} of {@code name} in {@code snapshot}, newest first. */
    static List<AliasChange> history(StoreSnapshot snapshot, String name, String alias) {
        return snapshot.histories().getOrDefault(name + "/" + alias, List.of());
    }

    /** The highest revision {@code alias} of {@code name} reached: its record's, or its last history entry's. */
    static long lastRevision(StoreSnapshot snapshot, String name, String alias) {
        long recorded = alias(snapshot, name, alias).map(AliasRecord::revision).orElse(0L);
        long historic = history(snapshot, name, alias).stream().mapToLong(AliasChange::revision).max().orElse(0L);
        return Math.max(recorded, historic);
    }

    /** Asserts that {@code artifact} shows {@code record}: identity, time, bytes, content type and metadata. */
    static void shows(Artifact artifact, VersionRecord record) {
        assertThat(artifact.name()).as("name").isEqualTo(record.name());
        assertThat(artifact.version()).as("version").isEqualTo(record.version());
        assertThat(artifact.updateAt()).as("updateAt").isEqualTo(record.updateAt());
        assertThat(artifact.sha256()).as("sha256").isEqualTo(record.sha256());
        assertThat(artifact.size()).as("size").isEqualTo(record.size());
        assertThat(artifact.contentType()).as("contentType").isEqualTo(record.contentType());
        assertThat(artifact.metadata()).as("metadata").isEqualTo(record.metadata());
    }

    /** Asserts that {@code bytes} are the bytes of {@code record}. */
    static void bytesOf(byte[] bytes, VersionRecord record) {
        assertThat(Content.sha256(bytes)).as("sha256 of the bytes read").isEqualTo(record.sha256());
        assertThat((long) bytes.length).as("number of bytes read").isEqualTo(record.size());
    }
}
