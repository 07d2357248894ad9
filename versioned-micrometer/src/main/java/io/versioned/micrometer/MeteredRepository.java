package io.versioned.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.versioned.api.Alias;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.PurgeResult;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@link Repository} that reports every call to a Micrometer {@link MeterRegistry}: the meters of
 * {@link MeteredReadableRepository}, for the writes too, and {@code versioned.bytes} with
 * {@code direction=upload} for the bytes handed to {@code putArtifact} (the array, the file, or what was read from
 * the stream), whether or not the store needed them.
 *
 * <pre>{@code
 * Repository repository = new MeteredRepository(Versioned.open(uri), meterRegistry, "s3+dynamodb");
 * }</pre>
 *
 * <p>Results and exceptions are the wrapped repository's, unchanged. The core has no Micrometer dependency; this
 * module is the only place it is used.
 */
public final class MeteredRepository extends MeteredReadableRepository implements Repository {

    private final Repository delegate;

    /**
     * @param delegate the repository to measure; closed with this one
     * @param registry where the meters go
     * @param backend  the {@code backend} tag, e.g. the URI scheme ({@code memory}, {@code s3+dynamodb})
     * @throws IllegalArgumentException if an argument is null or {@code backend} blank
     */
    public MeteredRepository(Repository delegate, MeterRegistry registry, String backend) {
        super(delegate, registry, backend);
        this.delegate = delegate;
    }

    @Override
    public void bootstrap() {
        meters.run("bootstrap", delegate::bootstrap);
    }

    @Override
    public Artifact putArtifact(String name, byte[] content) {
        Artifact artifact = meters.time("putArtifact", () -> delegate.putArtifact(name, content));
        meters.uploaded(content.length);
        return artifact;
    }

    @Override
    public Artifact putArtifact(String name, byte[] content, PutOptions options) {
        Artifact artifact = meters.time("putArtifact", () -> delegate.putArtifact(name, content, options));
        meters.uploaded(content.length);
        return artifact;
    }

    @Override
    public Artifact putArtifact(String name, Path file, PutOptions options) {
        Artifact artifact = meters.time("putArtifact", () -> delegate.putArtifact(name, file, options));
        meters.uploaded(artifact.size());
        return artifact;
    }

    @Override
    public Artifact putArtifact(String name, InputStream content, PutOptions options) {
        InputStream counted = content == null ? null : meters.counting(content, true);
        return meters.time("putArtifact", () -> delegate.putArtifact(name, counted, options));
    }

    @Override
    public Artifact publishArtifactVersion(String name) {
        return meters.time("publishArtifactVersion", () -> delegate.publishArtifactVersion(name));
    }

    @Override
    public void deleteArtifactVersion(String name, Version version) {
        meters.run("deleteArtifactVersion", () -> delegate.deleteArtifactVersion(name, version));
    }

    @Override
    public Artifact restoreArtifactVersion(String name, Version version) {
        return meters.time("restoreArtifactVersion", () -> delegate.restoreArtifactVersion(name, version));
    }

    @Override
    public Alias putAlias(String name, String alias, Version version) {
        return meters.time("putAlias", () -> delegate.putAlias(name, alias, version));
    }

    @Override
    public Alias putAlias(String name, String alias, Version version, Version secondary, int secondaryWeight) {
        return meters.time("putAlias", () -> delegate.putAlias(name, alias, version, secondary, secondaryWeight));
    }

    @Override
    public Alias putAlias(String name, String alias, AliasTarget target, long expectedRevision) {
        return meters.time("putAlias", () -> delegate.putAlias(name, alias, target, expectedRevision));
    }

    @Override
    public void deleteAlias(String name, String alias) {
        meters.run("deleteAlias", () -> delegate.deleteAlias(name, alias));
    }

    @Override
    public PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan) {
        return meters.time("purgeArtifactVersions",
                () -> delegate.purgeArtifactVersions(name, keepLastN, purgeOlderThan));
    }

    @Override
    public PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan, boolean dryRun) {
        return meters.time("purgeArtifactVersions",
                () -> delegate.purgeArtifactVersions(name, keepLastN, purgeOlderThan, dryRun));
    }

    @Override
    public void purgeArtifact(String name) {
        meters.run("purgeArtifact", () -> delegate.purgeArtifact(name));
    }

    @Override
    public void purgeAll() {
        meters.run("purgeAll", delegate::purgeAll);
    }
}
