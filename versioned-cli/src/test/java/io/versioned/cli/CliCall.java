package io.versioned.cli;

import io.versioned.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One invocation of {@code versioned} with generated arguments, as the CLI properties run it.
 *
 * @param command   the subcommand, for statistics
 * @param label     the invocation, shown when a property fails
 * @param names     the artifact names it names (valid or not), probed by the listings
 * @param aliases   the alias names it names (valid or not), probed by the listings
 * @param problems  each argument the documented rules refuse → words of which standard error must show one (the
 *                  option, the parameter's label or the rule's argument name); empty when every argument is valid
 * @param outcomes  the exit codes docs/cli.md allows for this command when its arguments are valid
 * @param arguments the arguments, made in a work folder (files, download targets)
 * @param stdin     what standard input holds
 * @param check     what must hold after the command succeeded
 */
record CliCall(String command, String label, List<String> names, List<String> aliases,
               Map<String, List<String>> problems, Set<Integer> outcomes, Arguments arguments, byte[] stdin,
               Check check) {

    CliCall {
        names = names.stream().filter(CliRules::artifactName).toList();
        aliases = aliases.stream().filter(CliRules::aliasName).toList();
        problems = Map.copyOf(problems);
        outcomes = Set.copyOf(outcomes);
    }

    @Override
    public String toString() {
        return label;
    }

    /** The command line, with its files made in {@code work}. */
    @FunctionalInterface
    interface Arguments {
        List<String> in(Path work) throws IOException;
    }

    /** What must hold after the command succeeded with {@code result}; {@code after} lists the repository. */
    @FunctionalInterface
    interface Check {
        void verify(Result result, Supplier<RepositoryListing> after);
    }
}
