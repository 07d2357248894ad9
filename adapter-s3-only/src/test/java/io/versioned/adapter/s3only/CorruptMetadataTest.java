package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Objects under the metadata prefix that this library did not write, or that were damaged, make every call
 * that reads them fail with a non-retryable {@link BackendException} naming the object, and are never read as
 * "absent" or as other data. Objects outside the metadata prefix are ignored.
 */
class CorruptMetadataTest {

    private static final Instant T = Instant.parse("2025-06-01T10:15:30.123456Z");
    private static final String META = TestStores.PREFIX + "/_meta/";

    private RawObjects objects;
    private S3OnlyMetadataPort port;

    @BeforeEach
    void newStore() {
        objects = RawObjects.inNewBucket();
        port = objects.port();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "not json at all",
        "{\"format\": 1, \"kind\": \"versions\", \"name\": \"doc\", \"versions\": [",
        "[1, 2, 3]",
        "{\"hello\": \"world\"}",
        "{\"format\": \"1\", \"kind\": \"versions\", \"name\": \"doc\", \"versions\": []}",
        "{\"format\": 1, \"kind\": \"aliases\", \"name\": \"doc\", \"aliases\": []}",
        "{\"format\": 1, \"kind\": \"versions\", \"name\": \"other\", \"versions\": []}",
        "{\"format\": 1, \"kind\": \"versions\", \"name\": \"doc\"}",
        "{\"format\": 1, \"kind\": \"versions\", \"name\": \"doc\", \"versions\": [{\"version\": \"LATEST\"}]}",
        "{\"format\": 1, \"kind\": \"versions\", \"name\": \"doc\", \"name\": \"doc\", \"versions\": []}",
        ""
    })
    void aForeignOrCorruptVersionsDocumentFailsEveryCallThatReadsIt(String content) {
        String key = META + "doc/versions.json";
        put(key, content);

        assertCorrupt(() -> port.getVersion("doc", Version.LATEST), key);
        assertCorrupt(() -> port.listVersions("doc"), key);
        assertCorrupt(() -> port.createVersion(version("doc", Version.of(1))), key);
        assertCorrupt(() -> port.deleteVersion("doc", Version.of(1), 1), key);
        assertThat(get(key)).isEqualTo(content);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"format\": 1, \"kind\": \"versions\", \"name\": \"doc\", \"block\": \"999\", \"versions\": []}",
        "{\"format\": 2, \"kind\": \"versions\", \"name\": \"doc\", \"block\": \"998\", \"versions\": []}",
        "{\"format\": 2, \"kind\": \"versions\", \"name\": \"doc\", \"versions\": []}",
        "{\"format\": 2, \"kind\": \"versionsIndex\", \"name\": \"doc\", \"records\": \"versions/\"}",
        "not json at all"
    })
    void aForeignOrCorruptBlockDocumentFailsEveryCallThatReadsIt(String content) {
        port.createVersion(version("doc", Version.of(1)));
        String key = META + "doc/versions/999.json";
        put(key, content);

        assertCorrupt(() -> port.getVersion("doc", Version.of(1)), key);
        assertCorrupt(() -> port.listVersions("doc"), key);
        assertCorrupt(() -> port.newestVersions("doc"), key);
        assertCorrupt(() -> port.createVersion(version("doc", Version.of(2))), key);
        assertThat(get(key)).isEqualTo(content);
    }

    @Test
    void aRecordInTheDocumentOfAnotherBlockIsRefused() {
        port.createVersion(version("doc", Version.of(1)));
        String key = META + "doc/versions/999.json";
        put(key, get(key).replace("\"000001\"", "\"001001\""));

        assertCorrupt(() -> port.listVersions("doc"), key);
        assertCorrupt(() -> port.getVersion("doc", Version.of(1)), key);
    }

    @Test
    void objectsAmongTheVersionDocumentsNamedOtherwiseAreNotRead() {
        port.createVersion(version("doc", Version.of(1)));
        put(META + "doc/versions/notes.txt", "left by someone");
        put(META + "doc/versions/999.json-2d6cd1df", "a temporary file of s3proxy's file system store");

        assertThat(port.listVersions("doc")).containsExactly(version("doc", Version.of(1)));
        assertThat(port.newestVersions("doc")).containsExactly(version("doc", Version.of(1)));
    }

    @Test
    void aDocumentOfANewerFormatIsRefusedNamingTheFormat() {
        String key = META + "doc/aliases.json";
        put(key, "{\"format\": 2, \"kind\": \"aliases\", \"name\": \"doc\", \"aliases\": []}");

        assertThatThrownBy(() -> port.listAliases("doc")).isInstanceOf(BackendException.class)
                .hasMessageContaining(objects.bucket() + "/" + key).hasMessageContaining("format 2")
                .hasMessageContaining("newer release");
    }

    @Test
    void recordsWithInvalidFieldsAreRefusedNamingTheRecord() {
        port.createVersion(version("doc", Version.of(1)));
        String key = META + "doc/versions/999.json";
        put(key, get(key).replace("\"000001\"", "\"000000\""));
        assertCorrupt(() -> port.listVersions("doc"), key);

        put(key, get(key).replace("\"000000\"", "\"000001\"").replace(".123456Z", "Z"));
        assertCorrupt(() -> port.listVersions("doc"), key);

        port.createAlias(new AliasRecord("doc", "canary", T,
                new AliasTarget(Version.of(1), Optional.of(Version.of(2)), 10), 1));
        String aliases = META + "doc/aliases.json";
        put(aliases, get(aliases).replace("\"secondaryVersionWeight\":10", "\"secondaryVersionWeight\":100"));
        assertThatThrownBy(() -> port.getAlias("doc", "canary")).isInstanceOf(BackendException.class)
                .hasMessageContaining(aliases).hasMessageContaining("secondaryVersionWeight");
    }

    @Test
    void aCorruptCounterHistoryOrAliasesDocumentIsRefused() {
        put(META + "doc/counter.json", "{\"format\": 1, \"kind\": \"versionCounter\", \"name\": \"doc\"}");
        put(META + "doc/history/production.json", "{\"format\": 1, \"kind\": \"aliasHistory\", \"name\": \"doc\", "
                + "\"alias\": \"staging\", \"entries\": []}");
        put(META + "doc/aliases.json", "<xml/>");

        assertCorrupt(() -> port.allocateVersionNumber("doc", 0), META + "doc/counter.json");
        assertCorrupt(() -> port.aliasHistory("doc", "production", 10), META + "doc/history/production.json");
        assertCorrupt(() -> port.appendAliasHistory(new AliasChange("doc", "production", 1, T, Optional.empty(),
                Optional.of(AliasTarget.of(Version.LATEST)))), META + "doc/history/production.json");
        assertCorrupt(() -> port.getAlias("doc", "production"), META + "doc/aliases.json");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"_names/_hidden", "_names/a/b", "_names/", "_names/-x"})
    void aForeignObjectInTheNameIndexFailsListArtifactNames(String relativeKey) {
        port.registerArtifactName("doc");
        put(META + relativeKey, "");

        assertCorrupt(port::listArtifactNames, META + relativeKey);
    }

    @Test
    void objectsOutsideTheMetadataPrefixAreIgnored() {
        port.registerArtifactName("doc");
        port.createVersion(version("doc", Version.of(1)));
        put(TestStores.PREFIX + "/doc/000001", "blob bytes");
        put(TestStores.PREFIX + "/doc/LATEST.0f3c", "blob bytes");
        put(TestStores.PREFIX + "/_metadata/x", "not ours");
        put("elsewhere/_meta/_names/x/y", "not ours");

        assertThat(port.listArtifactNames()).containsExactly("doc");
        assertThat(port.listVersions("doc")).containsExactly(version("doc", Version.of(1)));
    }

    @Test
    void purgeArtifactRemovesForeignObjectsUnderTheArtifactsMetadataButNoBlob() {
        port.registerArtifactName("doc");
        port.createVersion(version("doc", Version.of(1)));
        put(META + "doc/unknown.bin", "left by someone");
        put(TestStores.PREFIX + "/doc/000001", "blob bytes");

        port.purgeArtifact("doc");

        assertThat(keys(META)).isEmpty();
        assertThat(keys(TestStores.PREFIX + "/doc/")).containsExactly(TestStores.PREFIX + "/doc/000001");
    }

    private static void assertCorrupt(ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BackendException.class,
                        e -> assertThat(e.isRetryable()).as("retryable").isFalse())
                .hasMessageContaining(key).hasMessageContaining("not");
    }

    private void put(String key, String content) {
        objects.put(key, content);
    }

    private String get(String key) {
        return objects.text(key);
    }

    private List<String> keys(String prefix) {
        return objects.keys(prefix);
    }

    private static VersionRecord version(String name, Version version) {
        return new VersionRecord(name, version, T, false, "cd".repeat(32), 10, "text/plain", Map.of(),
                BlobKeys.of(name, version), Map.of(), 1);
    }
}
