package io.versioned.bench.operations;

import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.io.IOException;
import java.util.List;

/** The library's side of a row: the public {@link Repository} API, whatever the backend behind it. */
final class LibraryWorkload implements Workload {

    private static final Version FIRST = Version.of(1);
    private static final Version SECOND = Version.of(2);

    private final Repository repository;
    private final Cleanup cleanup;
    private final Fixture.FreshContent fresh = new Fixture.FreshContent();
    private final PublishRotation rotation = new PublishRotation();
    private Version aliasTarget = FIRST;
    private int switchesSinceTidy;

    /**
     * Sets up the artifacts of {@link Fixture} in {@code repository} (bootstrapped, empty); closes the repository and
     * runs {@code cleanup} if that fails.
     *
     * @param cleanup run after the repository is closed, to remove its store (bucket, table, folder)
     */
    static LibraryWorkload open(Repository repository, Cleanup cleanup) throws IOException {
        try {
            return new LibraryWorkload(repository, cleanup);
        } catch (RuntimeException e) {
            try {
                repository.close();
            } finally {
                cleanup.run();
            }
            throw e;
        }
    }

    /** Removes a repository's store once the repository is closed. */
    @FunctionalInterface
    interface Cleanup {
        void run() throws IOException;
    }

    private LibraryWorkload(Repository repository, Cleanup cleanup) {
        this.repository = repository;
        this.cleanup = cleanup;
        publishWithAlias(Fixture.SMALL, Fixture.content(Fixture.SMALL_SIZE));
        publishWithAlias(Fixture.LARGE, Fixture.content(Fixture.LARGE_SIZE));
        for (int i = 0; i < Fixture.LISTED_VERSIONS; i++) {
            repository.putArtifact(Fixture.LIST, fresh.next());
            repository.publishArtifactVersion(Fixture.LIST);
        }
        repository.putArtifact(Fixture.PUT, fresh.next());
        createSwitchArtifact();
    }

    private void publishWithAlias(String name, byte[] content) {
        repository.putArtifact(name, content);
        repository.putAlias(name, Fixture.ALIAS, repository.publishArtifactVersion(name).version());
    }

    private void createSwitchArtifact() {
        for (int i = 0; i < 2; i++) {
            repository.putArtifact(Fixture.SWITCH, fresh.next());
            repository.publishArtifactVersion(Fixture.SWITCH);
        }
        repository.putAlias(Fixture.SWITCH, Fixture.ALIAS, FIRST);
        aliasTarget = FIRST;
    }

    @Override
    public byte[] resolveAndRead(String artifact) {
        return repository.resolveContent(artifact, Fixture.ALIAS).content();
    }

    @Override
    public Object put() {
        return repository.putArtifact(Fixture.PUT, fresh.next());
    }

    @Override
    public void prepareLatest() {
        rotation.advance().ifPresent(repository::purgeArtifact);
        repository.putArtifact(rotation.artifact(), fresh.next());
    }

    @Override
    public Object publish() {
        return repository.publishArtifactVersion(rotation.artifact());
    }

    @Override
    public Object switchAlias() {
        aliasTarget = aliasTarget.equals(FIRST) ? SECOND : FIRST;
        switchesSinceTidy++;
        return repository.putAlias(Fixture.SWITCH, Fixture.ALIAS, aliasTarget);
    }

    @Override
    public List<Artifact> listVersions() {
        return repository.listArtifactVersions(Fixture.LIST);
    }

    /** Purges and re-creates the alias artifact, whose history grows by one entry per switch, if it was switched. */
    @Override
    public void tidy() {
        if (switchesSinceTidy > 0) {
            repository.purgeArtifact(Fixture.SWITCH);
            createSwitchArtifact();
            switchesSinceTidy = 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            repository.close();
        } finally {
            cleanup.run();
        }
    }
}
