package io.versioned.cli;

import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.Repository;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The base of every subcommand: reaches the global options and the repository through the top command. */
abstract class Subcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return run(root());
    }

    /**
     * Does the command's work and returns its exit code; exceptions are reported by {@link ErrorHandler}.
     */
    abstract int run(VersionedCommand root) throws Exception;

    /**
     * True if this command may create the repository when it does not exist yet ({@code init}, {@code put}); every
     * other command refuses a local repository that does not exist.
     */
    boolean createsRepository() {
        return false;
    }

    VersionedCommand root() {
        return (VersionedCommand) spec.root().userObject();
    }

    Repository repository() {
        return root().repository();
    }

    Output output() {
        return root().output();
    }

    /**
     * True if the artifact {@code name} exists: it has a live version, or is in the repository's list of names (for
     * example with every version soft-deleted).
     */
    boolean artifactExists(String name) {
        return !repository().listArtifactVersions(name).isEmpty() || repository().listArtifactNames().contains(name);
    }

    /** Throws {@link ArtifactNotFoundException} (exit code 1) unless {@link #artifactExists the artifact exists}. */
    void requireArtifact(String name) {
        if (!artifactExists(name)) {
            throw new ArtifactNotFoundException("artifact " + name + " does not exist");
        }
    }
}
