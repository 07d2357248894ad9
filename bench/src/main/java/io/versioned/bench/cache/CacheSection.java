package io.versioned.bench.cache;

import io.versioned.api.Artifact;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.bench.BenchSection;
import io.versioned.bench.BenchSettings;
import io.versioned.bench.MarkdownTable;
import io.versioned.bench.Samples;
import io.versioned.bench.requests.CountedBackend;
import io.versioned.bench.requests.RequestCount;
import io.versioned.bench.streaming.InputFile;
import io.versioned.cache.AliasListener;
import io.versioned.cache.AliasWatch;
import io.versioned.cache.CacheListener;
import io.versioned.cache.CachingRepository;
import io.versioned.cache.LocalAlias;
import io.versioned.core.spi.CacheSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The consuming side (docs/serving.md) on S3 + DynamoDB on the local servers: a cached {@code resolve} (requests
 * counted at the SDK, latency beside an uncached one), a second {@code download} from the cache beside a plain copy of
 * the cached file, and the time from {@code putAlias} to the watch's listener beside the poll interval plus the
 * download it needs.
 */
public final class CacheSection implements BenchSection {

    private static final String NAME = "model";
    private static final String ALIAS = "production";
    private static final Duration INTERVAL = Duration.ofMillis(200);
    /** Longer than the cache's settling time of a changed file (docs/serving.md). */
    private static final Duration SETTLED = Duration.ofSeconds(3);

    @Override
    public String title() {
        return "Cache and watch";
    }

    @Override
    public String run(BenchSettings settings) throws Exception {
        Path folder = Files.createDirectories(settings.scratch().resolve("cache"));
        try (CountedBackend backend = CountedBackend.s3AndDynamoDb(settings.servers());
             CachingRepository cache = new CachingRepository(backend.repository(),
                     new CacheSettings(folder.resolve("cache"), Duration.ofHours(1), CacheSettings.DEFAULT_MAX_BYTES,
                             CacheSettings.DEFAULT_MAX_STALE), Clock.systemUTC(), CacheListener.NONE)) {
            Repository store = backend.repository();
            long size = settings.size(100L << 20, 1L << 20);
            Path file = InputFile.generate(folder.resolve("content.bin"), size, 0).path();
            store.putArtifact(NAME, file, PutOptions.none());
            store.publishArtifactVersion(NAME);
            store.putAlias(NAME, ALIAS, Version.of(1));

            MarkdownTable table = new MarkdownTable("measurement", "median", "p99", "baseline", "baseline median",
                    "ratio", "target", "met");
            resolve(settings, backend, cache, table);
            download(settings, cache, folder, size, table);
            watch(settings, store, cache, file, table);
            return "On S3 + DynamoDB (local servers), through `CachingRepository` (time-to-live 1 h); content of "
                    + (size >> 20) + " MiB. Requests are counted at the SDK "
                    + "(as in \"Requests per operation\").\n\n" + table;
        }
    }

    private static void resolve(BenchSettings settings, CountedBackend backend, CachingRepository cache,
                                MarkdownTable table) {
        cache.resolve(NAME, ALIAS);
        int batches = settings.size(200, 5);
        int perBatch = 1_000;
        long[] cached = new long[batches];
        RequestCount requests = backend.measure(() -> {
            for (int batch = 0; batch < batches; batch++) {
                long start = System.nanoTime();
                for (int i = 0; i < perBatch; i++) {
                    cache.resolve(NAME, ALIAS);
                }
                cached[batch] = (System.nanoTime() - start) / perBatch;
            }
        });
        int uncachedRuns = settings.size(200, 5);
        long[] uncached = new long[uncachedRuns];
        for (int i = 0; i < uncachedRuns; i++) {
            long start = System.nanoTime();
            backend.repository().resolve(NAME, ALIAS);
            uncached[i] = System.nanoTime() - start;
        }
        Samples hit = new Samples(cached);
        Samples miss = new Samples(uncached);
        table.row("cached `resolve` (mean of 1,000 per sample); store requests: " + requests.total(),
                Samples.duration(hit.median()), Samples.duration(hit.p99()), "uncached `resolve`",
                Samples.duration(miss.median()), hit.ratioTo(miss), "0 requests, median ≤ 2 µs",
                requests.total() == 0 && hit.median() <= 2_000 ? "yes" : "no");
    }

    private static void download(BenchSettings settings, CachingRepository cache, Path folder, long size,
                                 MarkdownTable table) throws Exception {
        Path cachedFile = cache.file(cache.getArtifactVersion(NAME, Version.of(1)));
        // A cached file is trusted without hashing only once its change time is a few seconds old (docs/serving.md,
        // "unchanged-file proof"); a second download comes that much later in practice.
        Thread.sleep(SETTLED.toMillis());
        int runs = settings.size(9, 2);
        long[] fromCache = new long[runs];
        long[] copies = new long[runs];
        for (int run = 0; run < runs; run++) {
            Path target = folder.resolve("download-" + run);
            long start = System.nanoTime();
            cache.download(NAME, Version.of(1), target);
            fromCache[run] = System.nanoTime() - start;
            Files.delete(target);
            Path copy = folder.resolve("copy-" + run);
            start = System.nanoTime();
            Files.copy(cachedFile, copy, StandardCopyOption.REPLACE_EXISTING);
            copies[run] = System.nanoTime() - start;
            Files.delete(copy);
        }
        Samples download = new Samples(fromCache);
        Samples copy = new Samples(copies);
        double speedRatio = (double) copy.median() / download.median();
        table.row("second `download` of " + (size >> 20) + " MiB, from the cache", Samples.duration(download.median()),
                Samples.duration(download.p99()), "`Files.copy` of the cached file", Samples.duration(copy.median()),
                download.ratioTo(copy), "speed ≥ 0.9× the copy", speedRatio >= 0.9 ? "yes" : "no");
    }

    private static void watch(BenchSettings settings, Repository store, CachingRepository cache, Path file,
                              MarkdownTable table) throws Exception {
        BlockingQueue<LocalAlias> changes = new ArrayBlockingQueue<>(16);
        AliasListener listener = changes::add;
        int rounds = settings.size(10, 2);
        long[] latencies = new long[rounds];
        long[] downloads = new long[rounds];
        try (AliasWatch watch = cache.watch(NAME, ALIAS, INTERVAL, listener)) {
            changes.poll(60, TimeUnit.SECONDS);
            for (int round = 0; round < rounds; round++) {
                Path changed = InputFile.generate(file.resolveSibling("content-" + (round + 1) + ".bin"),
                        Files.size(file), round + 1).path();
                store.putArtifact(NAME, changed, PutOptions.none());
                Artifact published = store.publishArtifactVersion(NAME);
                long start = System.nanoTime();
                store.putAlias(NAME, ALIAS, published.version());
                LocalAlias seen = changes.poll(60, TimeUnit.SECONDS);
                latencies[round] = System.nanoTime() - start;
                if (seen == null || !seen.primary().version().equals(published.version())) {
                    throw new IllegalStateException("the watch did not report version " + published.version()
                            + " within 60 s");
                }
                Path copy = file.resolveSibling("fetched");
                long fetchStart = System.nanoTime();
                try (InputStream in = store.openContent(NAME, published.version())) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                downloads[round] = System.nanoTime() - fetchStart;
                Files.delete(copy);
            }
        }
        Samples latency = new Samples(latencies);
        Samples bound = new Samples(Arrays.stream(downloads).map(d -> d + INTERVAL.toNanos()).toArray());
        table.row("`putAlias` to the listener (interval " + INTERVAL.toMillis() + " ms)",
                Samples.duration(latency.median()), Samples.duration(latency.p99()), "interval + download",
                Samples.duration(bound.median()), latency.ratioTo(bound), "≤ 1.2×",
                latency.median() <= 1.2 * bound.median() ? "yes" : "no");
    }
}
