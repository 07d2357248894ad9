package io.versioned.bench.backend;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobAttributes;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** A {@link BlobPort} that passes every call to another one and counts its failures in {@link PortFailures}. */
final class CountingBlobPort implements BlobPort {

    private final BlobPort delegate;
    private final PortFailures failures;

    CountingBlobPort(BlobPort delegate, PortFailures failures) {
        this.delegate = delegate;
        this.failures = failures;
    }

    @Override
    public void bootstrap() {
        counted(() -> {
            delegate.bootstrap();
            return null;
        });
    }

    @Override
    public void put(String key, InputStream content, BlobUpload upload) {
        counted(() -> {
            delegate.put(key, content, upload);
            return null;
        });
    }

    @Override
    public Optional<InputStream> open(String key) {
        return counted(() -> delegate.open(key));
    }

    @Override
    public void copy(String sourceKey, String sourceSha256, String targetKey) {
        counted(() -> {
            delegate.copy(sourceKey, sourceSha256, targetKey);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        counted(() -> {
            delegate.delete(key);
            return null;
        });
    }

    @Override
    public List<String> list(String prefix) {
        return counted(() -> delegate.list(prefix));
    }

    @Override
    public List<BlobEntry> listEntries(String prefix) {
        return counted(() -> delegate.listEntries(prefix));
    }

    @Override
    public List<BlobEntry> leftovers() {
        return counted(delegate::leftovers);
    }

    @Override
    public void deleteLeftover(String leftover) {
        counted(() -> {
            delegate.deleteLeftover(leftover);
            return null;
        });
    }

    @Override
    public String uri(String key) {
        return delegate.uri(key);
    }

    @Override
    public Set<BlobCapability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Map<String, String> tags(String key) {
        return counted(() -> delegate.tags(key));
    }

    @Override
    public void replaceWithCopy(String sourceKey, String targetKey, BlobUpload description) {
        counted(() -> {
            delegate.replaceWithCopy(sourceKey, targetKey, description);
            return null;
        });
    }

    @Override
    public List<String> artifactNames() {
        return counted(delegate::artifactNames);
    }

    @Override
    public Optional<BlobAttributes> attributes(String key) {
        return counted(() -> delegate.attributes(key));
    }

    @Override
    public void close() {
        delegate.close();
    }

    private <T> T counted(Supplier<T> call) {
        try {
            return call.get();
        } catch (PreconditionFailedException e) {
            failures.precondition();
            throw e;
        } catch (BackendException e) {
            failures.store();
            throw e;
        }
    }
}
