package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A conditional write that loses to another writer must be re-read and re-applied (docs/s3-only.md, "Writes"), also
 * when the document is large. s3proxy answers a failed {@code If-Match} PutObject with 412 after it has sent
 * {@code 100 Continue}, without reading the body, and closes the connection: with a large body the client is still
 * sending and gets "Broken pipe" instead of the 412 (every SDK attempt, for a 16 MB body), which the port reports as
 * a {@link io.versioned.api.BackendException}. Found by the S3-only soak (now the {@code SoakSuite} of
 * {@code AwsS3OnlyAdapterTest}) at a versions document of about 55 KB under four writers and a loaded machine; made
 * deterministic here with a 16 MB block document (versions 1 to 1000 share one).
 */
class LargeDocumentContentionTest {

    private static final Instant T = Instant.parse("2025-06-01T10:15:30.123456Z");
    private static final String PADDING = "x".repeat(16_000_000);

    @Test
    void aLargeDocumentChangedByAnotherWriterIsReadAgainNotAStoreFailure() {
        String bucket = TestStores.newBucket();
        S3OnlyMetadataPort other = new S3OnlyMetadataPort(TestStores.client(), bucket, TestStores.PREFIX);
        other.createVersion(version(Version.of(1), Map.of("padding", PADDING)));
        ChangeBeforeIfMatchPuts interleaving = new ChangeBeforeIfMatchPuts(1, () -> other.createVersion(version(Version.of(2), Map.of())));
        try (S3Client client = TestStores.client(interleaving)) {
            S3OnlyMetadataPort port = new S3OnlyMetadataPort(client, bucket, TestStores.PREFIX);

            port.createVersion(version(Version.of(3), Map.of()));

            assertThat(interleaving.fired()).isTrue();
            assertThat(port.listVersions("doc")).extracting(VersionRecord::version)
                    .containsExactly(Version.of(1), Version.of(2), Version.of(3));
        }
    }

    @Test
    void writesThatNeverGetAnAnswerEndInARetryableBackendExceptionAfterThreeTries() {
        String bucket = TestStores.newBucket();
        S3OnlyMetadataPort other = new S3OnlyMetadataPort(TestStores.client(), bucket, TestStores.PREFIX);
        other.createVersion(version(Version.of(1), Map.of("padding", PADDING)));
        AtomicInteger changes = new AtomicInteger();
        ChangeBeforeIfMatchPuts everyTime = new ChangeBeforeIfMatchPuts(Integer.MAX_VALUE,
                () -> other.createVersion(version(Version.of(1 + changes.incrementAndGet()), Map.of())));
        try (S3Client client = TestStores.client(everyTime)) {
            S3OnlyMetadataPort port = new S3OnlyMetadataPort(client, bucket, TestStores.PREFIX);

            assertThatThrownBy(() -> port.createVersion(version(Version.of(1000), Map.of())))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("did not answer 3 conditional writes")
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue());
            assertThat(port.listVersions("doc")).extracting(VersionRecord::version)
                    .doesNotContain(Version.of(1000)).hasSize(1 + changes.get());
        }
    }

    private static VersionRecord version(Version version, Map<String, String> metadata) {
        return new VersionRecord("doc", version, T, false, "ef".repeat(32), 7, "text/plain", metadata,
                BlobKeys.of("doc", version), Map.of(), 1);
    }

    /**
     * Runs a change of the document by another writer just before each of this client's first {@code times}
     * {@code If-Match} PutObjects.
     */
    private static final class ChangeBeforeIfMatchPuts implements ExecutionInterceptor {
        private final int times;
        private final Runnable change;
        private final AtomicInteger fired = new AtomicInteger();

        ChangeBeforeIfMatchPuts(int times, Runnable change) {
            this.times = times;
            this.change = change;
        }

        boolean fired() {
            return fired.get() > 0;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutObjectRequest put && put.ifMatch() != null
                    && fired.getAndUpdate(n -> n < times ? n + 1 : n) < times) {
                change.run();
            }
        }
    }
}
