package io.versioned.bench.streaming;

import io.versioned.bench.BenchSection;
import io.versioned.bench.BenchServers;
import io.versioned.bench.BenchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Streaming: put and get of a large file (1 GiB; 24 MiB in a quick run) on the embedded and the S3 + DynamoDB
 * backends, measured in a child JVM whose heap is limited to 256 MiB ({@link ChildJvm}, {@link StreamingRun}),
 * each against a raw baseline measured in the same child: a file copy (forced to the disk with its folder, for the
 * put) for the embedded backend, a raw SDK multipart upload and GetObject for S3.
 *
 * <p>This JVM generates the seeded input files in the scratch folder, starts an s3proxy that keeps its objects in
 * files there ({@link FileStoreS3Server}; the shared in-memory one would hold the objects in this JVM's heap) and
 * the shared dynalite, and deletes every file afterwards. Disk: about three times the file at the peak.
 */
public final class StreamingSection implements BenchSection {

    private static final long MIB = 1024L * 1024;
    private static final long SEED = 20_240_601L;

    @Override
    public String title() {
        return "Streaming";
    }

    @Override
    public String run(BenchSettings settings) throws Exception {
        long size = settings.size(1024 * MIB, 24 * MIB);
        int repetitions = settings.size(3, 1);
        Duration timeout = Duration.ofMinutes(settings.size(30, 5));
        Path folder = Files.createDirectories(settings.scratch().resolve("streaming"));
        try {
            InputFile input = InputFile.generate(folder.resolve("input.bin"), size, SEED);
            InputFile warmUp = InputFile.generate(folder.resolve("warm-up.bin"), settings.size(32 * MIB, MIB),
                    SEED + 1);
            List<Measurement> measurements;
            try (FileStoreS3Server s3 = FileStoreS3Server.start(folder.resolve("s3"))) {
                BenchServers servers = settings.servers();
                StreamingPlan plan = new StreamingPlan(input, warmUp, repetitions, folder.resolve("child"),
                        s3.endpoint(), servers.dynamoDb().endpoint(), servers.freshName("streaming"),
                        servers.freshName("streaming-raw"), servers.freshName("streaming"),
                        folder.resolve("results.tsv"));
                measurements = ChildJvm.run(plan, timeout);
            }
            return description(size, warmUp.size(), repetitions) + "\n\n" + StreamingReport.table(size, measurements, settings.targets());
        } finally {
            deleteRecursively(folder);
        }
    }

    private static String description(long size, long warmUpSize, int repetitions) {
        return String.format(Locale.ROOT, "Put and get of a %s file of seeded pseudo-random bytes, in a child JVM "
                + "started with `-Xmx%s -XX:+ExitOnOutOfMemoryError`: it would die if any step held the file in "
                + "memory, and every byte that comes back is checked against the file's SHA-256. Each backend runs "
                + "an untimed warm-up round on a %s file, then %d timed round(s); a row gives the median throughput "
                + "with the slowest and the fastest round, and the ratio of its median time to its baseline's, "
                + "measured in the same child in the same rounds (above 1.00× the library is slower). Baselines: on "
                + "the embedded backend, `Files.copy` of the file then fsync of the copy and of its folder, as "
                + "durable as the library's put (put), and `Files.copy` of the blob the library stored (get); "
                + "on S3 + DynamoDB, a raw SDK v2 multipart upload with the library's part size and parallelism "
                + "(CreateMultipartUpload, UploadPart of slices read in place, CompleteMultipartUpload) into a "
                + "bucket of its own (put), and one GetObject of the object the library stored, written to a file "
                + "(get). The library's put stores the bytes and records the version. On the embedded backend "
                + "it reads the file once: hashed on its way into a temporary file, which is "
                + "forced to the disk and linked into place. On S3 it reads the file twice: its SHA-256 first "
                + "(stored as the object's metadata, so that a publish copies the object without reading it back), "
                + "then the upload, which checks that SHA-256 while streaming before it completes; each part "
                + "carries a CRC32C for the server to verify, not a second SHA-256 (docs/architecture.md, \"A put "
                + "reads its file once and hashes each byte once\"). The download verifies the SHA-256 while "
                + "streaming and moves the finished file into place. On S3 + DynamoDB a put of new content also "
                + "copies the stored object to `{name}/LATEST` for the Python library (a server-side CopyObject "
                + "of the same size). The second table times steps of the library's transfers alone, in the same "
                + "rounds: one SHA-256 pass over the file, and on S3 + DynamoDB that CopyObject. Heap, from the child's garbage-collector "
                + "notifications, the largest of the rounds: the peak in use during the transfer (garbage "
                + "included) and the most still in use just after a collection (what the transfer kept alive, plus old garbage a young "
                + "collection leaves). S3 is s3proxy keeping its objects in files (in the benchmark JVM, on the "
                + "same 2 cores and disk), DynamoDB is dynalite; the files fit in the OS page cache, so the "
                + "embedded get baseline runs at about memory speed, and the put baseline at the speed the disk "
                + "takes the forced bytes.",
                mib(size), ChildJvm.MAX_HEAP, mib(warmUpSize), repetitions);
    }

    private static String mib(long bytes) {
        return bytes % (1024 * MIB) == 0 ? bytes / (1024 * MIB) + " GiB" : bytes / MIB + " MiB";
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
