package io.versioned.cli;

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

    VersionedCommand root() {
        return (VersionedCommand) spec.root().userObject();
    }

    Repository repository() {
        return root().repository();
    }

    Output output() {
        return root().output();
    }
}
