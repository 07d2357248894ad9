package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.TargetFacts;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of {@link MetadataPort}: every method and every precondition of its Javadoc, the exact
 * round trip of every record field, the scoping of records per artifact and per alias (including artifact names
 * that are prefixes of each other), the conditional writes under racing writers, the exception contract on a
 * failing store and the consistency between two clients of one store. An adapter's test class extends this class
 * and implements {@link #createMetadataPort()}, {@link #openAnotherClient()} and {@link #breakStore()} (or declares
 * with {@link #claimsStoreFailure()} that its store cannot fail). A hook that is needed and not overridden fails
 * the test with a message naming it; a capability not claimed skips its test with a message naming it.
 */
public abstract class MetadataPortContract {

    private static final int RACERS = 8;
    private static final Instant T1 = Instant.parse("2024-02-29T23:59:59.123456Z");
    private static final Instant T2 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("1999-12-31T23:59:59.000001Z");
    /** Artifact names that are prefixes of, or differ by one separator from, {@code "a"}. */
    private static final List<String> NEIGHBOURS_OF_A = List.of("ab", "a.b", "a-b", "a_b", "A");

    /** The most requests one port call is expected to send; more fail the interleaving tests. */
    private static final int MAX_REQUESTS_PER_CALL = 20;

    private final StoreGate storeGate = new StoreGate();
    private MetadataPort metadata;

    /**
     * A fresh, empty metadata store, isolated from every store returned before (a new table, schema or prefix).
     * Called once before each test; the suite then calls {@link MetadataPort#bootstrap()} on it.
     */
    protected abstract MetadataPort createMetadataPort();

    @BeforeEach
    final void setUpMetadataPort() {
        metadata = createMetadataPort();
        metadata.bootstrap();
    }

    /** The store under test, for subclasses that add adapter-specific tests. */
    protected final MetadataPort metadata() {
        return metadata;
    }

    /**
     * A second, independent port on the store the last {@link #createMetadataPort()} returned: a new port
     * instance (with its own client or pool where the adapter makes one), as another process would open it. The
     * suite does not call {@link MetadataPort#bootstrap()} on it. An adapter whose port is the store itself (in
     * memory) returns {@link #metadata()}. The default fails the test, naming this hook.
     */
    protected MetadataPort openAnotherClient() {
        throw new AssertionError("override openAnotherClient() in " + getClass().getName()
                + ": return a second, independent port on the store the last createMetadataPort() returned");
    }

    /**
     * Makes the store under the last {@link #createMetadataPort()} fail from now on, as a store that went away
     * would: every later data call (all methods but {@link MetadataPort#bootstrap()}, which may repair it) must
     * reach the broken store, e.g. drop its tables, delete its table or point its client at a closed port. The
     * default fails the test, naming this hook; an adapter whose store cannot fail overrides
     * {@link #claimsStoreFailure()} instead.
     */
    protected void breakStore() {
        throw new AssertionError("override breakStore() in " + getClass().getName()
                + ": make the store under the last createMetadataPort() fail (or claimsStoreFailure() false)");
    }

    /**
     * Whether the store can fail, so the suite checks that every failure surfaces as a {@link BackendException}
     * (with {@link #breakStore()}). True by default; only a store that cannot fail (memory) says false, and the
     * test is then reported as skipped with the capability named.
     */
    protected boolean claimsStoreFailure() {
        return true;
    }

    /**
     * The gate the port from {@link #createMetadataPort()} must pass before every request it sends to its store
     * (call {@link StoreGate#beforeRequest()} from an SDK interceptor, a wrapped data source or a decorator), so
     * the compare-and-set tests can put another client's write between any two requests of one call. Ports from
     * {@link #openAnotherClient()} must not pass it.
     */
    protected final StoreGate storeGate() {
        return storeGate;
    }

    /**
     * Whether the adapter wires {@link #storeGate()} into its port. True by default (a port that never passes
     * the gate then fails the compare-and-set interleaving tests, naming the hook); an adapter whose every
     * method is one critical section of the process (memory) says false, and those tests are reported as
     * skipped with the capability named.
     */
    protected boolean claimsStoreGate() {
        return true;
    }

    // ---- version records: round trip

    @Test
    void getVersionOfAnAbsentRecordIsEmpty() {
        metadata.createVersion(version("doc", Version.of(1), 1));

        assertThat(metadata.getVersion("doc", Version.of(2)))
                .as("metadata.getVersion(\"doc\", Version.of(2))").isEmpty();
        assertThat(metadata.getVersion("doc", Version.LATEST))
                .as("metadata.getVersion(\"doc\", Version.LATEST)").isEmpty();
        assertThat(metadata.getVersion("other", Version.of(1)))
                .as("metadata.getVersion(\"other\", Version.of(1))").isEmpty();
    }

    @Test
    void numberedVersionRecordRoundTripsEveryField() {
        VersionRecord record = fullRecord("customer_analytics.db-v2", Version.of(42), true);

        metadata.createVersion(record);

        assertThat(metadata.getVersion(record.name(), record.version()))
                .as("metadata.getVersion(record.name(), record.version())").contains(record);
        assertThat(metadata.listVersions(record.name()))
                .as("metadata.listVersions(record.name())").containsExactly(record);
    }

    @Test
    void latestVersionRecordRoundTripsEveryField() {
        VersionRecord record = fullRecord("model", Version.LATEST, false);

        metadata.createVersion(record);

        assertThat(metadata.getVersion("model", Version.LATEST))
                .as("metadata.getVersion(\"model\", Version.LATEST)").contains(record);
        assertThat(metadata.listVersions("model")).as("metadata.listVersions(\"model\")").containsExactly(record);
    }

    @Test
    void recordWrittenByAnotherToolRoundTrips() {
        VersionRecord record = new VersionRecord("legacy", Version.of(3), T2, false, sha256("legacy"), -1,
                "application/octet-stream", Map.of(), BlobKeys.of("legacy", Version.of(3)), Map.of(), 0);

        metadata.createVersion(record);

        assertThat(metadata.getVersion("legacy", Version.of(3)))
                .as("metadata.getVersion(\"legacy\", Version.of(3))").contains(record);
    }

    @Test
    void versionRecordsKeepMicrosecondsAndTheHighestVersionNumber() {
        VersionRecord highest = new VersionRecord("doc", Version.of(Version.MAX_NUMBER), T3, false, sha256("max"), 0,
                "application/x-sqlite3", Map.of("k", "v"), BlobKeys.of("doc", Version.of(Version.MAX_NUMBER)),
                Map.of(), Long.MAX_VALUE - 1);

        metadata.createVersion(highest);

        assertThat(metadata.getVersion("doc", Version.of(Version.MAX_NUMBER)))
                .as("metadata.getVersion(\"doc\", Version.of(Version.MAX_NUMBER))").contains(highest);
    }

    // ---- version records: conditional writes

    @Test
    void createVersionTwiceFailsAndKeepsTheFirstRecord() {
        VersionRecord first = version("doc", Version.of(1), 1);
        metadata.createVersion(first);

        assertThatThrownBy(() -> metadata.createVersion(fullRecord("doc", Version.of(1), false)),
                "%s must throw %s",
                "metadata.createVersion(fullRecord(\"doc\", Version.of(1), false))", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getVersion("doc", Version.of(1)))
                .as("metadata.getVersion(\"doc\", Version.of(1))").contains(first);
    }

    @Test
    void updateVersionAtTheExpectedRevisionReplacesTheRecord() {
        VersionRecord original = version("doc", Version.LATEST, 4);
        metadata.createVersion(original);
        VersionRecord updated = new VersionRecord("doc", Version.LATEST, T2, false, sha256("new bytes"), 7,
                "text/csv", Map.of("rows", "2"), BlobKeys.latestUpload("doc", "u2"), Map.of("production", 9L), 5);

        metadata.updateVersion(updated, 4);

        assertThat(metadata.getVersion("doc", Version.LATEST))
                .as("metadata.getVersion(\"doc\", Version.LATEST)").contains(updated);
        VersionRecord deleted = updated.withDeleted(true, T3);
        metadata.updateVersion(deleted, 5);
        assertThat(metadata.getVersion("doc", Version.LATEST))
                .as("metadata.getVersion(\"doc\", Version.LATEST)").contains(deleted);
    }

    @Test
    void updateVersionAtAnotherRevisionFailsAndKeepsTheRecord() {
        VersionRecord original = version("doc", Version.of(1), 4);
        metadata.createVersion(original);
        VersionRecord update = original.withDeleted(true, T2);

        assertThatThrownBy(() -> metadata.updateVersion(update, 3),
                "%s must throw %s", "metadata.updateVersion(update, 3)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> metadata.updateVersion(update, 5),
                "%s must throw %s", "metadata.updateVersion(update, 5)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getVersion("doc", Version.of(1)))
                .as("metadata.getVersion(\"doc\", Version.of(1))").contains(original);
    }

    @Test
    void updateVersionOfAnAbsentRecordFailsAndCreatesNothing() {
        metadata.createVersion(version("doc", Version.of(1), 1));
        VersionRecord absent = version("doc", Version.of(2), 1);

        assertThatThrownBy(() -> metadata.updateVersion(absent, 0),
                "%s must throw %s", "metadata.updateVersion(absent, 0)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> metadata.updateVersion(absent, 1),
                "%s must throw %s", "metadata.updateVersion(absent, 1)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getVersion("doc", Version.of(2)))
                .as("metadata.getVersion(\"doc\", Version.of(2))").isEmpty();
        assertThat(metadata.listVersions("doc"))
                .as("metadata.listVersions(\"doc\")").extracting(VersionRecord::version).containsExactly(Version.of(1));
    }

    @Test
    void deleteVersionAtTheExpectedRevisionRemovesOnlyThatRecord() {
        VersionRecord kept = version("doc", Version.of(1), 2);
        metadata.createVersion(kept);
        metadata.createVersion(version("doc", Version.of(2), 3));

        metadata.deleteVersion("doc", Version.of(2), 3);

        assertThat(metadata.getVersion("doc", Version.of(2)))
                .as("metadata.getVersion(\"doc\", Version.of(2))").isEmpty();
        assertThat(metadata.listVersions("doc")).as("metadata.listVersions(\"doc\")").containsExactly(kept);
    }

    @Test
    void deleteVersionAtAnotherRevisionFailsAndKeepsTheRecord() {
        VersionRecord record = version("doc", Version.of(1), 3);
        metadata.createVersion(record);

        assertThatThrownBy(() -> metadata.deleteVersion("doc", Version.of(1), 2),
                "%s must throw %s", "metadata.deleteVersion(\"doc\", Version.of(1), 2)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> metadata.deleteVersion("doc", Version.of(1), 4),
                "%s must throw %s", "metadata.deleteVersion(\"doc\", Version.of(1), 4)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getVersion("doc", Version.of(1)))
                .as("metadata.getVersion(\"doc\", Version.of(1))").contains(record);
    }

    @Test
    void deleteVersionOfAnAbsentRecordIsANoOp() {
        VersionRecord record = version("doc", Version.of(1), 1);
        metadata.createVersion(record);

        assertThatCode(() -> metadata.deleteVersion("doc", Version.of(2), 1))
                .as("calling metadata.deleteVersion(\"doc\", Version.of(2), 1)").doesNotThrowAnyException();
        assertThatCode(() -> metadata.deleteVersion("nothing", Version.LATEST, 0))
                .as("calling metadata.deleteVersion(\"nothing\", Version.LATEST, 0)").doesNotThrowAnyException();

        assertThat(metadata.listVersions("doc")).as("metadata.listVersions(\"doc\")").containsExactly(record);
        assertThat(metadata.listVersions("nothing")).as("metadata.listVersions(\"nothing\")").isEmpty();
    }

    @Test
    void versionCanBeCreatedAgainAfterItsRecordWasDeleted() {
        metadata.createVersion(version("doc", Version.LATEST, 1));
        metadata.deleteVersion("doc", Version.LATEST, 1);
        VersionRecord again = fullRecord("doc", Version.LATEST, false);

        metadata.createVersion(again);

        assertThat(metadata.getVersion("doc", Version.LATEST))
                .as("metadata.getVersion(\"doc\", Version.LATEST)").contains(again);
    }

    @Test
    void deleteVersionsRemovesEachRecordAtItsExpectedRevisionAndKeepsTheOthers() {
        VersionRecord latest = version("doc", Version.LATEST, 1);
        VersionRecord movedOn = version("doc", Version.of(2), 2);
        VersionRecord notNamed = version("doc", Version.of(4), 1);
        VersionRecord otherArtifact = version("other", Version.of(1), 1);
        for (VersionRecord record : List.of(latest, version("doc", Version.of(1), 1), movedOn,
                version("doc", Version.of(3), 3), notNamed, otherArtifact)) {
            metadata.createVersion(record);
        }
        Map<Version, Long> expected = new LinkedHashMap<>();
        expected.put(Version.of(3), 3L);
        expected.put(Version.of(2), 1L);
        expected.put(Version.of(1), 1L);
        expected.put(Version.of(9), 1L);

        assertThat(metadata.deleteVersions("doc", expected))
                .as("metadata.deleteVersions(\"doc\", {3: 3, 2: 1, 1: 1, 9: 1}): the versions absent afterwards, in the"
                        + " map's order (2 is at revision 2, so it stays; 9 has no record, so it counts as removed)")
                .containsExactly(Version.of(3), Version.of(1), Version.of(9));
        assertThat(metadata.listVersions("doc")).as("metadata.listVersions(\"doc\") after deleteVersions")
                .containsExactly(latest, movedOn, notNamed);
        assertThat(metadata.listVersions("other")).as("metadata.listVersions(\"other\"): another artifact's records")
                .containsExactly(otherArtifact);
        assertThat(metadata.deleteVersions("doc", Map.of()))
                .as("metadata.deleteVersions(\"doc\", {}): nothing to remove").isEmpty();
        assertThat(metadata.listVersions("doc")).as("metadata.listVersions(\"doc\") after an empty deleteVersions")
                .containsExactly(latest, movedOn, notNamed);
    }

    @Test
    void versionsRemovedTogetherCanBeCreatedAgain() {
        metadata.createVersion(version("doc", Version.of(1), 1));
        metadata.createVersion(version("doc", Version.of(2), 1));
        metadata.deleteVersions("doc", Map.of(Version.of(1), 1L, Version.of(2), 1L));
        VersionRecord again = fullRecord("doc", Version.of(2), false);

        metadata.createVersion(again);

        assertThat(metadata.listVersions("doc")).as("metadata.listVersions(\"doc\")").containsExactly(again);
    }

    @Test
    void deleteVersionKeepingNumberRemovesTheRecordForEveryReadAndLetsItBeCreatedAgain() {
        VersionRecord kept = version("doc", Version.of(1), 2);
        metadata.createVersion(kept);
        metadata.createVersion(version("doc", Version.of(2), 3));

        assertThatThrownBy(() -> metadata.deleteVersionKeepingNumber("doc", Version.of(2), 2),
                "%s must throw %s",
                "metadata.deleteVersionKeepingNumber(\"doc\", Version.of(2), 2)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        metadata.deleteVersionKeepingNumber("doc", Version.of(2), 3);

        assertThat(metadata.getVersion("doc", Version.of(2)))
                .as("metadata.getVersion(\"doc\", Version.of(2))").isEmpty();
        assertThat(metadata.listVersions("doc")).as("metadata.listVersions(\"doc\")").containsExactly(kept);
        assertThatThrownBy(() -> metadata.updateVersion(version("doc", Version.of(2), 4), 3),
                "%s must throw %s",
                "metadata.updateVersion(version(\"doc\", Version.of(2), 4), 3)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatCode(() -> metadata.deleteVersion("doc", Version.of(2), 3))
                .as("calling metadata.deleteVersion(\"doc\", Version.of(2), 3)").doesNotThrowAnyException();
        VersionRecord again = version("doc", Version.of(2), 1);
        metadata.createVersion(again);
        assertThat(metadata.listVersions("doc")).as("metadata.listVersions(\"doc\")").containsExactly(kept, again);
    }

    // ---- version records: listing

    @Test
    void listVersionsGivesLatestFirstThenNumbersAscendingIncludingDeletedOnes() {
        List<Version> created = List.of(Version.of(10), Version.LATEST, Version.of(2), Version.of(100_000),
                Version.of(1), Version.of(9));
        for (Version v : created) {
            VersionRecord record = version("a", v, 1);
            metadata.createVersion(v.number() % 2 == 1 ? record.withDeleted(true, T2) : record);
        }

        assertThat(metadata.listVersions("a"))
                .as("metadata.listVersions(\"a\")").extracting(VersionRecord::version).containsExactly(
                Version.LATEST, Version.of(1), Version.of(2), Version.of(9), Version.of(10), Version.of(100_000));
        assertThat(metadata.listVersions("a")).as("metadata.listVersions(\"a\")").filteredOn(VersionRecord::deleted)
                .extracting(VersionRecord::version).containsExactly(Version.of(1), Version.of(9));
    }

    @Test
    void newestVersionsGivesLatestThenTheNumbersDownToTheHighestLiveOne() {
        metadata.createVersion(version("a", Version.LATEST, 1).withDeleted(true, T2));
        for (int number = 1; number <= 30; number++) {
            VersionRecord record = version("a", Version.of(number), 1);
            metadata.createVersion(number == 3 || number >= 12 && number != 20 ? record.withDeleted(true, T2) : record);
        }
        for (String neighbour : NEIGHBOURS_OF_A) {
            metadata.createVersion(version(neighbour, Version.of(40), 1));
        }

        assertThat(metadata.newestVersions("a")).as("metadata.newestVersions(\"a\")")
                .extracting(VersionRecord::version).containsExactly(Version.LATEST, Version.of(30), Version.of(29),
                        Version.of(28), Version.of(27), Version.of(26), Version.of(25), Version.of(24),
                        Version.of(23), Version.of(22), Version.of(21), Version.of(20));
        assertThat(metadata.newestVersions("a")).as("the records as stored")
                .isEqualTo(metadata.listVersions("a").stream()
                        .filter(record -> record.version().isLatest() || record.version().number() >= 20)
                        .sorted(Comparator.comparing((VersionRecord record) -> !record.version().isLatest())
                                .thenComparing(VersionRecord::version, Comparator.reverseOrder()))
                        .toList());
    }

    @Test
    void newestVersionsWithoutALivePublishedVersionGivesEveryRecord() {
        metadata.createVersion(version("a", Version.of(1), 1).withDeleted(true, T2));
        metadata.createVersion(version("a", Version.of(2), 1).withDeleted(true, T2));

        assertThat(metadata.newestVersions("a")).as("metadata.newestVersions(\"a\")")
                .extracting(VersionRecord::version).containsExactly(Version.of(2), Version.of(1));
        assertThat(metadata.newestVersions("unknown")).as("metadata.newestVersions(\"unknown\")").isEmpty();
        metadata.createVersion(version("b", Version.LATEST, 1));
        assertThat(metadata.newestVersions("b")).as("metadata.newestVersions(\"b\")")
                .containsExactly(version("b", Version.LATEST, 1));
    }

    @Test
    void listVersionsIsScopedToTheArtifact() {
        metadata.createVersion(version("a", Version.LATEST, 1));
        metadata.createVersion(version("a", Version.of(1), 1));
        for (String neighbour : NEIGHBOURS_OF_A) {
            metadata.createVersion(version(neighbour, Version.of(1), 1));
            metadata.createVersion(version(neighbour, Version.of(2), 1));
        }
        metadata.createAlias(alias("a", "production", AliasTarget.of(Version.of(1)), 1));

        assertThat(metadata.listVersions("a")).as("metadata.listVersions(\"a\")").containsExactly(
                version("a", Version.LATEST, 1), version("a", Version.of(1), 1));
        for (String neighbour : NEIGHBOURS_OF_A) {
            assertThat(metadata.listVersions(neighbour)).as("versions of %s", neighbour).containsExactly(
                    version(neighbour, Version.of(1), 1), version(neighbour, Version.of(2), 1));
        }
        assertThat(metadata.listVersions("unknown")).as("metadata.listVersions(\"unknown\")").isEmpty();
    }

    // ---- version numbers

    @Test
    void allocateVersionNumberStartsAtOneOrAtAtLeast() {
        assertThat(metadata.allocateVersionNumber("a", 0)).as("metadata.allocateVersionNumber(\"a\", 0)").isEqualTo(1);
        assertThat(metadata.allocateVersionNumber("b", 1)).as("metadata.allocateVersionNumber(\"b\", 1)").isEqualTo(1);
        assertThat(metadata.allocateVersionNumber("c", 5)).as("metadata.allocateVersionNumber(\"c\", 5)").isEqualTo(5);
    }

    @Test
    void allocateVersionNumberIncreasesStrictly() {
        assertThat(allocate("doc", 5, 0)).as("allocate(\"doc\", 5, 0)").containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void allocateVersionNumberHonoursAtLeast() {
        assertThat(allocate("doc", 2, 0)).as("allocate(\"doc\", 2, 0)").containsExactly(1, 2);

        assertThat(metadata.allocateVersionNumber("doc", 7))
                .as("metadata.allocateVersionNumber(\"doc\", 7)").isEqualTo(7);
        assertThat(metadata.allocateVersionNumber("doc", 0))
                .as("metadata.allocateVersionNumber(\"doc\", 0)").isEqualTo(8);
        assertThat(metadata.allocateVersionNumber("doc", 3))
                .as("metadata.allocateVersionNumber(\"doc\", 3)").isEqualTo(9);
        assertThat(metadata.allocateVersionNumber("doc", 9))
                .as("metadata.allocateVersionNumber(\"doc\", 9)").isEqualTo(10);
    }

    @Test
    void allocateVersionNumberIsIndependentPerName() {
        assertThat(allocate("a", 2, 0)).as("allocate(\"a\", 2, 0)").containsExactly(1, 2);
        for (String neighbour : NEIGHBOURS_OF_A) {
            assertThat(metadata.allocateVersionNumber(neighbour, 0)).as("first number of %s", neighbour).isEqualTo(1);
        }
        assertThat(metadata.allocateVersionNumber("a", 0)).as("metadata.allocateVersionNumber(\"a\", 0)").isEqualTo(3);
    }

    @Test
    void allocateVersionNumberDoesNotRestartWhenVersionRecordsAreDeleted() {
        int first = metadata.allocateVersionNumber("doc", 0);
        metadata.createVersion(version("doc", Version.of(first), 1));
        metadata.deleteVersion("doc", Version.of(first), 1);

        assertThat(metadata.allocateVersionNumber("doc", 0))
                .as("metadata.allocateVersionNumber(\"doc\", 0)").isEqualTo(first + 1);
    }

    @Test
    void allocateVersionNumberRestartsAfterPurgeArtifact() {
        assertThat(allocate("doc", 3, 0)).as("allocate(\"doc\", 3, 0)").containsExactly(1, 2, 3);

        metadata.purgeArtifact("doc");

        assertThat(metadata.allocateVersionNumber("doc", 0))
                .as("metadata.allocateVersionNumber(\"doc\", 0)").isEqualTo(1);
    }

    @Test
    void racingAllocationsGetDistinctIncreasingNumbers() {
        int callsPerRacer = 25;

        List<Race.Outcome<List<Integer>>> outcomes = Race.run(RACERS, i -> () -> allocate("doc", callsPerRacer, 0));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        List<Integer> all = new ArrayList<>();
        for (Race.Outcome<List<Integer>> outcome : outcomes) {
            assertThat(outcome.value()).as("numbers of racer %s", outcome.index()).isSortedAccordingTo(
                    Comparator.naturalOrder()).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isPositive());
            all.addAll(outcome.value());
        }
        assertThat(all).hasSize(RACERS * callsPerRacer).doesNotHaveDuplicates();
        assertThat(metadata.allocateVersionNumber("doc", 0))
                .as("metadata.allocateVersionNumber(\"doc\", 0)").isGreaterThan(all.stream().max(Integer::compare)
                .orElseThrow());
    }

    // ---- alias records

    @Test
    void getAliasOfAnAbsentAliasIsEmpty() {
        metadata.createAlias(alias("doc", "production", AliasTarget.of(Version.of(1)), 1));

        assertThat(metadata.getAlias("doc", "staging")).as("metadata.getAlias(\"doc\", \"staging\")").isEmpty();
        assertThat(metadata.getAlias("other", "production"))
                .as("metadata.getAlias(\"other\", \"production\")").isEmpty();
    }

    @Test
    void aliasRecordsRoundTripEveryField() {
        List<AliasRecord> records = List.of(
                new AliasRecord("doc", "plain", T1, AliasTarget.of(Version.of(3)), 1),
                new AliasRecord("doc", "canary", T3, new AliasTarget(Version.of(3), Optional.of(Version.of(4)), 10), 7),
                new AliasRecord("doc", "edge", T2, AliasTarget.of(Version.LATEST), 0),
                new AliasRecord("doc", "preview", T1,
                        new AliasTarget(Version.of(Version.MAX_NUMBER), Optional.of(Version.LATEST), 99), 1L << 40),
                new AliasRecord("doc", "dark", T1, new AliasTarget(Version.LATEST, Optional.of(Version.of(2)), 0), 3));

        records.forEach(metadata::createAlias);

        for (AliasRecord record : records) {
            assertThat(metadata.getAlias("doc", record.alias()))
                    .as("metadata.getAlias(\"doc\", record.alias())").contains(record);
        }
        assertThat(metadata.listAliases("doc"))
                .as("metadata.listAliases(\"doc\")").containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void aliasRecordsRoundTripTheirTargetFactsAndAnUpdateReplacesThem() {
        TargetFacts three = new TargetFacts(T1, "a".repeat(64), 0, "text/plain; charset=utf-8",
                Map.of("k", "v", "empty", ""), "doc/000003");
        TargetFacts four = new TargetFacts(T3, "b".repeat(64), 1L << 40, "application/octet-stream", Map.of(),
                "doc/000004.other-key");
        AliasTarget canary = new AliasTarget(Version.of(3), Optional.of(Version.of(4)), 10);
        AliasRecord both = new AliasRecord("doc", "canary", T2, canary, 1,
                Map.of(Version.of(3), three, Version.of(4), four));
        AliasRecord secondaryOnly = new AliasRecord("doc", "dark", T2,
                new AliasTarget(Version.LATEST, Optional.of(Version.of(4)), 5), 1, Map.of(Version.of(4), four));

        metadata.createAlias(both);
        metadata.createAlias(secondaryOnly);

        assertThat(metadata.getAlias("doc", "canary")).as("metadata.getAlias(\"doc\", \"canary\")").contains(both);
        assertThat(metadata.listAliases("doc")).as("metadata.listAliases(\"doc\")")
                .containsExactly(both, secondaryOnly);

        AliasRecord withoutFacts = new AliasRecord("doc", "canary", T3, canary, 2);
        metadata.updateAlias(withoutFacts, 1);
        assertThat(metadata.getAlias("doc", "canary")).as("after an update without facts").contains(withoutFacts);

        AliasRecord primaryOnly = new AliasRecord("doc", "canary", T1, AliasTarget.of(Version.of(3)), 3,
                Map.of(Version.of(3), three));
        metadata.writeAlias(primaryOnly, OptionalLong.of(2), new AliasChange("doc", "canary", 3, T1,
                Optional.of(canary), Optional.of(primaryOnly.target())));
        assertThat(metadata.getAlias("doc", "canary")).as("after writeAlias with facts").contains(primaryOnly);
    }

    @Test
    void createAliasTwiceFailsAndKeepsTheFirstRecord() {
        AliasRecord first = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        metadata.createAlias(first);

        assertThatThrownBy(() -> metadata.createAlias(alias("doc", "production", AliasTarget.of(Version.of(2)), 1)),
                "%s must throw %s",
                "metadata.createAlias(alias(\"doc\", \"production\", AliasTarget.of(Version.of(2)), 1))", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getAlias("doc", "production"))
                .as("metadata.getAlias(\"doc\", \"production\")").contains(first);
    }

    @Test
    void updateAliasAtTheExpectedRevisionReplacesTheRecord() {
        metadata.createAlias(alias("doc", "production", AliasTarget.of(Version.of(1)), 1));
        AliasRecord canary = new AliasRecord("doc", "production", T2,
                new AliasTarget(Version.of(1), Optional.of(Version.of(2)), 25), 2);
        AliasRecord plain = new AliasRecord("doc", "production", T3, AliasTarget.of(Version.LATEST), 3);

        metadata.updateAlias(canary, 1);
        assertThat(metadata.getAlias("doc", "production"))
                .as("metadata.getAlias(\"doc\", \"production\")").contains(canary);
        metadata.updateAlias(plain, 2);
        assertThat(metadata.getAlias("doc", "production"))
                .as("metadata.getAlias(\"doc\", \"production\")").contains(plain);
    }

    @Test
    void updateAliasAtAnotherRevisionFailsAndKeepsTheRecord() {
        AliasRecord original = alias("doc", "production", AliasTarget.of(Version.of(1)), 5);
        metadata.createAlias(original);
        AliasRecord update = alias("doc", "production", AliasTarget.of(Version.of(2)), 6);

        assertThatThrownBy(() -> metadata.updateAlias(update, 4),
                "%s must throw %s", "metadata.updateAlias(update, 4)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> metadata.updateAlias(update, 6),
                "%s must throw %s", "metadata.updateAlias(update, 6)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getAlias("doc", "production"))
                .as("metadata.getAlias(\"doc\", \"production\")").contains(original);
    }

    @Test
    void updateAliasOfAnAbsentAliasFailsAndCreatesNothing() {
        AliasRecord absent = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);

        assertThatThrownBy(() -> metadata.updateAlias(absent, 0),
                "%s must throw %s", "metadata.updateAlias(absent, 0)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> metadata.updateAlias(absent, 1),
                "%s must throw %s", "metadata.updateAlias(absent, 1)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getAlias("doc", "production")).as("metadata.getAlias(\"doc\", \"production\")").isEmpty();
        assertThat(metadata.listAliases("doc")).as("metadata.listAliases(\"doc\")").isEmpty();
    }

    @Test
    void deleteAliasAtTheExpectedRevisionRemovesOnlyThatAlias() {
        AliasRecord kept = alias("doc", "staging", AliasTarget.of(Version.of(1)), 2);
        metadata.createAlias(kept);
        metadata.createAlias(alias("doc", "production", AliasTarget.of(Version.of(1)), 3));

        metadata.deleteAlias("doc", "production", 3);

        assertThat(metadata.getAlias("doc", "production")).as("metadata.getAlias(\"doc\", \"production\")").isEmpty();
        assertThat(metadata.listAliases("doc")).as("metadata.listAliases(\"doc\")").containsExactly(kept);
    }

    @Test
    void deleteAliasAtAnotherRevisionFailsAndKeepsTheAlias() {
        AliasRecord record = alias("doc", "production", AliasTarget.of(Version.of(1)), 3);
        metadata.createAlias(record);

        assertThatThrownBy(() -> metadata.deleteAlias("doc", "production", 2),
                "%s must throw %s", "metadata.deleteAlias(\"doc\", \"production\", 2)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> metadata.deleteAlias("doc", "production", 4),
                "%s must throw %s", "metadata.deleteAlias(\"doc\", \"production\", 4)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getAlias("doc", "production"))
                .as("metadata.getAlias(\"doc\", \"production\")").contains(record);
    }

    @Test
    void deleteAliasOfAnAbsentAliasIsANoOp() {
        AliasRecord record = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        metadata.createAlias(record);

        assertThatCode(() -> metadata.deleteAlias("doc", "staging", 1))
                .as("calling metadata.deleteAlias(\"doc\", \"staging\", 1)").doesNotThrowAnyException();
        assertThatCode(() -> metadata.deleteAlias("nothing", "production", 0))
                .as("calling metadata.deleteAlias(\"nothing\", \"production\", 0)").doesNotThrowAnyException();

        assertThat(metadata.listAliases("doc")).as("metadata.listAliases(\"doc\")").containsExactly(record);
        assertThat(metadata.listAliases("nothing")).as("metadata.listAliases(\"nothing\")").isEmpty();
    }

    @Test
    void aliasCanBeCreatedAgainAfterItWasDeleted() {
        metadata.createAlias(alias("doc", "production", AliasTarget.of(Version.of(1)), 1));
        metadata.deleteAlias("doc", "production", 1);
        AliasRecord again = alias("doc", "production", AliasTarget.of(Version.of(2)), 2);

        metadata.createAlias(again);

        assertThat(metadata.getAlias("doc", "production"))
                .as("metadata.getAlias(\"doc\", \"production\")").contains(again);
    }

    @Test
    void listAliasesIsSortedByAliasName() {
        List<String> names = List.of("production", "canary", "beta_2", "Beta", "beta", "b", "z9");
        for (String name : names) {
            metadata.createAlias(alias("doc", name, AliasTarget.of(Version.of(1)), 1));
        }

        assertThat(metadata.listAliases("doc")).as("metadata.listAliases(\"doc\")").extracting(AliasRecord::alias)
                .containsExactly("Beta", "b", "beta", "beta_2", "canary", "production", "z9");
    }

    @Test
    void listAliasesIsScopedToTheArtifact() {
        metadata.createAlias(alias("a", "production", AliasTarget.of(Version.of(1)), 1));
        metadata.createVersion(version("a", Version.of(1), 1));
        for (String neighbour : NEIGHBOURS_OF_A) {
            metadata.createAlias(alias(neighbour, "production", AliasTarget.of(Version.of(2)), 1));
            metadata.createAlias(alias(neighbour, "staging", AliasTarget.of(Version.of(3)), 1));
        }

        assertThat(metadata.listAliases("a")).as("metadata.listAliases(\"a\")").containsExactly(
                alias("a", "production", AliasTarget.of(Version.of(1)), 1));
        for (String neighbour : NEIGHBOURS_OF_A) {
            assertThat(metadata.listAliases(neighbour)).as("aliases of %s", neighbour).containsExactly(
                    alias(neighbour, "production", AliasTarget.of(Version.of(2)), 1),
                    alias(neighbour, "staging", AliasTarget.of(Version.of(3)), 1));
        }
        assertThat(metadata.listAliases("unknown")).as("metadata.listAliases(\"unknown\")").isEmpty();
    }

    // ---- alias history

    @Test
    void aliasHistoryOfAnAliasWithoutEntriesIsEmpty() {
        metadata.appendAliasHistory(created("doc", "production", 1, Version.of(1)));

        assertThat(metadata.aliasHistory("doc", "staging", 10))
                .as("metadata.aliasHistory(\"doc\", \"staging\", 10)").isEmpty();
        assertThat(metadata.aliasHistory("other", "production", 10))
                .as("metadata.aliasHistory(\"other\", \"production\", 10)").isEmpty();
    }

    @Test
    void aliasHistoryRoundTripsEveryFieldNewestFirst() {
        AliasTarget one = AliasTarget.of(Version.of(1));
        AliasTarget canary = new AliasTarget(Version.of(1), Optional.of(Version.of(2)), 10);
        AliasChange create = new AliasChange("doc", "production", 1, T1, Optional.empty(), Optional.of(one));
        AliasChange update = new AliasChange("doc", "production", 2, T2, Optional.of(one), Optional.of(canary));
        AliasChange delete = new AliasChange("doc", "production", 3, T3, Optional.of(canary), Optional.empty());
        AliasChange recreate = new AliasChange("doc", "production", 10, T1.plusNanos(1000), Optional.empty(),
                Optional.of(new AliasTarget(Version.LATEST, Optional.of(Version.of(3)), 99)));

        for (AliasChange change : List.of(delete, create, recreate, update)) {
            metadata.appendAliasHistory(change);
        }

        assertThat(metadata.aliasHistory("doc", "production", 10))
                .as("metadata.aliasHistory(\"doc\", \"production\", 10)")
                .containsExactly(recreate, delete, update, create);
    }

    @Test
    void aliasHistoryOrdersRevisionsNumerically() {
        for (long revision : List.of(9L, 100L, 1L, 20L, 1L << 33)) {
            metadata.appendAliasHistory(created("doc", "production", revision, Version.of(1)));
        }

        assertThat(metadata.aliasHistory("doc", "production", 10))
                .as("metadata.aliasHistory(\"doc\", \"production\", 10)").extracting(AliasChange::revision)
                .containsExactly(1L << 33, 100L, 20L, 9L, 1L);
    }

    @Test
    void aliasHistoryHonoursTheLimit() {
        for (long revision = 1; revision <= 5; revision++) {
            metadata.appendAliasHistory(created("doc", "production", revision, Version.of((int) revision)));
        }

        assertThat(metadata.aliasHistory("doc", "production", 1))
                .as("metadata.aliasHistory(\"doc\", \"production\", 1)").extracting(AliasChange::revision)
                .containsExactly(5L);
        assertThat(metadata.aliasHistory("doc", "production", 2))
                .as("metadata.aliasHistory(\"doc\", \"production\", 2)").extracting(AliasChange::revision)
                .containsExactly(5L, 4L);
        assertThat(metadata.aliasHistory("doc", "production", 5))
                .as("metadata.aliasHistory(\"doc\", \"production\", 5)").hasSize(5);
        assertThat(metadata.aliasHistory("doc", "production", 100))
                .as("metadata.aliasHistory(\"doc\", \"production\", 100)").extracting(AliasChange::revision)
                .containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void appendAliasHistoryTwiceWithOneRevisionFailsAndKeepsTheFirstEntry() {
        AliasChange first = created("doc", "production", 1, Version.of(1));
        metadata.appendAliasHistory(first);

        assertThatThrownBy(() -> metadata.appendAliasHistory(created("doc", "production", 1, Version.of(2))),
                "%s must throw %s",
                "metadata.appendAliasHistory(created(\"doc\", \"production\", 1, Version.of(2)))", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.aliasHistory("doc", "production", 10))
                .as("metadata.aliasHistory(\"doc\", \"production\", 10)").containsExactly(first);
    }

    // ---- an alias change with its history entry

    @Test
    void writeAliasStoresTheAliasAndItsHistoryEntry() {
        AliasTarget one = AliasTarget.of(Version.of(1));
        AliasTarget two = AliasTarget.of(Version.of(2));
        AliasChange create = new AliasChange("doc", "production", 1, T1, Optional.empty(), Optional.of(one));
        AliasChange change = new AliasChange("doc", "production", 2, T2, Optional.of(one), Optional.of(two));

        metadata.writeAlias(new AliasRecord("doc", "production", T1, one, 1), OptionalLong.empty(), create);
        metadata.writeAlias(new AliasRecord("doc", "production", T2, two, 2), OptionalLong.of(1), change);

        assertThat(metadata.getAlias("doc", "production")).as("metadata.getAlias(\"doc\", \"production\")")
                .contains(new AliasRecord("doc", "production", T2, two, 2));
        assertThat(metadata.aliasHistory("doc", "production", 10)).containsExactly(change, create);
    }

    @Test
    void writeAliasWhoseConditionFailsWritesNeitherTheAliasNorItsEntry() {
        AliasTarget one = AliasTarget.of(Version.of(1));
        AliasChange create = new AliasChange("doc", "production", 1, T1, Optional.empty(), Optional.of(one));
        metadata.writeAlias(new AliasRecord("doc", "production", T1, one, 1), OptionalLong.empty(), create);
        AliasTarget two = AliasTarget.of(Version.of(2));

        assertThatThrownBy(() -> metadata.writeAlias(new AliasRecord("doc", "production", T2, two, 1),
                OptionalLong.empty(), new AliasChange("doc", "production", 1, T2, Optional.empty(),
                        Optional.of(two))),
                "%s must throw %s",
                "metadata.writeAlias(new AliasRecord(\"doc\", \"production\", T2, two, 1), OptionalLong.empty(), " +
                "new AliasChange(\"doc\", \"production\", 1, T2, Optional.empty(), Optional.of(two)))", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> metadata.writeAlias(new AliasRecord("doc", "production", T2, two, 3),
                OptionalLong.of(2), new AliasChange("doc", "production", 3, T2, Optional.of(one),
                        Optional.of(two))),
                "%s must throw %s",
                "metadata.writeAlias(new AliasRecord(\"doc\", \"production\", T2, two, 3), OptionalLong.of(2), " +
                "new AliasChange(\"doc\", \"production\", 3, T2, Optional.of(one), Optional.of(two)))", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(metadata.getAlias("doc", "production")).as("metadata.getAlias(\"doc\", \"production\")")
                .contains(new AliasRecord("doc", "production", T1, one, 1));
        assertThat(metadata.aliasHistory("doc", "production", 10)).containsExactly(create);
    }

    @Test
    void writeAliasKeepsAnEntryThatARepairStoredFirst() {
        AliasTarget one = AliasTarget.of(Version.of(1));
        AliasChange repaired = new AliasChange("doc", "production", 1, T1, Optional.empty(), Optional.of(one));
        metadata.appendAliasHistory(repaired);

        metadata.writeAlias(new AliasRecord("doc", "production", T1, one, 1), OptionalLong.empty(),
                new AliasChange("doc", "production", 1, T2, Optional.empty(), Optional.of(one)));

        assertThat(metadata.getAlias("doc", "production")).as("metadata.getAlias(\"doc\", \"production\")").isPresent();
        assertThat(metadata.aliasHistory("doc", "production", 10)).containsExactly(repaired);
    }

    @Test
    void removeAliasRemovesTheAliasAndStoresItsEntryOnlyAtTheExpectedRevision() {
        AliasTarget one = AliasTarget.of(Version.of(1));
        AliasChange create = new AliasChange("doc", "production", 1, T1, Optional.empty(), Optional.of(one));
        metadata.writeAlias(new AliasRecord("doc", "production", T1, one, 1), OptionalLong.empty(), create);
        AliasChange delete = new AliasChange("doc", "production", 2, T2, Optional.of(one), Optional.empty());

        assertThatThrownBy(() -> metadata.removeAlias("doc", "production", 5, delete),
                "%s must throw %s",
                "metadata.removeAlias(\"doc\", \"production\", 5, delete)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(metadata.getAlias("doc", "production")).as("metadata.getAlias(\"doc\", \"production\")").isPresent();
        assertThat(metadata.aliasHistory("doc", "production", 10)).containsExactly(create);

        metadata.removeAlias("doc", "production", 1, delete);

        assertThat(metadata.getAlias("doc", "production")).as("metadata.getAlias(\"doc\", \"production\")").isEmpty();
        assertThat(metadata.aliasHistory("doc", "production", 10)).containsExactly(delete, create);
    }

    @Test
    void aliasHistoryIsScopedPerAliasAndPerArtifact() {
        List<String[]> owners = List.of(new String[] {"a", "prod"}, new String[] {"a", "prod_2"},
                new String[] {"a", "Prod"}, new String[] {"ab", "prod"}, new String[] {"a.b", "prod"},
                new String[] {"a_b", "c"}, new String[] {"a", "b_c"}, new String[] {"a-b", "c"});
        for (int i = 0; i < owners.size(); i++) {
            String[] owner = owners.get(i);
            metadata.appendAliasHistory(created(owner[0], owner[1], 1, Version.of(i + 1)));
        }

        for (int i = 0; i < owners.size(); i++) {
            String[] owner = owners.get(i);
            assertThat(metadata.aliasHistory(owner[0], owner[1], 10)).as("history of %s/%s", owner[0], owner[1])
                    .containsExactly(created(owner[0], owner[1], 1, Version.of(i + 1)));
        }
    }

    // ---- artifact names

    @Test
    void listArtifactNamesOfAnEmptyStoreIsEmpty() {
        assertThat(metadata.listArtifactNames()).as("metadata.listArtifactNames()").isEmpty();
    }

    @Test
    void registerArtifactNameIsIdempotent() {
        metadata.registerArtifactName("doc");
        metadata.registerArtifactName("doc");
        metadata.registerArtifactName("doc");

        assertThat(metadata.listArtifactNames()).as("metadata.listArtifactNames()").containsExactly("doc");
    }

    @Test
    void listArtifactNamesIsSorted() {
        List<String> names = List.of("b", "a_b", "a", "ab", "a.b", "a-b", "B", "0x", "customer_analytics_db");
        names.forEach(metadata::registerArtifactName);

        assertThat(metadata.listArtifactNames()).as("metadata.listArtifactNames()").containsExactly(
                "0x", "B", "a", "a-b", "a.b", "a_b", "ab", "b", "customer_analytics_db");
    }

    // ---- purge

    @Test
    void purgeArtifactRemovesEveryRecordOfThatArtifact() {
        populate("a");

        metadata.purgeArtifact("a");

        assertThat(metadata.listVersions("a")).as("metadata.listVersions(\"a\")").isEmpty();
        assertThat(metadata.getVersion("a", Version.LATEST)).as("metadata.getVersion(\"a\", Version.LATEST)").isEmpty();
        assertThat(metadata.getVersion("a", Version.of(1))).as("metadata.getVersion(\"a\", Version.of(1))").isEmpty();
        assertThat(metadata.listAliases("a")).as("metadata.listAliases(\"a\")").isEmpty();
        assertThat(metadata.getAlias("a", "production")).as("metadata.getAlias(\"a\", \"production\")").isEmpty();
        assertThat(metadata.aliasHistory("a", "production", 10))
                .as("metadata.aliasHistory(\"a\", \"production\", 10)").isEmpty();
        assertThat(metadata.aliasHistory("a", "canary", 10))
                .as("metadata.aliasHistory(\"a\", \"canary\", 10)").isEmpty();
        assertThat(metadata.listArtifactNames()).as("metadata.listArtifactNames()").doesNotContain("a");
        assertThat(metadata.allocateVersionNumber("a", 0)).as("metadata.allocateVersionNumber(\"a\", 0)").isEqualTo(1);
    }

    @Test
    void purgeArtifactLeavesOtherArtifactsUntouched() {
        populate("a");
        NEIGHBOURS_OF_A.forEach(this::populate);
        List<ArtifactState> before = NEIGHBOURS_OF_A.stream().map(this::state).toList();

        metadata.purgeArtifact("a");

        assertThat(NEIGHBOURS_OF_A.stream().map(this::state).toList()).isEqualTo(before);
        assertThat(metadata.listArtifactNames())
                .as("metadata.listArtifactNames()").containsExactlyInAnyOrderElementsOf(NEIGHBOURS_OF_A);
        for (String neighbour : NEIGHBOURS_OF_A) {
            assertThat(metadata.allocateVersionNumber(neighbour, 0)).as("next number of %s", neighbour).isEqualTo(3);
        }
    }

    @Test
    void purgeOfAnUnknownArtifactIsANoOp() {
        populate("a");
        ArtifactState before = state("a");

        assertThatCode(() -> metadata.purgeArtifact("unknown"))
                .as("calling metadata.purgeArtifact(\"unknown\")").doesNotThrowAnyException();

        assertThat(state("a")).as("state(\"a\")").isEqualTo(before);
        assertThat(metadata.listArtifactNames()).as("metadata.listArtifactNames()").containsExactly("a");
    }

    @Test
    void artifactCanBeRecreatedAfterPurge() {
        populate("a");
        metadata.purgeArtifact("a");

        populate("a");

        assertThat(metadata.listVersions("a")).as("metadata.listVersions(\"a\")").hasSize(3);
        assertThat(metadata.listAliases("a")).as("metadata.listAliases(\"a\")").hasSize(2);
        assertThat(metadata.aliasHistory("a", "canary", 10))
                .as("metadata.aliasHistory(\"a\", \"canary\", 10)").hasSize(2);
        assertThat(metadata.listArtifactNames()).as("metadata.listArtifactNames()").containsExactly("a");
    }

    // ---- bootstrap

    @Test
    void bootstrapIsIdempotentAndKeepsStoredRecords() {
        populate("a");
        ArtifactState before = state("a");

        metadata.bootstrap();
        metadata.bootstrap();

        assertThat(state("a")).as("state(\"a\")").isEqualTo(before);
        assertThat(metadata.listArtifactNames()).as("metadata.listArtifactNames()").containsExactly("a");
        assertThat(metadata.allocateVersionNumber("a", 0)).as("metadata.allocateVersionNumber(\"a\", 0)").isEqualTo(3);
    }

    // ---- concurrency

    @Test
    void racingCreateVersionsLetExactlyOneWriterWin() {
        List<VersionRecord> records = IntStream.range(0, RACERS)
                .mapToObj(i -> withWriter(version("doc", Version.of(1), 1), i)).toList();

        List<Race.Outcome<Void>> outcomes = Race.runAll(RACERS, i -> () -> metadata.createVersion(records.get(i)));

        int winner = Race.soleWinner(outcomes).index();
        assertThat(metadata.listVersions("doc"))
                .as("metadata.listVersions(\"doc\")").containsExactly(records.get(winner));
    }

    @Test
    void racingUpdateVersionsFromOneRevisionLetExactlyOneWriterWin() {
        metadata.createVersion(version("doc", Version.LATEST, 4));
        List<VersionRecord> records = IntStream.range(0, RACERS)
                .mapToObj(i -> withWriter(version("doc", Version.LATEST, 5), i)).toList();

        List<Race.Outcome<Void>> outcomes = Race.runAll(RACERS,
                i -> () -> metadata.updateVersion(records.get(i), 4));

        int winner = Race.soleWinner(outcomes).index();
        assertThat(metadata.getVersion("doc", Version.LATEST))
                .as("metadata.getVersion(\"doc\", Version.LATEST)").contains(records.get(winner));
    }

    @Test
    void racingCreateAliasesLetExactlyOneWriterWin() {
        List<AliasRecord> records = IntStream.range(0, RACERS)
                .mapToObj(i -> alias("doc", "production", AliasTarget.of(Version.of(i + 1)), 1)).toList();

        List<Race.Outcome<Void>> outcomes = Race.runAll(RACERS, i -> () -> metadata.createAlias(records.get(i)));

        int winner = Race.soleWinner(outcomes).index();
        assertThat(metadata.listAliases("doc"))
                .as("metadata.listAliases(\"doc\")").containsExactly(records.get(winner));
    }

    @Test
    void racingUpdateAliasesFromOneRevisionLetExactlyOneWriterWin() {
        metadata.createAlias(alias("doc", "production", AliasTarget.of(Version.LATEST), 6));
        List<AliasRecord> records = IntStream.range(0, RACERS)
                .mapToObj(i -> alias("doc", "production",
                        new AliasTarget(Version.of(i + 1), Optional.of(Version.LATEST), i + 1), 7)).toList();

        List<Race.Outcome<Void>> outcomes = Race.runAll(RACERS, i -> () -> metadata.updateAlias(records.get(i), 6));

        int winner = Race.soleWinner(outcomes).index();
        assertThat(metadata.getAlias("doc", "production"))
                .as("metadata.getAlias(\"doc\", \"production\")").contains(records.get(winner));
    }

    @Test
    void racingHistoryAppendsWithOneRevisionLetExactlyOneWriterWin() {
        List<AliasChange> changes = IntStream.range(0, RACERS)
                .mapToObj(i -> created("doc", "production", 1, Version.of(i + 1))).toList();

        List<Race.Outcome<Void>> outcomes = Race.runAll(RACERS,
                i -> () -> metadata.appendAliasHistory(changes.get(i)));

        int winner = Race.soleWinner(outcomes).index();
        assertThat(metadata.aliasHistory("doc", "production", 10))
                .as("metadata.aliasHistory(\"doc\", \"production\", 10)").containsExactly(changes.get(winner));
    }

    // ---- compare-and-set under an interleaved write of another client

    @Test
    void createVersionIsAtomicUnderAnInterleavedWrite() {
        VersionRecord mine = version("doc", Version.of(1), 1);
        VersionRecord theirs = withWriter(mine, 1);
        assertAtomicUnderInterleaving("createVersion", name -> { },
                (port, name) -> port.createVersion(renamed(mine, name)),
                (port, name) -> port.createVersion(renamed(theirs, name)),
                name -> metadata.getVersion(name, Version.of(1)),
                name -> Optional.of(renamed(mine, name)), name -> Optional.of(renamed(theirs, name)));
    }

    @Test
    void updateVersionIsAtomicUnderAnInterleavedWrite() {
        VersionRecord original = version("doc", Version.of(1), 1);
        VersionRecord mine = withWriter(version("doc", Version.of(1), 2), 1);
        VersionRecord theirs = withWriter(version("doc", Version.of(1), 2), 2);
        assertAtomicUnderInterleaving("updateVersion", name -> metadata.createVersion(renamed(original, name)),
                (port, name) -> port.updateVersion(renamed(mine, name), 1),
                (port, name) -> port.updateVersion(renamed(theirs, name), 1),
                name -> metadata.getVersion(name, Version.of(1)),
                name -> Optional.of(renamed(mine, name)), name -> Optional.of(renamed(theirs, name)));
    }

    @Test
    void deleteVersionIsAtomicUnderAnInterleavedWrite() {
        VersionRecord original = version("doc", Version.of(1), 1);
        VersionRecord theirs = withWriter(version("doc", Version.of(1), 2), 2);
        assertAtomicUnderInterleaving("deleteVersion", name -> metadata.createVersion(renamed(original, name)),
                (port, name) -> port.deleteVersion(name, Version.of(1), 1),
                (port, name) -> port.updateVersion(renamed(theirs, name), 1),
                name -> metadata.getVersion(name, Version.of(1)),
                name -> Optional.empty(), name -> Optional.of(renamed(theirs, name)));
    }

    @Test
    void deleteVersionsIsAtomicPerRecordUnderAnInterleavedWrite() {
        VersionRecord original = version("doc", Version.of(1), 1);
        VersionRecord other = version("doc", Version.of(2), 1);
        VersionRecord theirs = withWriter(version("doc", Version.of(1), 2), 2);
        assertAtomicUnderInterleaving("deleteVersions", name -> {
                    metadata.createVersion(renamed(original, name));
                    metadata.createVersion(renamed(other, name));
                },
                (port, name) -> {
                    if (!port.deleteVersions(name, Map.of(Version.of(1), 1L, Version.of(2), 1L))
                            .contains(Version.of(1))) {
                        throw new PreconditionFailedException("version 1 of " + name + " was not removed");
                    }
                },
                (port, name) -> port.updateVersion(renamed(theirs, name), 1),
                name -> List.of(metadata.getVersion(name, Version.of(1)), metadata.getVersion(name, Version.of(2))),
                name -> List.of(Optional.empty(), Optional.empty()),
                name -> List.of(Optional.of(renamed(theirs, name)), Optional.empty()));
    }

    @Test
    void createAliasIsAtomicUnderAnInterleavedWrite() {
        AliasRecord mine = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        AliasRecord theirs = alias("doc", "production", AliasTarget.of(Version.of(2)), 1);
        assertAtomicUnderInterleaving("createAlias", name -> { },
                (port, name) -> port.createAlias(renamed(mine, name)),
                (port, name) -> port.createAlias(renamed(theirs, name)),
                name -> metadata.getAlias(name, "production"),
                name -> Optional.of(renamed(mine, name)), name -> Optional.of(renamed(theirs, name)));
    }

    @Test
    void updateAliasIsAtomicUnderAnInterleavedWrite() {
        AliasRecord original = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        AliasRecord mine = alias("doc", "production", AliasTarget.of(Version.of(2)), 2);
        AliasRecord theirs = alias("doc", "production", AliasTarget.of(Version.of(3)), 2);
        assertAtomicUnderInterleaving("updateAlias", name -> metadata.createAlias(renamed(original, name)),
                (port, name) -> port.updateAlias(renamed(mine, name), 1),
                (port, name) -> port.updateAlias(renamed(theirs, name), 1),
                name -> metadata.getAlias(name, "production"),
                name -> Optional.of(renamed(mine, name)), name -> Optional.of(renamed(theirs, name)));
    }

    @Test
    void deleteAliasIsAtomicUnderAnInterleavedWrite() {
        AliasRecord original = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        AliasRecord theirs = alias("doc", "production", AliasTarget.of(Version.of(3)), 2);
        assertAtomicUnderInterleaving("deleteAlias", name -> metadata.createAlias(renamed(original, name)),
                (port, name) -> port.deleteAlias(name, "production", 1),
                (port, name) -> port.updateAlias(renamed(theirs, name), 1),
                name -> metadata.getAlias(name, "production"),
                name -> Optional.empty(), name -> Optional.of(renamed(theirs, name)));
    }

    @Test
    void appendAliasHistoryIsAtomicUnderAnInterleavedWrite() {
        AliasChange mine = created("doc", "production", 1, Version.of(1));
        AliasChange theirs = created("doc", "production", 1, Version.of(2));
        assertAtomicUnderInterleaving("appendAliasHistory", name -> { },
                (port, name) -> port.appendAliasHistory(renamed(mine, name)),
                (port, name) -> port.appendAliasHistory(renamed(theirs, name)),
                name -> metadata.aliasHistory(name, "production", 10),
                name -> List.of(renamed(mine, name)), name -> List.of(renamed(theirs, name)));
    }

    @Test
    void writeAliasIsAtomicUnderAnInterleavedWrite() {
        AliasRecord original = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        AliasChange originalChange = created("doc", "production", 1, Version.of(1));
        AliasRecord mine = alias("doc", "production", AliasTarget.of(Version.of(2)), 2);
        AliasRecord theirs = alias("doc", "production", AliasTarget.of(Version.of(3)), 2);
        AliasChange myChange = changed(original, mine);
        AliasChange theirChange = changed(original, theirs);
        assertAtomicUnderInterleaving("writeAlias", name -> {
                    metadata.createAlias(renamed(original, name));
                    metadata.appendAliasHistory(renamed(originalChange, name));
                },
                (port, name) -> port.writeAlias(renamed(mine, name), OptionalLong.of(1), renamed(myChange, name)),
                (port, name) -> port.writeAlias(renamed(theirs, name), OptionalLong.of(1),
                        renamed(theirChange, name)),
                name -> List.of(metadata.getAlias(name, "production"), metadata.aliasHistory(name, "production", 10)),
                name -> List.of(Optional.of(renamed(mine, name)),
                        List.of(renamed(myChange, name), renamed(originalChange, name))),
                name -> List.of(Optional.of(renamed(theirs, name)),
                        List.of(renamed(theirChange, name), renamed(originalChange, name))));
    }

    @Test
    void writeAliasCreatingIsAtomicUnderAnInterleavedWrite() {
        AliasRecord mine = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        AliasRecord theirs = alias("doc", "production", AliasTarget.of(Version.of(2)), 1);
        AliasChange myChange = created("doc", "production", 1, Version.of(1));
        AliasChange theirChange = created("doc", "production", 1, Version.of(2));
        assertAtomicUnderInterleaving("writeAlias", name -> { },
                (port, name) -> port.writeAlias(renamed(mine, name), OptionalLong.empty(), renamed(myChange, name)),
                (port, name) -> port.writeAlias(renamed(theirs, name), OptionalLong.empty(),
                        renamed(theirChange, name)),
                name -> List.of(metadata.getAlias(name, "production"), metadata.aliasHistory(name, "production", 10)),
                name -> List.of(Optional.of(renamed(mine, name)), List.of(renamed(myChange, name))),
                name -> List.of(Optional.of(renamed(theirs, name)), List.of(renamed(theirChange, name))));
    }

    @Test
    void removeAliasIsAtomicUnderAnInterleavedWrite() {
        AliasRecord original = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        AliasChange originalChange = created("doc", "production", 1, Version.of(1));
        AliasRecord theirs = alias("doc", "production", AliasTarget.of(Version.of(3)), 2);
        AliasChange myChange = new AliasChange("doc", "production", 2, T2, Optional.of(original.target()),
                Optional.empty());
        AliasChange theirChange = changed(original, theirs);
        assertAtomicUnderInterleaving("removeAlias", name -> {
                    metadata.createAlias(renamed(original, name));
                    metadata.appendAliasHistory(renamed(originalChange, name));
                },
                (port, name) -> port.removeAlias(name, "production", 1, renamed(myChange, name)),
                (port, name) -> port.writeAlias(renamed(theirs, name), OptionalLong.of(1),
                        renamed(theirChange, name)),
                name -> List.of(metadata.getAlias(name, "production"), metadata.aliasHistory(name, "production", 10)),
                name -> List.of(Optional.empty(), List.of(renamed(myChange, name), renamed(originalChange, name))),
                name -> List.of(Optional.of(renamed(theirs, name)),
                        List.of(renamed(theirChange, name), renamed(originalChange, name))));
    }

    /** The history entry of changing {@code from} into {@code to}. */
    private static AliasChange changed(AliasRecord from, AliasRecord to) {
        return new AliasChange(to.name(), to.alias(), to.revision(), T2.plusSeconds(to.revision()),
                Optional.of(from.target()), Optional.of(to.target()));
    }

    /**
     * For each request a port call sends (the gate counts them), on a fresh artifact: sets it up, lets another
     * client make a conflicting compare-and-set write just before that request, and checks that exactly one of
     * the two writes succeeded, the other failed with {@link PreconditionFailedException}, and the store holds
     * the winner's record.
     */
    private void assertAtomicUnderInterleaving(String call, Consumer<String> setUp,
                                               BiConsumer<MetadataPort, String> mine,
                                               BiConsumer<MetadataPort, String> theirs,
                                               Function<String, Object> read, Function<String, Object> ifMineWon,
                                               Function<String, Object> ifTheirsWon) {
        assumeTrue(claimsStoreGate(), "not claimed: STORE_GATE (" + getClass().getName()
                + ".claimsStoreGate() is false, so MetadataPort." + call + " is not checked under interleaved writes)");
        MetadataPort other = openAnotherClient();
        for (int skip = 0; skip < MAX_REQUESTS_PER_CALL; skip++) {
            String name = "gate-" + skip;
            setUp.accept(name);
            AtomicReference<Throwable> theirFailure = new AtomicReference<>();
            storeGate.arm(skip, () -> theirFailure.set(catchThrowable(() -> theirs.accept(other, name))));
            Throwable myFailure = catchThrowable(() -> mine.accept(metadata, name));
            if (!storeGate.finish()) {
                assertThat(skip).as("requests of MetadataPort.%s that passed storeGate(): none, so %s does not call "
                        + "storeGate().beforeRequest() before each store request of the port it creates", call,
                        getClass().getName()).isPositive();
                assertThat(myFailure).as("MetadataPort.%s with nothing interleaved", call).isNull();
                return;
            }
            String what = String.format("MetadataPort.%s with another client's conflicting write before its request"
                    + " %d (this call threw %s, the other write threw %s)", call, skip + 1, myFailure,
                    theirFailure.get());
            assertThat(myFailure == null ^ theirFailure.get() == null)
                    .as("%s: exactly one of the two compare-and-set writes succeeds", what).isTrue();
            Throwable loserFailure = myFailure == null ? theirFailure.get() : myFailure;
            assertThat(loserFailure).as("%s: the losing write's exception", what)
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(read.apply(name)).as("%s: the stored record is the winner's", what)
                    .isEqualTo(myFailure == null ? ifMineWon.apply(name) : ifTheirsWon.apply(name));
        }
        throw new AssertionError("MetadataPort." + call + " sent more than " + MAX_REQUESTS_PER_CALL
                + " requests through storeGate()");
    }

    private static VersionRecord renamed(VersionRecord record, String name) {
        String blobKey = record.version().isLatest() ? BlobKeys.latestUpload(name, "u" + record.revision())
                : BlobKeys.of(name, record.version());
        return new VersionRecord(name, record.version(), record.updateAt(), record.deleted(), record.sha256(),
                record.size(), record.contentType(), record.metadata(), blobKey, record.aliasPins(), record.revision());
    }

    private static AliasRecord renamed(AliasRecord record, String name) {
        return new AliasRecord(name, record.alias(), record.updateAt(), record.target(), record.revision());
    }

    private static AliasChange renamed(AliasChange change, String name) {
        return new AliasChange(name, change.alias(), change.revision(), change.time(), change.previous(),
                change.current());
    }

    // ---- a failing store

    @Test
    void everyDataMethodFailsWithABackendExceptionWhenTheStoreFails() {
        assumeTrue(claimsStoreFailure(), "not claimed: STORE_FAILURE (" + getClass().getName()
                + ".claimsStoreFailure() is false, so the exception contract on a failing store is not checked)");
        populate("doc");
        breakStore();
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("getVersion", () -> metadata.getVersion("doc", Version.of(1)));
        calls.put("listVersions", () -> metadata.listVersions("doc"));
        calls.put("newestVersions", () -> metadata.newestVersions("doc"));
        calls.put("createVersion", () -> metadata.createVersion(version("doc", Version.of(5), 1)));
        calls.put("updateVersion", () -> metadata.updateVersion(version("doc", Version.of(1), 2), 1));
        calls.put("deleteVersion", () -> metadata.deleteVersion("doc", Version.of(1), 1));
        calls.put("deleteVersionKeepingNumber", () -> metadata.deleteVersionKeepingNumber("doc", Version.of(1), 1));
        calls.put("deleteVersions", () -> metadata.deleteVersions("doc", Map.of(Version.of(1), 1L)));
        calls.put("allocateVersionNumber", () -> metadata.allocateVersionNumber("doc", 0));
        calls.put("getAlias", () -> metadata.getAlias("doc", "production"));
        calls.put("listAliases", () -> metadata.listAliases("doc"));
        calls.put("createAlias",
                () -> metadata.createAlias(alias("doc", "staging", AliasTarget.of(Version.of(1)), 1)));
        calls.put("updateAlias",
                () -> metadata.updateAlias(alias("doc", "production", AliasTarget.of(Version.LATEST), 2), 1));
        calls.put("deleteAlias", () -> metadata.deleteAlias("doc", "production", 1));
        calls.put("appendAliasHistory", () -> metadata.appendAliasHistory(created("doc", "production", 2,
                Version.of(1))));
        calls.put("writeAlias", () -> metadata.writeAlias(alias("doc", "production", AliasTarget.of(Version.LATEST),
                2), OptionalLong.of(1), created("doc", "production", 2, Version.LATEST)));
        calls.put("removeAlias", () -> metadata.removeAlias("doc", "production", 1,
                created("doc", "production", 2, Version.of(1))));
        calls.put("aliasHistory", () -> metadata.aliasHistory("doc", "production", 10));
        calls.put("registerArtifactName", () -> metadata.registerArtifactName("other"));
        calls.put("listArtifactNames", () -> metadata.listArtifactNames());
        calls.put("purgeArtifact", () -> metadata.purgeArtifact("doc"));

        SoftAssertions softly = new SoftAssertions();
        calls.forEach((method, call) -> softly.assertThat(catchThrowable(call))
                .as("MetadataPort.%s on a broken store must throw a BackendException (and nothing else)", method)
                .isInstanceOf(BackendException.class));
        softly.assertAll();
    }

    // ---- two clients of one store

    @Test
    void everyWriteOfOneClientIsReadByAnotherClientAtOnce() {
        MetadataPort other = openAnotherClient();
        List<MetadataPort> clients = List.of(metadata, other);
        for (MetadataPort client : clients) {
            readEverything(client, "doc");
        }
        VersionRecord v1 = version("doc", Version.of(1), 1);
        VersionRecord v1Updated = new VersionRecord("doc", Version.of(1), T2, true, v1.sha256(), v1.size(),
                "text/csv", Map.of("updated", "yes"), v1.blobKey(), Map.of("production", 1L), 2);
        AliasRecord production = alias("doc", "production", AliasTarget.of(Version.of(1)), 1);
        AliasRecord productionUpdated = alias("doc", "production", AliasTarget.of(Version.LATEST), 2);
        AliasChange change = created("doc", "production", 1, Version.of(1));

        metadata.createVersion(v1);
        expectRead(other, "createVersion by the first client", "doc", List.of(v1), List.of(), List.of(), List.of());
        other.updateVersion(v1Updated, 1);
        expectRead(metadata, "updateVersion by the second client", "doc", List.of(v1Updated), List.of(), List.of(),
                List.of());
        metadata.createAlias(production);
        metadata.appendAliasHistory(change);
        metadata.registerArtifactName("doc");
        expectRead(other, "createAlias, appendAliasHistory, registerArtifactName by the first client", "doc",
                List.of(v1Updated), List.of(production), List.of(change), List.of("doc"));
        other.updateAlias(productionUpdated, 1);
        expectRead(metadata, "updateAlias by the second client", "doc", List.of(v1Updated),
                List.of(productionUpdated), List.of(change), List.of("doc"));
        metadata.deleteAlias("doc", "production", 2);
        other.deleteVersion("doc", Version.of(1), 2);
        expectRead(other, "deleteAlias by the first client", "doc", List.of(), List.of(), List.of(change),
                List.of("doc"));
        expectRead(metadata, "deleteVersion by the second client", "doc", List.of(), List.of(), List.of(change),
                List.of("doc"));
        assertThat(metadata.allocateVersionNumber("doc", 0))
                .as("allocateVersionNumber by the first client").isEqualTo(1);
        assertThat(other.allocateVersionNumber("doc", 0))
                .as("allocateVersionNumber by the second client after the first allocated 1").isEqualTo(2);
        assertThat(metadata.allocateVersionNumber("doc", 0))
                .as("allocateVersionNumber by the first client after the second allocated 2").isEqualTo(3);
        other.purgeArtifact("doc");
        expectRead(metadata, "purgeArtifact by the second client", "doc", List.of(), List.of(), List.of(), List.of());
        assertThat(metadata.allocateVersionNumber("doc", 0))
                .as("allocateVersionNumber by the first client after the second purged the artifact").isEqualTo(1);
    }

    private static void readEverything(MetadataPort client, String name) {
        client.getVersion(name, Version.of(1));
        client.listVersions(name);
        client.getAlias(name, "production");
        client.listAliases(name);
        client.aliasHistory(name, "production", 10);
        client.listArtifactNames();
    }

    private static void expectRead(MetadataPort reader, String after, String name, List<VersionRecord> versions,
                                   List<AliasRecord> aliases, List<AliasChange> history, List<String> names) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(reader.getVersion(name, Version.of(1)))
                .as("getVersion(%s, 1) by the other client right after %s", name, after)
                .isEqualTo(versions.stream().filter(v -> v.version().equals(Version.of(1))).findFirst());
        softly.assertThat(reader.listVersions(name))
                .as("listVersions(%s) by the other client right after %s", name, after).isEqualTo(versions);
        softly.assertThat(reader.getAlias(name, "production"))
                .as("getAlias(%s, production) by the other client right after %s", name, after)
                .isEqualTo(aliases.stream().findFirst());
        softly.assertThat(reader.listAliases(name))
                .as("listAliases(%s) by the other client right after %s", name, after).isEqualTo(aliases);
        softly.assertThat(reader.aliasHistory(name, "production", 10))
                .as("aliasHistory(%s, production) by the other client right after %s", name, after)
                .isEqualTo(history);
        softly.assertThat(reader.listArtifactNames())
                .as("listArtifactNames() by the other client right after %s", after).isEqualTo(names);
        softly.assertAll();
    }

    // ---- helpers

    /** Everything the port stores about one artifact, except its counter (reading that would change it). */
    private record ArtifactState(List<VersionRecord> versions, List<AliasRecord> aliases,
                                 Map<String, List<AliasChange>> history) {
    }

    private ArtifactState state(String name) {
        List<AliasRecord> aliases = metadata.listAliases(name);
        Map<String, List<AliasChange>> history = new TreeMap<>();
        for (String alias : List.of("production", "canary")) {
            history.put(alias, metadata.aliasHistory(name, alias, 100));
        }
        return new ArtifactState(metadata.listVersions(name), aliases, history);
    }

    /** Two versions, LATEST, two aliases with history, two allocated numbers and the name in the index. */
    private void populate(String name) {
        metadata.registerArtifactName(name);
        metadata.createVersion(fullRecord(name, Version.LATEST, false));
        metadata.createVersion(version(name, Version.of(1), 1));
        metadata.createVersion(version(name, Version.of(2), 3).withDeleted(true, T2));
        allocate(name, 2, 0);
        AliasTarget canary = new AliasTarget(Version.of(1), Optional.of(Version.LATEST), 5);
        metadata.createAlias(alias(name, "production", AliasTarget.of(Version.of(1)), 1));
        metadata.createAlias(alias(name, "canary", canary, 2));
        metadata.appendAliasHistory(created(name, "production", 1, Version.of(1)));
        metadata.appendAliasHistory(created(name, "canary", 1, Version.of(1)));
        metadata.appendAliasHistory(new AliasChange(name, "canary", 2, T2, Optional.of(AliasTarget.of(Version.of(1))),
                Optional.of(canary)));
    }

    private List<Integer> allocate(String name, int count, int atLeast) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(metadata.allocateVersionNumber(name, atLeast));
        }
        return numbers;
    }

    private static VersionRecord version(String name, Version version, long revision) {
        String blobKey = version.isLatest() ? BlobKeys.latestUpload(name, "u" + revision) : BlobKeys.of(name, version);
        return new VersionRecord(name, version, T1, false, sha256(name + "/" + version), 42,
                "application/octet-stream", Map.of(), blobKey, Map.of(), revision);
    }

    private static VersionRecord fullRecord(String name, Version version, boolean deleted) {
        Map<String, String> userMetadata = Map.of(
                "owner", "Zoë Ångström",
                "description", "データ 📦 «quoted» \"double\" 'single' \\ / line\nbreak",
                "build.id", "2024-03_01",
                "empty", "");
        String blobKey = version.isLatest()
                ? BlobKeys.latestUpload(name, "0f3c9a7e-2b1d-4c5e-8f6a-1234567890ab")
                : BlobKeys.of(name, version);
        return new VersionRecord(name, version, T1, deleted, sha256(name + "/" + version + "/full"), 5_000_000_123L,
                "text/plain; charset=utf-8", userMetadata, blobKey, Map.of("production", 3L, "canary_2", 12L), 7);
    }

    private static VersionRecord withWriter(VersionRecord record, int writer) {
        return new VersionRecord(record.name(), record.version(), record.updateAt().plusSeconds(writer),
                record.deleted(), sha256("writer " + writer), writer, record.contentType(),
                Map.of("writer", Integer.toString(writer)), record.blobKey(), record.aliasPins(), record.revision());
    }

    private static AliasRecord alias(String name, String alias, AliasTarget target, long revision) {
        return new AliasRecord(name, alias, T1, target, revision);
    }

    private static AliasChange created(String name, String alias, long revision, Version version) {
        return new AliasChange(name, alias, revision, T1.plusSeconds(revision), Optional.empty(),
                Optional.of(AliasTarget.of(version)));
    }

    private static String sha256(String seed) {
        return Content.sha256(Content.utf8(seed));
    }

}
