package io.versioned.adapter.inmemory;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link BlobPort} in memory, for tests and demos. Blobs are byte arrays, so content must fit in the heap.
 * Thread-safe; supports tagging. A blob's last-modified time is when it was put or copied, by the system clock. Puts are atomic, so there are no leftovers.
 */
public final class InMemoryBlobPort implements BlobPort {

    private record Blob(byte[] bytes, String sha256, Map<String, String> tags, Instant lastModified) {
    }

    private final String storeId;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentSkipListMap<String, Blob> blobs = new ConcurrentSkipListMap<>();

    /** @param storeId names this store in its URIs: {@code mem://{storeId}/{key}} */
    public InMemoryBlobPort(String storeId) {
        this.storeId = storeId;
    }

    @Override
    public void bootstrap() {
        // nothing to create
    }

    @Override
    public void put(String key, InputStream content, BlobUpload upload) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new BackendException("reading the content for " + key + " failed", e, false);
        }
        String sha256 = sha256(bytes);
        if (upload.sha256().isPresent() && !upload.sha256().get().equals(sha256)) {
            throw new PreconditionFailedException("content of " + key + " does not match the given sha256");
        }
        if (blobs.putIfAbsent(key, new Blob(bytes, sha256, upload.tags(), clock.instant())) != null) {
            throw new PreconditionFailedException("blob " + key + " already exists");
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        return Optional.ofNullable(blobs.get(key)).map(blob -> new ByteArrayInputStream(blob.bytes()));
    }

    @Override
    public void copy(String sourceKey, String sourceSha256, String targetKey) {
        Blob source = blobs.get(sourceKey);
        if (source == null) {
            throw new PreconditionFailedException("copy source " + sourceKey + " does not exist");
        }
        if (!source.sha256().equals(sourceSha256)) {
            throw new PreconditionFailedException("copy source " + sourceKey + " has other bytes than expected");
        }
        if (blobs.putIfAbsent(targetKey, new Blob(source.bytes(), source.sha256(), source.tags(), clock.instant()))
                != null) {
            throw new PreconditionFailedException("copy target " + targetKey + " already exists");
        }
    }

    @Override
    public void delete(String key) {
        blobs.remove(key);
    }

    @Override
    public List<BlobEntry> listEntries(String prefix) {
        return blobs.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .map(entry -> new BlobEntry(entry.getKey(), entry.getValue().bytes().length,
                        entry.getValue().lastModified()))
                .toList();
    }

    @Override
    public String uri(String key) {
        return "mem://" + storeId + "/" + key;
    }

    @Override
    public Set<BlobCapability> capabilities() {
        return Set.of(BlobCapability.TAGGING);
    }

    @Override
    public Map<String, String> tags(String key) {
        Blob blob = blobs.get(key);
        return blob == null ? Map.of() : blob.tags();
    }

    /**
     * Replaces the bytes of {@code key} behind the port's back, to simulate corruption in tests.
     */
    public void corrupt(String key, byte[] bytes) {
        blobs.computeIfPresent(key,
                (k, blob) -> new Blob(bytes.clone(), blob.sha256(), blob.tags(), blob.lastModified()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
