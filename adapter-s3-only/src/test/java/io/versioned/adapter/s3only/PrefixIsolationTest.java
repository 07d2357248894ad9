package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Two repositories under different prefixes of one bucket never see or change each other's metadata. */
class PrefixIsolationTest {

    private static final Instant T = Instant.parse("2025-06-01T10:15:30.123456Z");

    private final S3Client s3 = TestStores.client();
    private String bucket;
    private S3OnlyMetadataPort one;
    private S3OnlyMetadataPort two;

    @BeforeEach
    void twoRepositoriesInOneBucket() {
        bucket = TestStores.newBucket();
        one = new S3OnlyMetadataPort(s3, bucket, "team/one");
        two = new S3OnlyMetadataPort(s3, bucket, "team/two");
    }

    @Test
    void recordsWrittenUnderOnePrefixAreInvisibleUnderTheOther() {
        populate(one, "doc", 1);
        populate(two, "doc", 2);
        populate(two, "only-two", 3);

        assertThat(one.listArtifactNames()).containsExactly("doc");
        assertThat(two.listArtifactNames()).containsExactly("doc", "only-two");
        assertThat(one.listVersions("doc")).extracting(VersionRecord::sha256).containsOnly(sha(1));
        assertThat(two.listVersions("doc")).extracting(VersionRecord::sha256).containsOnly(sha(2));
        assertThat(one.getAlias("doc", "production")).map(a -> a.target().version()).contains(Version.of(1));
        assertThat(two.getAlias("doc", "production")).map(a -> a.target().version()).contains(Version.of(2));
        assertThat(one.allocateVersionNumber("doc", 0)).isEqualTo(2);
        assertThat(two.allocateVersionNumber("doc", 0)).isEqualTo(2);
        assertThat(one.listVersions("only-two")).isEmpty();
    }

    @Test
    void purgeArtifactUnderOnePrefixLeavesTheOtherPrefixAndEveryBlobUntouched() {
        populate(one, "doc", 1);
        populate(two, "doc", 2);
        s3.putObject(request -> request.bucket(bucket).key("team/one/doc/000001"), RequestBody.fromString("bytes"));
        s3.putObject(request -> request.bucket(bucket).key("team/two/doc/000001"), RequestBody.fromString("bytes"));
        List<String> twoBefore = keys("team/two/");

        one.purgeArtifact("doc");

        assertThat(keys("team/one/")).containsExactly("team/one/doc/000001");
        assertThat(keys("team/two/")).isEqualTo(twoBefore);
        assertThat(one.listArtifactNames()).isEmpty();
        assertThat(one.listVersions("doc")).isEmpty();
        assertThat(two.listArtifactNames()).containsExactly("doc");
        assertThat(two.listVersions("doc")).hasSize(2);
        assertThat(two.aliasHistory("doc", "production", 10)).hasSize(1);
    }

    private void populate(S3OnlyMetadataPort port, String name, int seed) {
        port.registerArtifactName(name);
        port.allocateVersionNumber(name, 0);
        for (Version version : List.of(Version.LATEST, Version.of(1))) {
            port.createVersion(new VersionRecord(name, version, T, false, sha(seed), seed, "text/plain", Map.of(),
                    BlobKeys.of(name, version), Map.of(), 1));
        }
        AliasTarget target = AliasTarget.of(Version.of(seed));
        port.createAlias(new AliasRecord(name, "production", T, target, 1));
        port.appendAliasHistory(new AliasChange(name, "production", 1, T, Optional.empty(), Optional.of(target)));
    }

    private List<String> keys(String prefix) {
        return s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private static String sha(int seed) {
        return Integer.toHexString(seed).repeat(64).substring(0, 64);
    }
}
