package io.versioned.bench.streaming;

import io.versioned.api.Artifact;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.bench.streaming.Measurement.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The child JVM of the streaming section ({@code java -Xmx256m -XX:+ExitOnOutOfMemoryError -cp ...
 * io.versioned.bench.streaming.StreamingRun key=value...}, see {@link StreamingPlan}). For the embedded backend,
 * then for S3 + DynamoDB, it runs one untimed warm-up round on the plan's small file, then the timed rounds on the
 * measured file. A round: the library's put of the file ({@link Repository#putArtifact(String, Path, PutOptions)}),
 * its download ({@link Repository#download}), the raw read of the same stored bytes, a purge, then the raw write of
 * the file; after the put, the parts of a put timed alone ({@link Backend#putParts}, then one SHA-256 pass over the
 * file). Each transfer is timed on its own with the heap peak measured over it ({@link HeapMeter}); every
 * SHA-256 the library returns and every downloaded file's SHA-256 is checked against the file's, outside the timing.
 *
 * <p>Writes the timed transfers to the plan's results file ({@link Measurement#toLine()}) and progress to standard
 * output; exits 0 on success and 1 on any failure (an {@link OutOfMemoryError} ends the JVM with its own code).
 */
public final class StreamingRun {

    private static final double MIB = 1024.0 * 1024;
    /** The part every put and get of the library contains: hashing the content once (a get verifies it). */
    private static final String SHA256_PART = "SHA-256 of the file, one pass (MessageDigest), as every put and get does";

    private final StreamingPlan plan;
    private final HeapMeter heap = new HeapMeter();
    private final List<Measurement> measurements = new ArrayList<>();

    private StreamingRun(StreamingPlan plan) {
        this.plan = plan;
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            StreamingPlan plan = StreamingPlan.parse(args);
            List<Measurement> measurements = new StreamingRun(plan).run();
            Files.write(plan.results(), measurements.stream().map(Measurement::toLine).toList(),
                    StandardCharsets.UTF_8);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.out.flush();
        System.exit(status);
    }

    private List<Measurement> run() throws Exception {
        Files.createDirectories(plan.work());
        log(String.format(Locale.ROOT, "max heap %.0f MiB; %d round(s) of %.0f MiB per backend",
                Runtime.getRuntime().maxMemory() / MIB, plan.repetitions(), plan.input().size() / MIB));
        try (Backend embedded = new EmbeddedBackend(plan.work().resolve("embedded"))) {
            measure(embedded);
        }
        try (Backend aws = AwsBackend.open(plan, true)) {
            measure(aws);
        }
        try (Backend notShared = AwsBackend.open(plan, false)) {
            measure(notShared);
        }
        return measurements;
    }

    private void measure(Backend backend) throws Exception {
        round(backend, plan.warmUp(), "warm-up", false);
        for (int i = 1; i <= plan.repetitions(); i++) {
            round(backend, plan.input(), "round-" + i, true);
        }
    }

    private void round(Backend backend, InputFile file, String name, boolean timed) throws Exception {
        Repository repository = backend.repository();
        Path target = plan.work().resolve("downloaded.bin");

        Artifact put = record(backend, "put", Side.LIBRARY, "putArtifact(name, Path, PutOptions)", file, timed,
                () -> repository.putArtifact(name, file.path(), PutOptions.none()));
        check("the put's artifact", put.sha256(), put.size(), file);
        for (Backend.Part part : backend.putParts(name, file.size())) {
            record(backend, "put", Side.PART, part.call(), file, timed, part.action());
        }
        String sha256 = record(backend, "put", Side.PART, SHA256_PART, file, timed,
                () -> InputFile.sha256Of(file.path()));
        check("the hashed file", sha256, file.size(), file);
        if (timed) {
            Measurement hashing = measurements.get(measurements.size() - 1);
            measurements.add(new Measurement(backend.name(), "get", Side.PART, SHA256_PART, hashing.nanos(),
                    hashing.heap()));
        }

        record(backend, "get", Side.LIBRARY, "download(name, LATEST, Path)", file, timed,
                () -> repository.download(name, Version.LATEST, target));
        checkAndDelete("the download", target, file);

        record(backend, "get", Side.BASELINE, backend.baselineGetCall(), file, timed,
                backend.baselineGet(name, file.size(), target));
        checkAndDelete("the baseline's download", target, file);
        repository.purgeArtifact(name);

        record(backend, "put", Side.BASELINE, backend.baselinePutCall(), file, timed, () -> {
            backend.baselinePut(name, file.path());
            return null;
        });
        backend.deleteBaseline(name);
    }

    /** Runs {@code action}, measuring its time and heap use, and returns its result. */
    private <T> T record(Backend backend, String operation, Side side, String call, InputFile file,
                         boolean timed, Callable<T> action) throws Exception {
        heap.start();
        long start = System.nanoTime();
        T result = action.call();
        long nanos = System.nanoTime() - start;
        HeapMeter.Usage usage = heap.stop();
        if (timed) {
            measurements.add(new Measurement(backend.name(), operation, side, call, nanos, usage));
        }
        log(String.format(Locale.ROOT, "%s%s %s, %s: %.0f MiB in %.2f s (%.0f MiB/s), heap peak %.0f MiB, "
                        + "after GC at most %.0f MiB",
                timed ? "" : "warm-up: ", backend.name(), operation, call, file.size() / MIB, nanos / 1e9,
                file.size() / MIB / (nanos / 1e9), usage.peak() / MIB, usage.afterCollection() / MIB));
        return result;
    }

    private static void checkAndDelete(String what, Path downloaded, InputFile file) throws IOException {
        check(what, InputFile.sha256Of(downloaded), Files.size(downloaded), file);
        Files.delete(downloaded);
    }

    private static void check(String what, String sha256, long size, InputFile file) {
        if (!sha256.equals(file.sha256()) || size != file.size()) {
            throw new IllegalStateException(what + " has SHA-256 " + sha256 + " and " + size + " bytes, expected "
                    + file.sha256() + " and " + file.size() + " bytes");
        }
    }

    private static void log(String message) {
        System.out.println("streaming: " + message);
    }
}
