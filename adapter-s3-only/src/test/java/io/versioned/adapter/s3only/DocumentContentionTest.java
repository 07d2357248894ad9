package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.AliasChange;
import io.versioned.api.AliasTarget;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.VersionRecord;
import io.versioned.testsupport.RequestCounter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Records of one block of versions (1 to 1000, …) share one document, so writers of different records race on its
 * ETag. Losing that
 * race is not a failed precondition: every such writer must succeed after re-reading. A conditional write whose
 * response was lost (and which the SDK then retried, getting 412 for its own write) also succeeds.
 */
class DocumentContentionTest {

    private static final int WRITERS = 8;
    private static final Instant T = Instant.parse("2025-06-01T10:15:30.123456Z");

    @Test
    void racingWritersOfDifferentVersionsOfOneArtifactAllSucceed() throws Exception {
        S3OnlyMetadataPort port = TestStores.newPort();
        port.createVersion(version(Version.LATEST, 1));

        race(i -> port.createVersion(version(Version.of(i + 1), 1)));
        race(i -> port.updateVersion(version(Version.of(i + 1), 2), 1));

        assertThat(port.listVersions("doc")).hasSize(WRITERS + 1);
        assertThat(port.listVersions("doc")).filteredOn(v -> !v.version().isLatest())
                .extracting(VersionRecord::revision).containsOnly(2L);

        race(i -> port.deleteVersion("doc", Version.of(i + 1), 2));

        assertThat(port.listVersions("doc")).containsExactly(version(Version.LATEST, 1));
    }

    @Test
    void racingWritersOfDifferentAliasesAndHistoryEntriesAllSucceed() throws Exception {
        S3OnlyMetadataPort port = TestStores.newPort();

        race(i -> port.createAlias(new AliasRecord("doc", "alias" + i, T, AliasTarget.of(Version.of(i + 1)), 1)));
        race(i -> port.appendAliasHistory(new AliasChange("doc", "production", i + 1, T, Optional.empty(),
                Optional.of(AliasTarget.of(Version.of(i + 1))))));

        assertThat(port.listAliases("doc")).hasSize(WRITERS);
        assertThat(port.aliasHistory("doc", "production", 100)).extracting(AliasChange::revision)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, WRITERS).mapToObj(i -> (long) (WRITERS + 1 - i))
                        .toList());
    }

    @Test
    void aConditionalWriteWhoseResponseWasLostIsRecognisedAsApplied() {
        LoseFirstConditionalPutResponse fault = new LoseFirstConditionalPutResponse();
        RequestCounter counter = new RequestCounter();
        try (S3Client client = TestStores.client(fault, counter)) {
            S3OnlyMetadataPort port = new S3OnlyMetadataPort(client, TestStores.newBucket(), TestStores.PREFIX);
            port.createVersion(version(Version.LATEST, 1));
            VersionRecord record = version(Version.of(1), 1);
            counter.clear();

            fault.arm();
            port.createVersion(record);

            assertThat(fault.fired()).isTrue();
            assertThat(counter.operations())
                    .containsExactly("GetObject", "ListObjectsV2", "PutObject", "PutObject", "GetObject");
            assertThat(port.getVersion("doc", Version.of(1))).contains(record);

            fault.arm();
            VersionRecord updated = record.withDeleted(true, T);
            port.updateVersion(updated, 1);

            assertThat(fault.fired()).isTrue();
            assertThat(port.getVersion("doc", Version.of(1))).contains(updated);
        }
    }

    private static void race(IntConsumer writer) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
        try {
            CyclicBarrier start = new CyclicBarrier(WRITERS);
            List<Future<Void>> results = IntStream.range(0, WRITERS).mapToObj(i -> executor.submit((Callable<Void>) () -> {
                start.await();
                writer.accept(i);
                return null;
            })).toList();
            for (Future<Void> result : results) {
                result.get();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static VersionRecord version(Version version, long revision) {
        return new VersionRecord("doc", version, T, false, "ef".repeat(32), 7, "text/plain", Map.of("k", "v"),
                BlobKeys.of("doc", version), Map.of(), revision);
    }

    /**
     * Turns the 200 of the next conditional PutObject into a 500 after the server applied it, as a lost response
     * would; the SDK then retries the request, and the server answers 412 since the object changed.
     */
    private static final class LoseFirstConditionalPutResponse implements ExecutionInterceptor {
        private final AtomicBoolean armed = new AtomicBoolean();
        private final AtomicBoolean fired = new AtomicBoolean();

        void arm() {
            fired.set(false);
            armed.set(true);
        }

        boolean fired() {
            return fired.get();
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            boolean conditional = context.request() instanceof PutObjectRequest put
                    && (put.ifMatch() != null || put.ifNoneMatch() != null);
            if (conditional && context.httpResponse().isSuccessful() && armed.compareAndSet(true, false)) {
                fired.set(true);
                return context.httpResponse().toBuilder().statusCode(500).build();
            }
            return context.httpResponse();
        }
    }
}
