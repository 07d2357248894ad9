package io.versioned.tck.fault;

import io.versioned.api.AliasChange;
import io.versioned.api.Version;
import io.versioned.core.port.AliasRecord;
import io.versioned.core.port.MetadataPort;
import io.versioned.core.port.VersionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link MetadataPort} whose calls go through a {@link FaultInjector}. */
public final class FaultyMetadataPort implements MetadataPort {

    private final MetadataPort delegate;
    private final FaultInjector faults;

    /**
     * Decorates {@code delegate}.
     *
     * @param delegate the port whose calls go through the injector
     * @param faults   fails the calls its policy picks
     */
    public FaultyMetadataPort(MetadataPort delegate, FaultInjector faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public void bootstrap() {
        faults.run("metadata bootstrap", delegate::bootstrap);
    }

    @Override
    public Optional<VersionRecord> getVersion(String name, Version version) {
        return faults.call("getVersion", () -> delegate.getVersion(name, version));
    }

    @Override
    public List<VersionRecord> listVersions(String name) {
        return faults.call("listVersions", () -> delegate.listVersions(name));
    }

    @Override
    public List<VersionRecord> newestVersions(String name) {
        return faults.call("newestVersions", () -> delegate.newestVersions(name));
    }

    @Override
    public void createVersion(VersionRecord record) {
        faults.run("createVersion", () -> delegate.createVersion(record));
    }

    @Override
    public void updateVersion(VersionRecord record, long expectedRevision) {
        faults.run("updateVersion", () -> delegate.updateVersion(record, expectedRevision));
    }

    @Override
    public void deleteVersion(String name, Version version, long expectedRevision) {
        faults.run("deleteVersion", () -> delegate.deleteVersion(name, version, expectedRevision));
    }

    @Override
    public Set<Version> deleteVersions(String name, Map<Version, Long> expectedRevisions) {
        return faults.call("deleteVersions", () -> delegate.deleteVersions(name, expectedRevisions));
    }

    @Override
    public void deleteVersionKeepingNumber(String name, Version version, long expectedRevision) {
        faults.run("deleteVersionKeepingNumber",
                () -> delegate.deleteVersionKeepingNumber(name, version, expectedRevision));
    }

    @Override
    public int allocateVersionNumber(String name, int atLeast) {
        return faults.call("allocateVersionNumber", () -> delegate.allocateVersionNumber(name, atLeast));
    }

    @Override
    public Optional<AliasRecord> getAlias(String name, String alias) {
        return faults.call("getAlias", () -> delegate.getAlias(name, alias));
    }

    @Override
    public List<AliasRecord> listAliases(String name) {
        return faults.call("listAliases", () -> delegate.listAliases(name));
    }

    @Override
    public void createAlias(AliasRecord record) {
        faults.run("createAlias", () -> delegate.createAlias(record));
    }

    @Override
    public void updateAlias(AliasRecord record, long expectedRevision) {
        faults.run("updateAlias", () -> delegate.updateAlias(record, expectedRevision));
    }

    @Override
    public void deleteAlias(String name, String alias, long expectedRevision) {
        faults.run("deleteAlias", () -> delegate.deleteAlias(name, alias, expectedRevision));
    }

    @Override
    public void appendAliasHistory(AliasChange change) {
        faults.run("appendAliasHistory", () -> delegate.appendAliasHistory(change));
    }

    @Override
    public List<AliasChange> aliasHistory(String name, String alias, int limit) {
        return faults.call("aliasHistory", () -> delegate.aliasHistory(name, alias, limit));
    }

    @Override
    public void registerArtifactName(String name) {
        faults.run("registerArtifactName", () -> delegate.registerArtifactName(name));
    }

    @Override
    public List<String> listArtifactNames() {
        return faults.call("listArtifactNames", delegate::listArtifactNames);
    }

    @Override
    public void purgeArtifact(String name) {
        faults.run("purgeArtifact", () -> delegate.purgeArtifact(name));
    }
}
