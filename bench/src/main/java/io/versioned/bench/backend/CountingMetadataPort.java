package io.versioned.bench.backend;

import io.versioned.api.AliasChange;
import io.versioned.api.BackendException;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.core.port.VersionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** A {@link MetadataPort} that passes every call to another one and counts its failures in {@link PortFailures}. */
final class CountingMetadataPort implements MetadataPort {

    private final MetadataPort delegate;
    private final PortFailures failures;

    CountingMetadataPort(MetadataPort delegate, PortFailures failures) {
        this.delegate = delegate;
        this.failures = failures;
    }

    @Override
    public void bootstrap() {
        run(delegate::bootstrap);
    }

    @Override
    public Optional<VersionRecord> getVersion(String name, Version version) {
        return counted(() -> delegate.getVersion(name, version));
    }

    @Override
    public List<VersionRecord> listVersions(String name) {
        return counted(() -> delegate.listVersions(name));
    }

    @Override
    public List<VersionRecord> newestVersions(String name) {
        return counted(() -> delegate.newestVersions(name));
    }

    @Override
    public void createVersion(VersionRecord record) {
        run(() -> delegate.createVersion(record));
    }

    @Override
    public void updateVersion(VersionRecord record, long expectedRevision) {
        run(() -> delegate.updateVersion(record, expectedRevision));
    }

    @Override
    public void deleteVersion(String name, Version version, long expectedRevision) {
        run(() -> delegate.deleteVersion(name, version, expectedRevision));
    }

    @Override
    public Set<Version> deleteVersions(String name, Map<Version, Long> expectedRevisions) {
        return counted(() -> delegate.deleteVersions(name, expectedRevisions));
    }

    @Override
    public void deleteVersionKeepingNumber(String name, Version version, long expectedRevision) {
        run(() -> delegate.deleteVersionKeepingNumber(name, version, expectedRevision));
    }

    @Override
    public int allocateVersionNumber(String name, int atLeast) {
        return counted(() -> delegate.allocateVersionNumber(name, atLeast));
    }

    @Override
    public Optional<AliasRecord> getAlias(String name, String alias) {
        return counted(() -> delegate.getAlias(name, alias));
    }

    @Override
    public List<AliasRecord> listAliases(String name) {
        return counted(() -> delegate.listAliases(name));
    }

    @Override
    public void createAlias(AliasRecord record) {
        run(() -> delegate.createAlias(record));
    }

    @Override
    public void updateAlias(AliasRecord record, long expectedRevision) {
        run(() -> delegate.updateAlias(record, expectedRevision));
    }

    @Override
    public void deleteAlias(String name, String alias, long expectedRevision) {
        run(() -> delegate.deleteAlias(name, alias, expectedRevision));
    }

    @Override
    public void appendAliasHistory(AliasChange change) {
        run(() -> delegate.appendAliasHistory(change));
    }

    @Override
    public List<AliasChange> aliasHistory(String name, String alias, int limit) {
        return counted(() -> delegate.aliasHistory(name, alias, limit));
    }

    @Override
    public void registerArtifactName(String name) {
        run(() -> delegate.registerArtifactName(name));
    }

    @Override
    public List<String> listArtifactNames() {
        return counted(delegate::listArtifactNames);
    }

    @Override
    public void purgeArtifact(String name) {
        run(() -> delegate.purgeArtifact(name));
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void run(Runnable call) {
        counted(() -> {
            call.run();
            return null;
        });
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
