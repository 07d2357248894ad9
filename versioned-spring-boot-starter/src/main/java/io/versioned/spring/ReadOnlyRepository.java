package io.versioned.spring;

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
 * The reading half of a repository and nothing else: it cannot be cast back to a {@code Repository} to write. Its
 * {@link #close()} does nothing; the repository read belongs to whoever opened it.
 */
final class ReadOnlyRepository implements ReadableRepository {

    private final ReadableRepository repository;

    ReadOnlyRepository(ReadableRepository repository) {
        this.repository = repository;
    }

    @Override
    public Artifact getArtifactVersion(String name) {
        return repository.getArtifactVersion(name);
    }

    @Override
    public Artifact getArtifactVersion(String name, Version version) {
        return repository.getArtifactVersion(name, version);
    }

    @Override
    public List<Artifact> listArtifactVersions(String name) {
        return repository.listArtifactVersions(name);
    }

    @Override
    public List<String> listArtifactNames() {
        return repository.listArtifactNames();
    }

    @Override
    public int getLatestPublishedVersionNumber(String name) {
        return repository.getLatestPublishedVersionNumber(name);
    }

    @Override
    public byte[] getContent(String name, Version version) {
        return repository.getContent(name, version);
    }

    @Override
    public InputStream openContent(String name, Version version) {
        return repository.openContent(name, version);
    }

    @Override
    public Artifact download(String name, Version version, Path target) {
        return repository.download(name, version, target);
    }

    @Override
    public Alias getAlias(String name, String alias) {
        return repository.getAlias(name, alias);
    }

    @Override
    public List<Alias> listAliases(String name) {
        return repository.listAliases(name);
    }

    @Override
    public Artifact resolve(String name, String alias) {
        return repository.resolve(name, alias);
    }

    @Override
    public Artifact resolve(String name, String alias, String routingKey) {
        return repository.resolve(name, alias, routingKey);
    }

    @Override
    public ResolvedContent resolveContent(String name, String alias) {
        return repository.resolveContent(name, alias);
    }

    @Override
    public ResolvedContent resolveContent(String name, String alias, String routingKey) {
        return repository.resolveContent(name, alias, routingKey);
    }

    @Override
    public List<AliasChange> getAliasHistory(String name, String alias) {
        return repository.getAliasHistory(name, alias);
    }

    @Override
    public void close() {
        // the repository read belongs to whoever opened it
    }

    @Override
    public String toString() {
        return "ReadOnly[" + repository + "]";
    }
}
