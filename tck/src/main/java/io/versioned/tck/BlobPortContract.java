package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The executable contract of {@link BlobPort}: every method and every precondition of its Javadoc, including
 * put-if-absent and copy-if-absent under racing writers, the exception contract on a failing store and the
 * consistency between two clients of one store. An adapter's test class extends this class and implements
 * {@link #createBlobPort()}, {@link #openAnotherClient()} and {@link #breakStore()} (or declares with
 * {@link #claimsStoreFailure()} that its store cannot fail). A hook that is needed and not overridden fails the test
 * with a message naming it. Tests of optional features run only where the store declares the
 * {@link BlobCapability}, and are reported as skipped, naming it, elsewhere.
 */
public abstract class BlobPortContract {

    private static final int LARGE_SIZE = 6 * 1024 * 1024 + 7;
    private static final int RACERS = 8;
    private static final String BINARY = "application/octet-stream";

    private BlobPort blobs;

    /**
     * A fresh, empty blob store, isolated from every store returned before (a new bucket, prefix or directory).
     * Called once before each test; the suite then calls {@link BlobPort#bootstrap()} on it.
     */
    protected abstract BlobPort createBlobPort();

    @BeforeEach
    final void setUpBlobPort() {
        blobs = createBlobPort();
        blobs.bootstrap();
    }

    /** The store under test, for subclasses that add adapter-specific tests. */
    protected final BlobPort blobs() {
        return blobs;
    }

    /**
     * A second, independent port on the store the last {@link #createBlobPort()} returned: a new port instance
     * (with its own client where the adapter makes one), as another process would open it. The suite does not call
     * {@link BlobPort#bootstrap()} on it. An adapter whose port is the store itself (in memory) returns
     * {@link #blobs()}. The default fails the test, naming this hook.
     *
     * @return the other port
     */
    protected BlobPort openAnotherClient() {
        throw new AssertionError("override openAnotherClient() in " + getClass().getName()
                + ": return a second, independent port on the store the last createBlobPort() returned");
    }

    /**
     * Makes the store under the last {@link #createBlobPort()} fail from now on, as a store that went away would:
     * every later call that reads or writes blobs must reach the broken store (point the client at a closed port,
     * replace the root directory by a file). The default fails the test, naming this hook; an adapter whose store
     * cannot fail overrides {@link #claimsStoreFailure()} instead.
     */
    protected void breakStore() {
        throw new AssertionError("override breakStore() in " + getClass().getName()
                + ": make the store under the last createBlobPort() fail (or claimsStoreFailure() false)");
    }

    /**
     * Whether the store can fail, so the suite checks that every failure surfaces as a {@link BackendException}
     * (with {@link #breakStore()}). True by default; only a store that cannot fail (memory) says false, and the
     * test is then reported as skipped with the capability named.
     *
     * @return whether the store can fail
     */
    protected boolean claimsStoreFailure() {
        return true;
    }

    static Stream<Arguments> contentSizes() {
        return Stream.of(0, 1, 1000, LARGE_SIZE)
                .flatMap(size -> Stream.of(Arguments.of(size, true), Arguments.of(size, false)));
    }

    // ---- put and open

    @ParameterizedTest(name = "{0} bytes, length known: {1}")
    @MethodSource("contentSizes")
    void putThenOpenReturnsTheSameBytes(int size, boolean lengthKnown) {
        byte[] bytes = Content.random(size, size);

        blobs.put("doc/000001", new ByteArrayInputStream(bytes), upload(lengthKnown ? size : -1));

        assertContent("doc/000001", bytes);
    }

    @Test
    void putWithTheMatchingSha256StoresTheBytes() {
        byte[] bytes = Content.utf8("verified content");

        blobs.put("doc/000001", new ByteArrayInputStream(bytes),
                new BlobUpload(bytes.length, Optional.of(Content.sha256(bytes)), "text/plain; charset=utf-8", Map.of()));

        assertContent("doc/000001", bytes);
    }

    @Test
    void putReadsTheContentToItsEndAndDoesNotCloseIt() {
        Content.TrackedStream content = new Content.TrackedStream(Content.random(100_000, 3));

        blobs.put("doc/000001", content, upload(-1));

        assertThat(content.fullyRead()).as("content read to its end").isTrue();
        assertThat(content.closed()).as("content closed by the store").isFalse();
    }

    @Test
    void openOfAMissingKeyIsEmpty() {
        put("doc/000001", Content.utf8("present"));

        assertThat(isPresent("doc/000002")).as("isPresent(\"doc/000002\")").isFalse();
        assertThat(isPresent("other/000001")).as("isPresent(\"other/000001\")").isFalse();
    }

    @Test
    void openGivesAnIndependentStreamOfTheWholeBlobEachTime() throws Exception {
        byte[] bytes = Content.random(10_000, 4);
        put("doc/000001", bytes);

        try (InputStream first = blobs.open("doc/000001").orElseThrow()) {
            assertThat(first.readNBytes(10)).as("first.readNBytes(10)").isEqualTo(Arrays.copyOf(bytes, 10));
            assertContent("doc/000001", bytes);
        }
    }

    @Test
    void putOnAnExistingKeyFailsAndKeepsTheOldBytes() {
        byte[] original = Content.utf8("original");
        put("doc/000001", original);

        assertThatThrownBy(() -> put("doc/000001", Content.utf8("replacement")),
                "%s must throw %s", "put(\"doc/000001\", Content.utf8(\"replacement\"))", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertContent("doc/000001", original);
    }

    @Test
    void putOnAnExistingKeyFailsEvenWithTheSameBytes() {
        byte[] original = Content.utf8("same bytes");
        put("doc/000001", original);

        assertThatThrownBy(() -> put("doc/000001", original),
                "%s must throw %s", "put(\"doc/000001\", original)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertContent("doc/000001", original);
    }

    @Test
    void putWithAWrongSha256FailsAndStoresNothing() {
        byte[] bytes = Content.utf8("the real bytes");
        String otherSha256 = Content.sha256(Content.utf8("other bytes"));

        assertThatThrownBy(() -> blobs.put("doc/000001", new ByteArrayInputStream(bytes),
                new BlobUpload(bytes.length, Optional.of(otherSha256), BINARY, Map.of())),
                "%s must throw %s",
                "blobs.put(\"doc/000001\", new ByteArrayInputStream(bytes), new BlobUpload(bytes.length, " +
                "Optional.of(otherSha256), BINARY, Map.of()))", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertAbsent("doc/000001");
    }

    @ParameterizedTest(name = "length known: {0}")
    @ValueSource(booleans = {true, false})
    void putWhoseContentFailsMidwayThrowsBackendExceptionAndStoresNothing(boolean lengthKnown) {
        byte[] delivered = Content.random(64 * 1024, 5);
        InputStream failing = Content.failingAfter(delivered);

        assertThatThrownBy(() -> blobs.put("doc/000001", failing, upload(lengthKnown ? 2L * delivered.length : -1)),
                "%s must throw %s",
                "blobs.put(\"doc/000001\", failing, upload(lengthKnown ? 2L * delivered.length : -1))", "BackendException")
                .isInstanceOf(BackendException.class);

        assertAbsent("doc/000001");
        byte[] retried = Content.utf8("retried");
        put("doc/000001", retried);
        assertContent("doc/000001", retried);
    }

    @Test
    void putAfterDeleteStoresTheNewBytes() {
        put("doc/000001", Content.utf8("first"));
        blobs.delete("doc/000001");

        byte[] second = Content.utf8("second");
        put("doc/000001", second);

        assertContent("doc/000001", second);
    }

    // ---- copy

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1000})
    void copyWritesTheSourceBytesToTheTargetAndKeepsTheSource(int size) {
        byte[] bytes = Content.random(size, 6);
        put("doc/LATEST.abc", bytes);

        blobs.copy("doc/LATEST.abc", Content.sha256(bytes), "doc/000001");

        assertContent("doc/000001", bytes);
        assertContent("doc/LATEST.abc", bytes);
    }

    @Test
    void copyOfAMissingSourceFailsAndWritesNothing() {
        String sha256 = Content.sha256(Content.utf8("never stored"));

        assertThatThrownBy(() -> blobs.copy("doc/LATEST.abc", sha256, "doc/000001"),
                "%s must throw %s",
                "blobs.copy(\"doc/LATEST.abc\", sha256, \"doc/000001\")", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertAbsent("doc/000001");
        assertAbsent("doc/LATEST.abc");
    }

    @Test
    void copyWithAWrongSha256FailsAndWritesNothing() {
        byte[] bytes = Content.utf8("source bytes");
        put("doc/LATEST.abc", bytes);
        String otherSha256 = Content.sha256(Content.utf8("other bytes"));

        assertThatThrownBy(() -> blobs.copy("doc/LATEST.abc", otherSha256, "doc/000001"),
                "%s must throw %s",
                "blobs.copy(\"doc/LATEST.abc\", otherSha256, \"doc/000001\")", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertAbsent("doc/000001");
        assertContent("doc/LATEST.abc", bytes);
    }

    @Test
    void copyOntoAnExistingTargetFailsAndKeepsTheTarget() {
        byte[] source = Content.utf8("new bytes");
        byte[] target = Content.utf8("published bytes");
        put("doc/LATEST.abc", source);
        put("doc/000001", target);

        assertThatThrownBy(() -> blobs.copy("doc/LATEST.abc", Content.sha256(source), "doc/000001"),
                "%s must throw %s",
                "blobs.copy(\"doc/LATEST.abc\", Content.sha256(source), \"doc/000001\")", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);

        assertContent("doc/000001", target);
        assertContent("doc/LATEST.abc", source);
    }

    // ---- delete

    @Test
    void deleteRemovesOnlyThatBlob() {
        byte[] kept = Content.utf8("kept");
        put("doc/000001", Content.utf8("deleted"));
        put("doc/000002", kept);

        blobs.delete("doc/000001");

        assertAbsent("doc/000001");
        assertContent("doc/000002", kept);
        assertThat(blobs.list("")).as("blobs.list(\"\")").containsExactly("doc/000002");
    }

    @Test
    void deleteOfAnAbsentKeyIsANoOp() {
        byte[] kept = Content.utf8("kept");
        put("doc/000001", kept);

        assertThatCode(() -> blobs.delete("doc/000002")).doesNotThrowAnyException();

        assertAbsent("doc/000002");
        assertThat(blobs.list("")).as("blobs.list(\"\")").containsExactly("doc/000001");
    }

    @Test
    void deleteIsIdempotent() {
        put("doc/000001", Content.utf8("deleted twice"));

        blobs.delete("doc/000001");
        blobs.delete("doc/000001");

        assertAbsent("doc/000001");
        assertThat(blobs.list("")).as("blobs.list(\"\")").isEmpty();
    }

    // ---- list

    @Test
    void listOfAnEmptyStoreIsEmpty() {
        assertThat(blobs.list("")).as("blobs.list(\"\")").isEmpty();
        assertThat(blobs.list("doc/")).as("blobs.list(\"doc/\")").isEmpty();
    }

    @Test
    void listWithTheEmptyPrefixReturnsEveryKeySorted() {
        List<String> keys = putListingFixture();

        assertThat(blobs.list("")).containsExactlyElementsOf(sorted(keys));
    }

    @Test
    void listWithAPrefixReturnsOnlyTheKeysThatStartWithItSorted() {
        putListingFixture();

        assertThat(blobs.list("a/")).as("blobs.list(\"a/\")")
                .containsExactly("a/000001", "a/000002", "a/LATEST", "a/LATEST.abc");
        assertThat(blobs.list("ab/")).as("blobs.list(\"ab/\")").containsExactly("ab/000001");
        assertThat(blobs.list("a/LATEST")).as("blobs.list(\"a/LATEST\")").containsExactly("a/LATEST", "a/LATEST.abc");
        assertThat(blobs.list("a/LATEST.")).as("blobs.list(\"a/LATEST.\")").containsExactly("a/LATEST.abc");
        assertThat(blobs.list("a.b/")).as("blobs.list(\"a.b/\")").containsExactly("a.b/000001");
        assertThat(blobs.list("a-b/")).as("blobs.list(\"a-b/\")").containsExactly("a-b/000001");
        assertThat(blobs.list("a_b/")).as("blobs.list(\"a_b/\")").containsExactly("a_b/LATEST.x-y_z");
    }

    @Test
    void listWithAPrefixThatIsNotAWholePathSegmentMatchesByCharacters() {
        putListingFixture();

        assertThat(blobs.list("a")).containsExactly(
                "a-b/000001", "a.b/000001", "a/000001", "a/000002", "a/LATEST", "a/LATEST.abc", "a_b/LATEST.x-y_z",
                "ab/000001");
        assertThat(blobs.list("a/00000")).as("blobs.list(\"a/00000\")").containsExactly("a/000001", "a/000002");
    }

    @Test
    void listWithAPrefixThatMatchesNothingIsEmpty() {
        putListingFixture();

        assertThat(blobs.list("zz/")).as("blobs.list(\"zz/\")").isEmpty();
        assertThat(blobs.list("a/0000019")).as("blobs.list(\"a/0000019\")").isEmpty();
        assertThat(blobs.list("A/")).as("blobs.list(\"A/\")").isEmpty();
    }

    @Test
    void listReturnsEveryKeyBeyondOnePageOfResults() {
        List<String> keys = IntStream.range(0, 1_050).mapToObj(i -> String.format("many/%06d", i)).toList();
        for (String key : keys) {
            put(key, new byte[0]);
        }
        put("manyother/000001", new byte[0]);

        assertThat(blobs.list("many/")).containsExactlyElementsOf(keys);
        assertThat(blobs.list("")).as("blobs.list(\"\")").hasSize(keys.size() + 1);
    }

    @Test
    void listEntriesGivesTheKeysOfListWithTheirSizesAndTimes() {
        List<String> keys = putListingFixture();
        put("a/000003", new byte[0]);
        blobs.copy("a/000001", Content.sha256(Content.utf8("a/000001")), "copied/000001");

        List<BlobEntry> entries = blobs.listEntries("a/");

        assertThat(entries).extracting(BlobEntry::key).containsExactlyElementsOf(blobs.list("a/"));
        assertThat(blobs.listEntries("")).extracting(BlobEntry::key).containsExactlyElementsOf(blobs.list(""))
                .hasSize(keys.size() + 2);
        for (BlobEntry entry : blobs.listEntries("")) {
            String content = entry.key().equals("a/000003") ? "" : entry.key().replace("copied/", "a/");
            assertThat(entry.size()).as(entry.key()).isEqualTo(Content.utf8(content).length);
            assertThat(entry.lastModified()).as(entry.key()).isNotNull();
        }
        assertThat(blobs.listEntries("zz/")).as("blobs.listEntries(\"zz/\")").isEmpty();
    }

    // ---- uri

    @Test
    void uriIsAnAbsoluteUriThatIsStableAndDistinctPerKey() {
        List<String> keys = List.of("a/000001", "a/000002", "a/LATEST", "a/LATEST.abc", "ab/000001", "a.b/000001");
        keys.forEach(key -> put(key, Content.utf8(key)));

        List<String> uris = keys.stream().map(blobs::uri).toList();

        assertThat(uris).allSatisfy(uri -> {
            assertThat(uri).isNotBlank();
            assertThat(URI.create(uri).isAbsolute()).as("%s is absolute", uri).isTrue();
        });
        assertThat(uris).doesNotHaveDuplicates();
        assertThat(keys.stream().map(blobs::uri).toList()).as("keys.stream().map(blobs::uri).toList()").isEqualTo(uris);
    }

    // ---- bootstrap

    @Test
    void bootstrapIsIdempotentAndKeepsStoredBlobs() {
        byte[] bytes = Content.utf8("survives bootstrap");
        put("doc/000001", bytes);

        blobs.bootstrap();
        blobs.bootstrap();

        assertContent("doc/000001", bytes);
        assertThat(blobs.list("")).as("blobs.list(\"\")").containsExactly("doc/000001");
    }

    // ---- capabilities

    @Test
    void putWithTagsStoresTheBytesWhateverTheCapabilities() {
        byte[] bytes = Content.utf8("tagged");

        blobs.put("doc/000001", new ByteArrayInputStream(bytes),
                new BlobUpload(bytes.length, Optional.empty(), BINARY, Map.of("team", "data", "stage", "prod-1")));

        assertThat(blobs.capabilities()).isNotNull();
        assertContent("doc/000001", bytes);
    }

    @Test
    void tagsRoundTripWhenTaggingIsDeclared() {
        assumeTrue(blobs.capabilities().contains(BlobCapability.TAGGING),
                "not claimed: TAGGING (the store's BlobPort.capabilities() does not contain it)");
        Map<String, String> tags = Map.of("team", "data", "stage", "prod-1", "build.id", "2024_03");
        blobs.put("doc/000001", new ByteArrayInputStream(Content.utf8("tagged")),
                new BlobUpload(-1, Optional.empty(), BINARY, tags));
        put("doc/000002", Content.utf8("untagged"));

        assertThat(blobs.tags("doc/000001")).as("blobs.tags(\"doc/000001\")").isEqualTo(tags);
        assertThat(blobs.tags("doc/000002")).as("blobs.tags(\"doc/000002\")").isEmpty();
    }

    @Test
    void tagsOfAnUntaggedBlobAreEmptyWithTaggingAndRefusedWithout() {
        put("doc/000001", Content.utf8("untagged"));

        if (blobs.capabilities().contains(BlobCapability.TAGGING)) {
            assertThat(blobs.tags("doc/000001")).as("blobs.tags(\"doc/000001\")").isEmpty();
        } else {
            assertThatThrownBy(() -> blobs.tags("doc/000001"),
                    "%s must throw %s", "blobs.tags(\"doc/000001\")", "UnsupportedOperationException")
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void artifactNamesAreTheArtifactsThatHaveBlobs() {
        put("doc/000001", Content.utf8("1"));
        put("doc/LATEST.u1", Content.utf8("2"));
        put("a.b-c/000001", Content.utf8("3"));

        assertThat(blobs.artifactNames()).as("blobs.artifactNames()").containsExactly("a.b-c", "doc");
    }

    @Test
    void replaceWithCopyReplacesTheTargetWhenSharedWithPythonAndIsRefusedOtherwise() {
        byte[] fresh = Content.utf8("fresh");
        put("doc/LATEST.u1", fresh);
        put("doc/LATEST", Content.utf8("stale"));
        BlobUpload description = new BlobUpload(fresh.length, Optional.of(Content.sha256(fresh)), BINARY, Map.of());

        if (!blobs.capabilities().contains(BlobCapability.SHARED_WITH_PYTHON)) {
            assertThatThrownBy(() -> blobs.replaceWithCopy("doc/LATEST.u1", "doc/LATEST", description),
                    "%s must throw %s",
                    "blobs.replaceWithCopy(\"doc/LATEST.u1\", \"doc/LATEST\", description)", "UnsupportedOperationException")
                    .isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        blobs.replaceWithCopy("doc/LATEST.u1", "doc/LATEST", description);

        assertContent("doc/LATEST", fresh);
        assertContent("doc/LATEST.u1", fresh);
        assertThatThrownBy(() -> blobs.replaceWithCopy("doc/LATEST.missing", "doc/LATEST", description),
                "%s must throw %s",
                "blobs.replaceWithCopy(\"doc/LATEST.missing\", \"doc/LATEST\", description)", "PreconditionFailedException")
                .isInstanceOf(PreconditionFailedException.class);
        assertContent("doc/LATEST", fresh);
    }

    // ---- concurrency

    @Test
    void racingPutsOnOneKeyLetExactlyOneWriterWin() {
        List<byte[]> contents = IntStream.range(0, RACERS).mapToObj(i -> Content.random(64 * 1024, 100 + i)).toList();

        List<Race.Outcome<Void>> outcomes = Race.runAll(RACERS, i -> () -> put("doc/000001", contents.get(i)));

        Race.Outcome<Void> winner = Race.soleWinner(outcomes);
        assertContent("doc/000001", contents.get(winner.index()));
    }

    @Test
    void racingCopiesToOneTargetLetExactlyOneWriterWin() {
        List<byte[]> contents = IntStream.range(0, RACERS).mapToObj(i -> Content.random(16 * 1024, 200 + i)).toList();
        for (int i = 0; i < RACERS; i++) {
            put("doc/LATEST.upload" + i, contents.get(i));
        }

        List<Race.Outcome<Void>> outcomes = Race.runAll(RACERS,
                i -> () -> blobs.copy("doc/LATEST.upload" + i, Content.sha256(contents.get(i)), "doc/000001"));

        Race.Outcome<Void> winner = Race.soleWinner(outcomes);
        assertContent("doc/000001", contents.get(winner.index()));
    }

    // ---- a failing store

    /**
     * Every method that reads or writes blobs throws {@link BackendException} once the store is broken.
     * {@link BlobPort#leftovers()} and {@link BlobPort#attributes(String)} where the port keeps the interface's
     * default (which answers without the store) may return instead; {@code open} may also return a stream whose
     * reading fails with a {@link BackendException} or an {@link java.io.IOException}, as its Javadoc allows.
     */
    @Test
    void everyMethodFailsWithABackendExceptionWhenTheStoreFails() {
        assumeTrue(claimsStoreFailure(), "not claimed: STORE_FAILURE (" + getClass().getName()
                + ".claimsStoreFailure() is false, so the exception contract on a failing store is not checked)");
        byte[] bytes = Content.utf8("stored before the store failed");
        put("doc/000001", bytes);
        put("doc/LATEST.u1", bytes);
        breakStore();
        BlobUpload described = new BlobUpload(bytes.length, Optional.of(Content.sha256(bytes)), BINARY, Map.of());
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("put", () -> blobs.put("doc/000002", new ByteArrayInputStream(bytes), upload(bytes.length)));
        calls.put("open", () -> readOpened(blobs.open("doc/000001")));
        calls.put("copy", () -> blobs.copy("doc/000001", Content.sha256(bytes), "doc/000003"));
        calls.put("delete", () -> blobs.delete("doc/000001"));
        calls.put("list", () -> blobs.list(""));
        calls.put("listEntries", () -> blobs.listEntries("doc/"));
        calls.put("artifactNames", () -> blobs.artifactNames());
        if (blobs.capabilities().contains(BlobCapability.TAGGING)) {
            calls.put("tags", () -> blobs.tags("doc/000001"));
        }
        if (blobs.capabilities().contains(BlobCapability.SHARED_WITH_PYTHON)) {
            calls.put("replaceWithCopy", () -> blobs.replaceWithCopy("doc/LATEST.u1", "doc/LATEST", described));
        }
        if (!inheritsDefault("leftovers")) {
            calls.put("leftovers", () -> blobs.leftovers());
        }
        if (!inheritsDefault("attributes", String.class)) {
            calls.put("attributes", () -> blobs.attributes("doc/000001"));
        }

        SoftAssertions softly = new SoftAssertions();
        calls.forEach((method, call) -> {
            Throwable thrown = catchThrowable(call);
            if (thrown instanceof ReadingFailed) {
                return;
            }
            softly.assertThat(thrown)
                    .as("BlobPort.%s on a broken store must throw a BackendException (and nothing else)", method)
                    .isInstanceOf(BackendException.class);
        });
        softly.assertAll();
    }

    /** Reads the stream {@code open} returned for a stored blob to its end; an IOException is a {@link ReadingFailed}. */
    private static void readOpened(Optional<InputStream> opened) {
        InputStream in = opened.orElseThrow(() -> new AssertionError(
                "BlobPort.open of a stored blob on a broken store returned empty, as if the blob were absent"));
        try (in) {
            in.readAllBytes();
        } catch (IOException e) {
            throw new ReadingFailed(e);
        }
    }

    /** Reading a stream of a broken store failed with an {@link IOException}, as {@link BlobPort#open} allows. */
    private static final class ReadingFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadingFailed(IOException cause) {
            super(cause);
        }
    }

    /** Whether the port keeps the interface's default of the method (which does not reach the store). */
    private boolean inheritsDefault(String method, Class<?>... parameters) {
        try {
            return blobs.getClass().getMethod(method, parameters).isDefault();
        } catch (NoSuchMethodException e) {
            throw new AssertionError("BlobPort." + method + " not found", e);
        }
    }

    // ---- two clients of one store

    @Test
    void everyWriteOfOneClientIsReadByAnotherClientAtOnce() {
        BlobPort other = openAnotherClient();
        for (BlobPort client : List.of(blobs, other)) {
            readEverything(client);
        }
        byte[] one = Content.utf8("one");
        byte[] two = Content.utf8("two, longer");
        Map<String, byte[]> stored = new TreeMap<>();

        blobs.put("doc/000001", new ByteArrayInputStream(one), upload(one.length));
        stored.put("doc/000001", one);
        expectBlobs(other, "put by the first client", stored);
        other.copy("doc/000001", Content.sha256(one), "doc/000002");
        stored.put("doc/000002", one);
        expectBlobs(blobs, "copy by the second client", stored);
        other.put("other/LATEST.u1", new ByteArrayInputStream(two), upload(-1));
        stored.put("other/LATEST.u1", two);
        expectBlobs(blobs, "put by the second client", stored);
        if (blobs.capabilities().contains(BlobCapability.SHARED_WITH_PYTHON)) {
            blobs.put("doc/LATEST", new ByteArrayInputStream(one), upload(one.length));
            readEverything(other);
            blobs.replaceWithCopy("other/LATEST.u1", "doc/LATEST",
                    new BlobUpload(two.length, Optional.of(Content.sha256(two)), BINARY, Map.of()));
            stored.put("doc/LATEST", two);
            expectBlobs(other, "put and replaceWithCopy by the first client", stored);
        }
        blobs.delete("doc/000001");
        stored.remove("doc/000001");
        expectBlobs(other, "delete by the first client", stored);
        other.delete("other/LATEST.u1");
        stored.remove("other/LATEST.u1");
        expectBlobs(blobs, "delete by the second client", stored);
    }

    private static void readEverything(BlobPort client) {
        for (String key : List.of("doc/000001", "doc/000002", "doc/LATEST", "other/LATEST.u1")) {
            client.open(key).ifPresent(Content::readAndClose);
        }
        client.list("");
        client.listEntries("doc/");
        client.artifactNames();
    }

    private static void expectBlobs(BlobPort reader, String after, Map<String, byte[]> stored) {
        SoftAssertions softly = new SoftAssertions();
        for (String key : List.of("doc/000001", "doc/000002", "doc/LATEST", "other/LATEST.u1")) {
            Optional<String> expected = Optional.ofNullable(stored.get(key)).map(Content::sha256);
            softly.assertThat(reader.open(key).map(Content::readAndClose).map(Content::sha256))
                    .as("SHA-256 of open(%s) by the other client right after %s", key, after).isEqualTo(expected);
        }
        List<String> keys = List.copyOf(stored.keySet());
        softly.assertThat(reader.list("")).as("list(\"\") by the other client right after %s", after)
                .isEqualTo(keys);
        softly.assertThat(reader.listEntries("doc/").stream().map(BlobEntry::key).toList())
                .as("keys of listEntries(\"doc/\") by the other client right after %s", after)
                .isEqualTo(keys.stream().filter(key -> key.startsWith("doc/")).toList());
        softly.assertThat(reader.artifactNames()).as("artifactNames() by the other client right after %s", after)
                .isEqualTo(keys.stream().map(key -> key.substring(0, key.indexOf('/'))).distinct().toList());
        softly.assertAll();
    }

    // ---- helpers

    private static BlobUpload upload(long length) {
        return new BlobUpload(length, Optional.empty(), BINARY, Map.of());
    }

    private void put(String key, byte[] bytes) {
        blobs.put(key, new ByteArrayInputStream(bytes), upload(bytes.length));
    }

    private List<String> putListingFixture() {
        List<String> keys = List.of("a/LATEST.abc", "ab/000001", "a/000002", "a.b/000001", "a/000001", "a-b/000001",
                "a_b/LATEST.x-y_z", "a/LATEST", "B/000001", "0/000001", "ba/000001");
        keys.forEach(key -> put(key, Content.utf8(key)));
        return keys;
    }

    private static List<String> sorted(List<String> keys) {
        List<String> copy = new ArrayList<>(keys);
        copy.sort(Comparator.naturalOrder());
        return copy;
    }

    private byte[] read(String key) {
        InputStream in = blobs.open(key).orElseThrow(() -> new AssertionError("blob " + key + " is absent"));
        return Content.readAndClose(in);
    }

    private void assertContent(String key, byte[] expected) {
        byte[] actual = read(key);
        assertThat(actual.length).as("size of %s", key).isEqualTo(expected.length);
        assertThat(Content.sha256(actual)).as("sha256 of %s", key).isEqualTo(Content.sha256(expected));
    }

    private boolean isPresent(String key) {
        Optional<InputStream> opened = blobs.open(key);
        opened.ifPresent(Content::readAndClose);
        return opened.isPresent();
    }

    private void assertAbsent(String key) {
        assertThat(isPresent(key)).as("blob %s is present", key).isFalse();
        assertThat(blobs.list("")).as("keys of the store").doesNotContain(key);
    }
}
