package io.versioned.embedded;

import io.versioned.api.Artifact;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.testsupport.GeneratedContent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run in a JVM whose heap is far smaller than the content
 * ({@code java -Xmx64m ... LargeArtifactRoundTrip directory size seed}): through the public {@link Repository} of
 * {@link VersionedEmbedded#repository(Path)}, puts {@code size} bytes generated on the fly from {@code seed} (an
 * {@link InputStream} of unknown length, never held in memory), publishes them as version 1, reads version 1 back
 * through {@link Repository#openContent}, downloads it to a file with {@link Repository#download}, and puts that
 * file again, which must keep LATEST as it is (same SHA-256: nothing uploaded).
 *
 * <p>Prints one line per step, {@code <step> <sha256> <size>}, for {@code generated}, {@code put},
 * {@code published}, {@code read}, {@code downloaded} and {@code reput}; {@code blobs <file names>} before and after
 * the second put; and, for information only, the heap used after a GC and the peak of the heap pools. Exits 0 when
 * every SHA-256 and size agree and the second put uploaded nothing, 1 otherwise; an {@link OutOfMemoryError} ends
 * the JVM with another non-zero code.
 */
public final class LargeArtifactRoundTrip {

    private static final String NAME = "large_artifact";
    private static final int BUFFER = 64 * 1024;

    private LargeArtifactRoundTrip() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        System.out.println("max heap " + Runtime.getRuntime().maxMemory());
        boolean ok;
        try (Repository repository = VersionedEmbedded.repository(directory)) {
            GeneratedContent content = new GeneratedContent(size, seed);
            Artifact put = repository.putArtifact(NAME, content, PutOptions.none());
            String generated = content.sha256();
            report("generated", generated, content.position());
            report("put", put.sha256(), put.size());
            heap("after put");

            Artifact published = repository.publishArtifactVersion(NAME);
            report("published", published.sha256(), published.size());
            heap("after publish");

            Digest read;
            try (InputStream in = repository.openContent(NAME, Version.of(1))) {
                read = Digest.of(in);
            }
            report("read", read.sha256(), read.size());
            heap("after openContent");

            Path target = directory.resolve("downloaded.bin");
            Artifact downloaded = repository.download(NAME, Version.of(1), target);
            Digest file;
            try (InputStream in = Files.newInputStream(target)) {
                file = Digest.of(in);
            }
            report("downloaded", file.sha256(), file.size());
            heap("after download");

            Path blobs = directory.resolve(EmbeddedModule.BLOB_DIRECTORY_NAME).resolve(NAME);
            List<String> before = fileNames(blobs);
            System.out.println("blobs before reput " + before);
            Artifact reput = repository.putArtifact(NAME, target, PutOptions.none());
            List<String> after = fileNames(blobs);
            System.out.println("blobs after reput " + after);
            report("reput", reput.sha256(), reput.size());
            heap("after reput");

            boolean unchanged = reput.equals(put) && before.equals(after)
                    && repository.getArtifactVersion(NAME).equals(put);
            System.out.println("reput kept LATEST unchanged " + unchanged);
            ok = content.position() == size && unchanged
                    && Stream.of(put.sha256(), published.sha256(), read.sha256(), file.sha256(), downloaded.sha256())
                    .allMatch(generated::equals)
                    && Stream.of(put.size(), published.size(), read.size(), file.size(), downloaded.size())
                    .allMatch(n -> n == size);
        }
        peaks();
        System.exit(ok ? 0 : 1);
    }

    private static void report(String step, String sha256, long size) {
        System.out.println(step + " " + sha256 + " " + size);
    }

    /** Prints the heap in use after a full GC: for information only, nothing is asserted on it. */
    private static void heap(String when) {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("heap used after gc " + when + ": " + used / 1024 + " KiB");
    }

    /** Prints the sum of the peaks of the heap pools over the whole run: for information only. */
    private static void peaks() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
        System.out.println("heap pools peak used (sum): " + peak / 1024 + " KiB");
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The SHA-256 and size of a stream read to its end through a fixed buffer. */
    private record Digest(String sha256, long size) {
        static Digest of(InputStream in) throws IOException {
            MessageDigest digest = newDigest();
            byte[] buffer = new byte[BUFFER];
            long count = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                count += n;
            }
            return new Digest(HexFormat.of().formatHex(digest.digest()), count);
        }
    }
}
