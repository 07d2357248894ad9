package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.core.port.BlobUpload;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Logical keys map to {@code prefix/key+suffix}, and only such objects are listed back. */
class KeyLayoutTest {

    private S3Client client;
    private String bucket;

    @BeforeAll
    static void checkServer() {
        S3Fixture.requireConditionalWrites();
    }

    @BeforeEach
    void setUp() {
        client = S3Fixture.client();
        bucket = S3Fixture.uniqueBucket();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void blobsLiveAtPrefixSlashKeyPlusSuffix() {
        S3BlobPort blobs = port(S3Fixture.config(bucket).prefix("team/models").keySuffix(".bin").build());

        put(blobs, "doc/000001");

        assertThat(objectKeys()).containsExactly("team/models/doc/000001.bin");
        assertThat(blobs.uri("doc/000001")).isEqualTo("s3://" + bucket + "/team/models/doc/000001.bin");
        assertThat(blobs.list("")).containsExactly("doc/000001");
    }

    @Test
    void anEmptyPrefixPutsBlobsAtTheBucketRoot() {
        S3BlobPort blobs = port(S3Fixture.config(bucket).prefix("").build());

        put(blobs, "doc/LATEST");

        assertThat(objectKeys()).containsExactly("doc/LATEST");
        assertThat(blobs.uri("doc/LATEST")).isEqualTo("s3://" + bucket + "/doc/LATEST");
    }

    @Test
    void listIgnoresObjectsOutsideThePrefixWithoutTheSuffixOrInTheReservedFolder() {
        S3BlobPort blobs = port(S3Fixture.config(bucket).prefix("repo").keySuffix(".bin").build());
        put(blobs, "doc/000001");
        rawPut("repo/doc/000002");
        rawPut("repo/doc/000003.binx");
        rawPut("repo.bin");
        rawPut("repo/.bin");
        rawPut("repo2/doc/000004.bin");
        rawPut("other/doc/000005.bin");
        rawPut("doc/000006.bin");
        rawPut("repo/.versioned/probe.bin");

        assertThat(blobs.list("")).containsExactly("doc/000001");
        assertThat(blobs.list("doc/")).containsExactly("doc/000001");
    }

    @Test
    void listMatchesThePrefixOnLogicalKeysNotOnObjectKeys() {
        S3BlobPort blobs = port(S3Fixture.config(bucket).prefix("").keySuffix(".bin").build());
        put(blobs, "a");
        put(blobs, "a.b/000001");

        assertThat(blobs.list("a.b")).containsExactly("a.b/000001");
        assertThat(blobs.list("a")).containsExactly("a", "a.b/000001");
    }

    @Test
    void badKeysAreRefusedBeforeAnyRequest() {
        S3BlobPort blobs = port(S3Fixture.config(bucket).build());

        assertThatThrownBy(() -> blobs.uri("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key:");
        assertThatThrownBy(() -> blobs.open("/doc/000001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key:");
        assertThatThrownBy(() -> blobs.delete(".versioned/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key:");
    }

    private S3BlobPort port(S3BlobConfig config) {
        S3BlobPort blobs = new S3BlobPort(client, config);
        blobs.bootstrap();
        return blobs;
    }

    private static void put(S3BlobPort blobs, String key) {
        blobs.put(key, new ByteArrayInputStream(new byte[] {1}),
                new BlobUpload(1, Optional.empty(), "application/octet-stream", Map.of()));
    }

    private void rawPut(String objectKey) {
        client.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.fromString("not a blob"));
    }

    private List<String> objectKeys() {
        return client.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }
}
