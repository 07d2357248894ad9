package io.versioned.tck.fault;

import io.versioned.core.port.BlobAttributes;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobEntry;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link BlobPort} whose calls go through a {@link FaultInjector}. */
public final class FaultyBlobPort implements BlobPort {

    private final BlobPort delegate;
    private final FaultInjector faults;

    /**
     * Decorates {@code delegate}.
     *
     * @param delegate the port whose calls go through the injector
     * @param faults   fails the calls its policy picks
     */
    public FaultyBlobPort(BlobPort delegate, FaultInjector faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public void bootstrap() {
        faults.run("blob bootstrap", delegate::bootstrap);
    }

    @Override
    public void put(String key, InputStream content, BlobUpload upload) {
        faults.run("blob put " + key, () -> delegate.put(key, content, upload));
    }

    @Override
    public Optional<InputStream> open(String key) {
        return faults.call("blob open " + key, () -> delegate.open(key),
                stream -> stream.ifPresent(FaultyBlobPort::closeQuietly));
    }

    @Override
    public void copy(String sourceKey, String sourceSha256, String targetKey) {
        faults.run("blob copy " + sourceKey + " to " + targetKey,
                () -> delegate.copy(sourceKey, sourceSha256, targetKey));
    }

    @Override
    public void delete(String key) {
        faults.run("blob delete " + key, () -> delegate.delete(key));
    }

    @Override
    public List<String> list(String prefix) {
        return faults.call("blob list " + prefix, () -> delegate.list(prefix));
    }

    @Override
    public List<BlobEntry> listEntries(String prefix) {
        return faults.call("blob list " + prefix, () -> delegate.listEntries(prefix));
    }

    @Override
    public List<BlobEntry> leftovers() {
        return faults.call("blob leftovers", delegate::leftovers);
    }

    @Override
    public void deleteLeftover(String leftover) {
        faults.run("blob delete leftover " + leftover, () -> delegate.deleteLeftover(leftover));
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
        return delegate.tags(key);
    }

    @Override
    public void replaceWithCopy(String sourceKey, String targetKey, BlobUpload description) {
        faults.run("blob replaceWithCopy " + sourceKey + " to " + targetKey,
                () -> delegate.replaceWithCopy(sourceKey, targetKey, description));
    }

    @Override
    public List<String> artifactNames() {
        return faults.call("blob artifactNames", delegate::artifactNames);
    }

    @Override
    public Optional<BlobAttributes> attributes(String key) {
        return faults.call("blob attributes " + key, () -> delegate.attributes(key));
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
