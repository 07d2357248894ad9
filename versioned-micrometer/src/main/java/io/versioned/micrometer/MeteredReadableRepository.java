package io.versioned.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.Artifact;
import io.versioned.api.ReadableRepository;
import io.versioned.api.ResolvedContent;
import io.versioned.api.Version;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link ReadableRepository} that reports every call to a Micrometer {@link MeterRegistry} and otherwise does
 * exactly what the repository it wraps does (same results, same exceptions):
 *
 * <ul>
 *   <li>{@code versioned.operations}, a timer tagged {@code operation} (the method name), {@code backend} and
 *       {@code outcome}: {@code success}, {@code not_found}, {@code conflict}, {@code bad_input},
 *       {@code store_failure}, {@code integrity_failure} or {@code error};</li>
 *   <li>{@code versioned.bytes}, a counter tagged {@code backend} and {@code direction=download}: the bytes
 *       returned by {@code getContent}, read from the streams of {@code openContent} and written by
 *       {@code download}.</li>
 * </ul>
 *
 * <p>{@code openContent} is timed until the stream is returned; its bytes are counted as they are read. Thread-safe
 * when the wrapped repository is; closing it closes the wrapped repository. See {@code docs/ecosystem.md}.
 */
public class MeteredReadableRepository implements ReadableRepository {

    private final ReadableRepository delegate;
    final RepositoryMeters meters;

    /**
     * @param delegate the repository to measure; closed with this one
     * @param registry where the meters go
     * @param backend  the {@code backend} tag, e.g. the URI scheme ({@code memory}, {@code s3+dynamodb})
     * @throws IllegalArgumentException if an argument is null or {@code backend} blank
     */
    public MeteredReadableRepository(ReadableRepository delegate, MeterRegistry registry, String backend) {
        if (delegate == null) {
            throw new IllegalArgumentException("delegate: must not be null");
        }
        this.delegate = delegate;
        this.meters = new RepositoryMeters(registry, backend);
    }

    @Override
    public Artifact getArtifactVersion(String name) {
        return meters.time("getArtifactVersion", () -> delegate.getArtifactVersion(name));
    }

    @Override
    public Artifact getArtifactVersion(String name, Version version) {
        return meters.time("getArtifactVersion", () -> delegate.getArtifactVersion(name, version));
    }

    @Override
    public List<Artifact> listArtifactVersions(String name) {
        return meters.time("listArtifactVersions", () -> delegate.listArtifactVersions(name));
    }

    @Override
    public List<String> listArtifactNames() {
        return meters.time("listArtifactNames", delegate::listArtifactNames);
    }

    @Override
    public int getLatestPublishedVersionNumber(String name) {
        return meters.time("getLatestPublishedVersionNumber", () -> delegate.getLatestPublishedVersionNumber(name));
    }

    @Override
    public byte[] getContent(String name, Version version) {
        byte[] content = meters.time("getContent", () -> delegate.getContent(name, version));
        meters.downloaded(content.length);
        return content;
    }

    @Override
    public InputStream openContent(String name, Version version) {
        return meters.counting(meters.time("openContent", () -> delegate.openContent(name, version)), false);
    }

    @Override
    public Artifact download(String name, Version version, Path target) {
        Artifact artifact = meters.time("download", () -> delegate.download(name, version, target));
        meters.downloaded(artifact.size());
        return artifact;
    }

    @Override
    public Alias getAlias(String name, String alias) {
        return meters.time("getAlias", () -> delegate.getAlias(name, alias));
    }

    @Override
    public List<Alias> listAliases(String name) {
        return meters.time("listAliases", () -> delegate.listAliases(name));
    }

    @Override
    public Artifact resolve(String name, String alias) {
        return meters.time("resolve", () -> delegate.resolve(name, alias));
    }

    @Override
    public Artifact resolve(String name, String alias, String routingKey) {
        return meters.time("resolve", () -> delegate.resolve(name, alias, routingKey));
    }

    @Override
    public ResolvedContent resolveContent(String name, String alias) {
        return meters.time("resolveContent", () -> delegate.resolveContent(name, alias));
    }

    @Override
    public ResolvedContent resolveContent(String name, String alias, String routingKey) {
        return meters.time("resolveContent", () -> delegate.resolveContent(name, alias, routingKey));
    }

    @Override
    public List<AliasChange> getAliasHistory(String name, String alias) {
        return meters.time("getAliasHistory", () -> delegate.getAliasHistory(name, alias));
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Metered[" + delegate + "]";
    }
}
