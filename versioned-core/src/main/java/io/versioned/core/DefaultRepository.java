package io.versioned.core;

import io.versioned.api.Alias;
import io.versioned.api.AliasChange;
import io.versioned.api.AliasNotFoundException;
import io.versioned.api.AliasTarget;
import io.versioned.api.Artifact;
import io.versioned.api.BackendException;
import io.versioned.api.ConflictException;
import io.versioned.api.Names;
import io.versioned.api.PurgeResult;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.ResolvedContent;
import io.versioned.api.Routing;
import io.versioned.api.Version;
import io.versioned.api.VersionedException;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.VersionRecord;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The {@link Repository} for any pair of ports: validates arguments, applies every rule of docs/semantics.md, and
 * turns any failure of a port into a {@link VersionedException}. The record writes this object makes to one artifact
 * take turns ({@link ArtifactWriteTurns}), so that its own threads do not lose compare-and-set races to each other;
 * reads never wait. Make one with {@link Repositories#of} or
 * {@link VersionedCoreModule}.
 */
public final class DefaultRepository implements Repository {

    private final Stores stores;
    private final RecordViews views;
    private final PutOperation puts;
    private final PublishOperation publishes;
    private final VersionLifecycle lifecycle;
    private final AliasOperations aliases;
    private final PurgeOperation purges;
    private final ContentReader reader;
    private final ArtifactWriteTurns turns = new ArtifactWriteTurns();

    /**
     * Composes the repository over two stores; nothing is read or written until the first call.
     *
     * @param blobs    where the bytes live
     * @param metadata where the version and alias records live
     * @param clock    the one source of time: timestamps of versions and aliases, purge cut-offs
     */
    @Inject
    public DefaultRepository(BlobPort blobs, MetadataPort metadata, Clock clock) {
        this.stores = new Stores(blobs, metadata, clock);
        this.views = new RecordViews(stores);
        AliasGuard guard = new AliasGuard(stores);
        this.puts = new PutOperation(stores, views, turns);
        this.publishes = new PublishOperation(stores, views);
        this.lifecycle = new VersionLifecycle(stores, views, guard);
        this.aliases = new AliasOperations(stores, views, guard);
        this.purges = new PurgeOperation(stores, guard);
        this.reader = new ContentReader(stores, views);
    }

    @Override
    public void bootstrap() {
        run(() -> {
            stores.blobs().bootstrap();
            stores.metadata().bootstrap();
        });
    }

    @Override
    public Artifact putArtifact(String name, byte[] content) {
        return putArtifact(name, content, PutOptions.none());
    }

    @Override
    public Artifact putArtifact(String name, byte[] content, PutOptions options) {
        Names.artifact(name);
        Names.notNull("content", content);
        Names.notNull("options", options);
        return guarded(() -> puts.put(name, Content.of(content), options));
    }

    @Override
    public Artifact putArtifact(String name, Path file, PutOptions options) {
        Names.artifact(name);
        Names.notNull("file", file);
        Names.notNull("options", options);
        Content content = Content.of(file);
        return guarded(() -> puts.put(name, content, options));
    }

    @Override
    public Artifact putArtifact(String name, InputStream content, PutOptions options) {
        Names.artifact(name);
        Names.notNull("content", content);
        Names.notNull("options", options);
        return guarded(() -> puts.put(name, Content.of(content), options));
    }

    @Override
    public Artifact getArtifactVersion(String name) {
        return getArtifactVersion(name, Version.LATEST);
    }

    @Override
    public Artifact getArtifactVersion(String name, Version version) {
        Names.artifact(name);
        Names.version(version);
        return guarded(() -> views.artifact(reader.live(name, version)));
    }

    @Override
    public List<Artifact> listArtifactVersions(String name) {
        Names.artifact(name);
        return guarded(() -> stores.metadata().listVersions(name).stream().filter(record -> !record.deleted())
                .sorted(Comparator.comparing(VersionRecord::version, Version.NEWEST_FIRST)).map(views::artifact)
                .toList());
    }

    @Override
    public Artifact publishArtifactVersion(String name) {
        Names.artifact(name);
        return written(name, () -> publishes.publish(name));
    }

    @Override
    public void deleteArtifactVersion(String name, Version version) {
        Names.artifact(name);
        Names.version(version);
        written(name, () -> lifecycle.delete(name, version));
    }

    @Override
    public Artifact restoreArtifactVersion(String name, Version version) {
        Names.artifact(name);
        Names.version(version);
        return written(name, () -> lifecycle.restore(name, version));
    }

    @Override
    public List<String> listArtifactNames() {
        return guarded(() -> stores.blobs().capabilities().contains(BlobCapability.SHARED_WITH_PYTHON)
                ? stores.blobs().artifactNames() : stores.metadata().listArtifactNames());
    }

    @Override
    public int getLatestPublishedVersionNumber(String name) {
        Names.artifact(name);
        return guarded(() -> stores.metadata().listVersions(name).stream()
                .filter(record -> !record.deleted() && !record.version().isLatest())
                .mapToInt(record -> record.version().number()).max().orElse(0));
    }

    @Override
    public byte[] getContent(String name, Version version) {
        Names.artifact(name);
        Names.version(version);
        return guarded(() -> reader.bytes(name, version));
    }

    @Override
    public InputStream openContent(String name, Version version) {
        Names.artifact(name);
        Names.version(version);
        return guarded(() -> reader.open(name, version).stream());
    }

    @Override
    public Artifact download(String name, Version version, Path target) {
        Names.artifact(name);
        Names.version(version);
        Names.notNull("target", target);
        return guarded(() -> reader.download(name, version, target));
    }

    @Override
    public Alias putAlias(String name, String alias, Version version) {
        return putAlias(name, alias, version, null, 0);
    }

    @Override
    public Alias putAlias(String name, String alias, Version version, Version secondary, int secondaryWeight) {
        AliasTarget target = checkedTarget(name, alias, version, secondary, secondaryWeight);
        return written(name, () -> aliases.put(name, alias, target, OptionalLong.empty()));
    }

    @Override
    public Alias putAlias(String name, String alias, AliasTarget target, long expectedRevision) {
        Names.notNull("target", target);
        checkedTarget(name, alias, target.version(), target.secondaryVersion().orElse(null),
                target.secondaryVersionWeight());
        if (expectedRevision < 0) {
            throw new IllegalArgumentException("expectedRevision: must be >= 0 (0: the alias must not exist), got "
                    + expectedRevision);
        }
        return written(name, () -> aliases.put(name, alias, target, OptionalLong.of(expectedRevision)));
    }

    @Override
    public Alias getAlias(String name, String alias) {
        Names.artifact(name);
        Names.alias(alias);
        return guarded(() -> views.alias(aliasRecord(name, alias)));
    }

    @Override
    public List<Alias> listAliases(String name) {
        Names.artifact(name);
        return guarded(() -> views.aliases(name, stores.metadata().listAliases(name)));
    }

    @Override
    public void deleteAlias(String name, String alias) {
        Names.artifact(name);
        Names.alias(alias);
        written(name, () -> aliases.delete(name, alias));
    }

    @Override
    public Artifact resolve(String name, String alias) {
        Names.artifact(name);
        Names.alias(alias);
        return picked(name, alias, ThreadLocalRandom.current().nextInt(100), this::resolved);
    }

    @Override
    public Artifact resolve(String name, String alias, String routingKey) {
        Names.artifact(name);
        Names.alias(alias);
        Names.notNull("routingKey", routingKey);
        return picked(name, alias, Routing.bucket(name, alias, routingKey), this::resolved);
    }

    @Override
    public ResolvedContent resolveContent(String name, String alias) {
        Names.artifact(name);
        Names.alias(alias);
        return picked(name, alias, ThreadLocalRandom.current().nextInt(100), reader::resolvedContent);
    }

    @Override
    public ResolvedContent resolveContent(String name, String alias, String routingKey) {
        Names.artifact(name);
        Names.alias(alias);
        Names.notNull("routingKey", routingKey);
        return picked(name, alias, Routing.bucket(name, alias, routingKey), reader::resolvedContent);
    }

    /** Reads the alias record and gives it, with the target it picks for {@code bucket} (0–99), to {@code read}. */
    private <T> T picked(String name, String alias, int bucket, BiFunction<AliasRecord, Version, T> read) {
        return guarded(() -> {
            AliasRecord record = aliasRecord(name, alias);
            return read.apply(record, record.target().pick(bucket));
        });
    }

    @Override
    public List<AliasChange> getAliasHistory(String name, String alias) {
        Names.artifact(name);
        Names.alias(alias);
        return guarded(() -> stores.metadata().aliasHistory(name, alias, Integer.MAX_VALUE));
    }

    @Override
    public PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan) {
        return purgeArtifactVersions(name, keepLastN, purgeOlderThan, false);
    }

    @Override
    public PurgeResult purgeArtifactVersions(String name, int keepLastN, Duration purgeOlderThan, boolean dryRun) {
        Names.artifact(name);
        if (keepLastN < 0) {
            throw new IllegalArgumentException("keepLastN: must be >= 0, got " + keepLastN);
        }
        Names.notNull("purgeOlderThan", purgeOlderThan);
        if (purgeOlderThan.isNegative()) {
            throw new IllegalArgumentException("purgeOlderThan: must not be negative, got " + purgeOlderThan);
        }
        return written(name, () -> purges.purgeVersions(name, keepLastN, purgeOlderThan, dryRun));
    }

    @Override
    public void purgeArtifact(String name) {
        Names.artifact(name);
        written(name, () -> purges.purgeArtifact(name));
    }

    @Override
    public void purgeAll() {
        run(purges::purgeAll);
    }

    @Override
    public void close() {
        run(() -> {
            try {
                stores.blobs().close();
            } finally {
                stores.metadata().close();
            }
        });
    }

    /**
     * The artifact of the picked target: from the facts the alias record carries (one metadata read in all), else
     * from the version record (LATEST, or an alias row without facts).
     */
    private Artifact resolved(AliasRecord record, Version picked) {
        return record.factsOf(picked).map(facts -> views.artifact(record.name(), picked, facts))
                .orElseGet(() -> views.artifact(reader.live(record.name(), picked)));
    }

    private AliasRecord aliasRecord(String name, String alias) {
        return stores.metadata().getAlias(name, alias).orElseThrow(
                () -> new AliasNotFoundException("alias " + alias + " of " + name + " does not exist"));
    }

    private static AliasTarget checkedTarget(String name, String alias, Version version, Version secondary,
                                             int secondaryWeight) {
        Names.artifact(name);
        Names.alias(alias);
        Names.version(version);
        if (secondaryWeight < 0 || secondaryWeight > 99) {
            throw new IllegalArgumentException("secondaryWeight: must be from 0 to 99, got " + secondaryWeight);
        }
        if (secondary == null && secondaryWeight != 0) {
            throw new IllegalArgumentException("secondaryWeight: must be 0 when there is no secondary version, got "
                    + secondaryWeight);
        }
        if (secondary != null && secondary.equals(version)) {
            throw new IllegalArgumentException("secondary: must differ from the primary version " + version);
        }
        return new AliasTarget(version, Optional.ofNullable(secondary), secondary == null ? 0 : secondaryWeight);
    }

    /** Like {@link #guarded(Supplier)} for operations without a result. */
    /** Runs a write of artifact {@code name} in its turn among this object's writes of it, guarded. */
    private <T> T written(String name, Supplier<T> write) {
        return guarded(() -> turns.inTurn(name, write));
    }

    /** Runs a write of artifact {@code name} in its turn, as {@link #written(String, Supplier)}. */
    private void written(String name, Runnable write) {
        run(() -> turns.inTurn(name, write));
    }

    private static void run(Runnable operation) {
        guarded(() -> {
            operation.run();
            return null;
        });
    }

    /** Runs {@code operation}, letting the API's exceptions through and wrapping anything else a port threw. */
    private static <T> T guarded(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (VersionedException | IllegalArgumentException e) {
            throw e;
        } catch (PreconditionFailedException e) {
            throw new ConflictException(e.getMessage());
        } catch (RuntimeException e) {
            throw new BackendException("the store failed: " + e, e, false);
        }
    }
}
