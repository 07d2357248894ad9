package io.versioned.tck;

import io.versioned.api.Repository;
import io.versioned.api.VersionedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One call of the public {@link Repository} API with generated arguments, as the property suites run it: what it
 * does, which of its arguments the documented rules call invalid, which failures its Javadoc documents for valid
 * arguments, and what must hold once it succeeded.
 *
 * @param method             the API method, for statistics
 * @param label              the call with its arguments, shown when a property fails
 * @param names              the valid artifact names the call touches, probed by the store snapshots
 * @param aliases            the valid alias names the call touches, probed by the store snapshots
 * @param invalidArguments   the arguments that break a documented rule, named as an
 *                           {@link IllegalArgumentException} message must start; empty when every argument is valid
 * @param documentedFailures the exceptions the call may throw for valid arguments, as its Javadoc documents them
 * @param action             the call itself
 * @param check              what must hold after the call succeeded
 */
record ApiCall(String method, String label, List<String> names, List<String> aliases, Set<String> invalidArguments,
               Set<Class<? extends VersionedException>> documentedFailures, Action action, Check check) {

    ApiCall {
        names = names.stream().filter(InputRules::artifactName).toList();
        aliases = aliases.stream().filter(InputRules::aliasName).toList();
        invalidArguments = Set.copyOf(invalidArguments);
        documentedFailures = Set.copyOf(documentedFailures);
    }

    @Override
    public String toString() {
        return label;
    }

    /** Runs the call against a repository; {@code work} is a private folder for files and download targets. */
    @FunctionalInterface
    interface Action {
        Object run(Repository repository, Path work) throws Exception;
    }

    /**
     * Checks, after the call returned {@code result}, what it promised: {@code before} is the store before the call,
     * {@code now} reads it again.
     */
    @FunctionalInterface
    interface Check {
        void verify(Repository repository, StoreSnapshot before, Supplier<StoreSnapshot> now, Object result)
                throws Exception;
    }
}
