package io.versioned.bench.scale;

import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.bench.BenchServers;
import io.versioned.bench.backend.BenchBackend;
import io.versioned.bench.backend.Hashes;
import io.versioned.core.port.BlobKeys;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.VersionRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fills an artifact with numbered versions: through the public API (put + publish, one version at a time) for as
 * long as a time budget allows, then below the API for the rest, writing exactly what a publish leaves behind: the
 * bytes under {@link BlobKeys#of}, a version record at revision 1 with the content's SHA-256, size and the default
 * content type ({@code PublishOperation}'s record), the version counter raised to the last number, and LATEST put
 * again through the API with the last version's content. On most backends the records go through the metadata
 * port's {@code createVersion}, one per version, several at a time; on S3 only they go into the artifact's block
 * documents at once ({@link VersionDocumentsWriter}).
 */
final class VersionPopulator {

    private static final String CONTENT_TYPE = "application/octet-stream";

    private final BenchBackend backend;
    private final BenchServers servers;
    private final int threads;

    /**
     * @param backend the repository to fill
     * @param servers the local servers, for a raw S3 client on the S3-only backend
     * @param threads how many threads write below the API
     */
    VersionPopulator(BenchBackend backend, BenchServers servers, int threads) {
        this.backend = backend;
        this.servers = servers;
        this.threads = threads;
    }

    /** The content of version {@code number} of {@code name}: small and different for every version. */
    static byte[] content(String name, int number) {
        return ("versioned bench scale: " + name + " version " + number + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Gives the new artifact {@code name} versions 1 to {@code count}, publishing through the API for at most
     * {@code apiBudget} (none when it is zero).
     *
     * @throws IllegalStateException if a publish got another number than expected
     * @throws Exception             if a write below the API failed
     */
    Population populate(String name, int count, Duration apiBudget) throws Exception {
        Repository repository = backend.repository();
        long start = System.nanoTime();
        int published = 0;
        while (published < count && System.nanoTime() - start < apiBudget.toNanos()) {
            published++;
            repository.putArtifact(name, content(name, published));
            Artifact version = repository.publishArtifactVersion(name);
            if (version.version().number() != published) {
                throw new IllegalStateException("publishing version " + published + " of " + name + " made version "
                        + version.version());
            }
        }
        long apiNanos = System.nanoTime() - start;
        if (published == count) {
            return new Population(count, count, apiNanos, 0);
        }
        long portStart = System.nanoTime();
        List<VersionRecord> written = writeBelowApi(name, published + 1, count);
        if (backend.s3OnlyConfig().isPresent()) {
            TreeMap<Version, VersionRecord> all = new TreeMap<>();
            backend.metadata().listVersions(name).forEach(record -> all.put(record.version(), record));
            written.forEach(record -> all.put(record.version(), record));
            try (S3Client client = servers.s3().client()) {
                new VersionDocumentsWriter(client, backend.s3OnlyConfig().get(), backend.metadata())
                        .write(name, List.copyOf(all.values()));
            }
        }
        backend.metadata().allocateVersionNumber(name, count);
        repository.putArtifact(name, content(name, count));
        return new Population(count, published, apiNanos, System.nanoTime() - portStart);
    }

    /** Writes the bytes (and, unless on S3 only, the records) of versions {@code from} to {@code to}. */
    private List<VersionRecord> writeBelowApi(String name, int from, int to) throws Exception {
        boolean recordsByPort = backend.s3OnlyConfig().isEmpty();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<VersionRecord>> futures = new ArrayList<>();
            for (int number = from; number <= to; number++) {
                int n = number;
                futures.add(pool.submit(() -> {
                    VersionRecord record = writeBytes(name, n);
                    if (recordsByPort) {
                        backend.metadata().createVersion(record);
                    }
                    return record;
                }));
            }
            List<VersionRecord> records = new ArrayList<>();
            for (Future<VersionRecord> future : futures) {
                records.add(future.get());
            }
            return records;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Stores the bytes of version {@code number} and returns the record a publish of them would create. */
    private VersionRecord writeBytes(String name, int number) {
        byte[] bytes = content(name, number);
        String sha256 = Hashes.sha256(bytes);
        Version version = Version.of(number);
        String key = BlobKeys.of(name, version);
        backend.blobs().put(key, new ByteArrayInputStream(bytes),
                new BlobUpload(bytes.length, Optional.of(sha256), CONTENT_TYPE, Map.of()));
        return new VersionRecord(name, version, Instant.now().truncatedTo(ChronoUnit.MICROS), false, sha256,
                bytes.length, CONTENT_TYPE, Map.of(), key, Map.of(), 1);
    }
}
