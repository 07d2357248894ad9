package io.versioned.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI takes from its surroundings, injected so that tests can run it in-process: how repositories are
 * opened, the clock for relative times, standard input and a byte stream for binary output, the environment,
 * and whether a person is at a terminal (which enables progress bars and colours).
 *
 * @param repositories opens the repository named by {@code --repo}
 * @param clock        the time "now" for relative times such as {@code 3 minutes ago}
 * @param stdin        read by {@code put NAME -}
 * @param binaryOut    written by {@code get NAME -o -}; text goes to the command line's {@code getOut()} writer
 * @param environment  the environment variables ({@code VERSIONED_REPO})
 * @param interactive  true when a person is at a terminal (standard error, or standard input and output, is one)
 */
public record CliContext(RepositoryFactory repositories, Clock clock, InputStream stdin, PrintStream binaryOut,
                         Map<String, String> environment, boolean interactive) {

    /** The name of the environment variable that chooses the repository when {@code --repo} is absent. */
    public static final String REPO_VARIABLE = "VERSIONED_REPO";

    /** The repository used when neither {@code --repo} nor {@code VERSIONED_REPO} is given. */
    public static final String DEFAULT_REPOSITORY = "embedded:./.versioned";

    public CliContext {
        Objects.requireNonNull(repositories, "repositories");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(binaryOut, "binaryOut");
        environment = Map.copyOf(environment);
    }

    /** The real process: repositories opened through the providers on the class path, the system clock, standard streams and environment. */
    public static CliContext system() {
        Map<String, String> environment = System.getenv();
        return new CliContext(new ProviderRepositoryFactory(environment), Clock.systemUTC(), System.in, System.out,
                environment, System.console() != null || standardErrorIsATerminal());
    }

    /**
     * True if standard error is a terminal, where progress bars go, even when standard input or output is a pipe
     * ({@code seq ... | versioned put db -}). Known on Linux (the target of {@code /proc/self/fd/2}); elsewhere false.
     */
    private static boolean standardErrorIsATerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The repository URI text to use: {@code option} if given, else {@code VERSIONED_REPO}, else the default. */
    public String repositoryText(String option) {
        if (option != null) {
            return option;
        }
        String variable = environment.get(REPO_VARIABLE);
        return variable == null || variable.isBlank() ? DEFAULT_REPOSITORY : variable;
    }
}
