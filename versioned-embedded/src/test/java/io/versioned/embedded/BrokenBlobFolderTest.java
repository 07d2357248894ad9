package io.versioned.embedded;

import static io.versioned.embedded.RepositoryCalls.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.BackendException;
import io.versioned.api.PurgeResult;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded backend whose blob folder was replaced by a regular file after it was bootstrapped and filled: the
 * records are all there, the bytes cannot be reached and nothing can be written. Every public {@link Repository}
 * method is called once; calls that need only the records succeed, calls that touch the bytes fail with a
 * {@link BackendException} that keeps the file system's {@link IOException} in its cause chain, and nothing else
 * (no raw I/O exception, no {@code IntegrityException} or {@code ConflictException} for what is a store failure).
 */
class BrokenBlobFolderTest {

    private static final String NAME = "app";
    private static final String OTHER = "other";
    private static final String STORE_FAILED = "BackendException(retryable=false)";
    private static final String RETURNED = "returned";

    @TempDir
    Path temp;

    @Test
    void callsThatNeedOnlyRecordsSucceedAndCallsThatTouchBytesFailWithABackendException() throws IOException {
        Path folder = temp.resolve("repository");
        Repository repository = VersionedEmbedded.repository(folder);
        long productionRevision = fill(repository);
        replaceByAFile(folder.resolve(EmbeddedModule.BLOB_DIRECTORY_NAME));
        Path newFile = Files.write(temp.resolve("new.bin"), bytes("new bytes three"));
        List<RepositoryCalls.Call> calls = RepositoryCalls.every(new RepositoryCalls.Fixture(NAME, newFile,
                temp.resolve("downloaded.bin"), bytes("latest"), productionRevision));

        Map<String, RepositoryCalls.Outcome> outcomes = RepositoryCalls.runAll(calls, repository);

        Map<String, String> actual = new LinkedHashMap<>();
        outcomes.forEach((label, outcome) -> actual.put(label, outcome.describe()));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(actual).as("outcome of each call").containsExactlyEntriesOf(expectedOutcomes());
        outcomes.forEach((label, outcome) -> {
            if (outcome.failure() != null) {
                softly.assertThat(FailureChains.contains(outcome.failure(), IOException.class))
                        .as("%s keeps the file system's IOException in its cause chain: %s", label,
                                FailureChains.describe(outcome.failure()))
                        .isTrue();
            }
        });
        softly.assertThat(outcomes.get("getLatestPublishedVersionNumber(String)").value()).isEqualTo(3);
        softly.assertThat(outcomes.get("purgeArtifactVersions(String,int,Duration)").value())
                .as("version 3, which no alias points at, is purged; its bytes were unreachable anyway")
                .satisfies(value -> {
                    PurgeResult result = (PurgeResult) value;
                    assertThat(result.purged()).containsExactly(Version.of(3));
                    assertThat(result.keptByAlias()).containsExactly(Version.of(2), Version.of(1));
                });
        softly.assertAll();
        assertThat(temp.resolve("downloaded.bin")).doesNotExist();
        assertThat(calls.stream().map(RepositoryCalls.Call::signature))
                .containsAll(RepositoryCalls.publicMethods());
    }

    /** What each call of {@link RepositoryCalls#every} gives here, in call order. */
    private static Map<String, String> expectedOutcomes() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("bootstrap()", STORE_FAILED);
        expected.put("putArtifact(String,byte[])", STORE_FAILED);
        expected.put("putArtifact(String,byte[],PutOptions)", STORE_FAILED);
        expected.put("putArtifact(String,Path,PutOptions)", STORE_FAILED);
        expected.put("putArtifact(String,InputStream,PutOptions)", STORE_FAILED);
        expected.put("putArtifact(String,byte[]) of LATEST's own bytes", RETURNED);
        expected.put("getArtifactVersion(String)", RETURNED);
        expected.put("getArtifactVersion(String,Version)", RETURNED);
        expected.put("listArtifactVersions(String)", RETURNED);
        expected.put("publishArtifactVersion(String)", STORE_FAILED);
        expected.put("deleteArtifactVersion(String,Version)", RETURNED);
        expected.put("restoreArtifactVersion(String,Version)", RETURNED);
        expected.put("listArtifactNames()", RETURNED);
        expected.put("getLatestPublishedVersionNumber(String)", RETURNED);
        expected.put("getContent(String,Version)", STORE_FAILED);
        expected.put("openContent(String,Version)", STORE_FAILED);
        expected.put("openContent(String,Version) of LATEST", STORE_FAILED);
        expected.put("download(String,Version,Path)", STORE_FAILED);
        expected.put("putAlias(String,String,Version)", RETURNED);
        expected.put("putAlias(String,String,Version,Version,int)", RETURNED);
        expected.put("putAlias(String,String,AliasTarget,long)", RETURNED);
        expected.put("getAlias(String,String)", RETURNED);
        expected.put("listAliases(String)", RETURNED);
        expected.put("deleteAlias(String,String)", RETURNED);
        expected.put("resolve(String,String)", RETURNED);
        expected.put("resolve(String,String,String)", RETURNED);
        expected.put("resolveContent(String,String)", STORE_FAILED);
        expected.put("resolveContent(String,String,String)", STORE_FAILED);
        expected.put("getAliasHistory(String,String)", RETURNED);
        expected.put("purgeArtifactVersions(String,int,Duration,boolean)", RETURNED);
        // the bytes of the purged version cannot be deleted: logged, left for gc, the purge itself succeeds
        expected.put("purgeArtifactVersions(String,int,Duration)", RETURNED);
        // the records go first, then listing the bytes to delete fails
        expected.put("purgeArtifact(String)", STORE_FAILED);
        expected.put("purgeAll()", STORE_FAILED);
        expected.put("close()", RETURNED);
        return expected;
    }

    /**
     * Versions 1 to 3 of {@link #NAME} and a LATEST ({@code "latest"}) that differs from version 3; alias
     * {@code production} on version 1 and {@code canary} on version 1 with 10 % to version 2; and {@link #OTHER}
     * with one version. Returns the revision of {@code production}.
     */
    private static long fill(Repository repository) {
        for (String content : List.of("one", "two", "three")) {
            repository.putArtifact(NAME, bytes(content));
            repository.publishArtifactVersion(NAME);
        }
        repository.putArtifact(NAME, bytes("latest"));
        repository.putAlias(NAME, RepositoryCalls.CANARY, Version.of(1), Version.of(2), 10);
        repository.putArtifact(OTHER, bytes("other"));
        repository.publishArtifactVersion(OTHER);
        return repository.putAlias(NAME, RepositoryCalls.PRODUCTION, Version.of(1)).revision();
    }

    private static void replaceByAFile(Path directory) throws IOException {
        try (Stream<Path> entries = Files.walk(directory)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
        Files.write(directory, bytes("not a directory"));
    }
}
