package io.versioned.cli;

import io.versioned.api.AliasNotFoundException;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.ConflictException;
import picocli.CommandLine;

/** The exit codes of {@code versioned}, and the one place that maps exceptions to them. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The artifact, version or alias does not exist. */
    public static final int NOT_FOUND = 1;
    /** Bad usage or input: unknown option, missing parameter, invalid name, version, duration or URI. */
    public static final int USAGE = 2;
    /** A precondition or a concurrent writer made the operation impossible; nothing was changed. */
    public static final int CONFLICT = 3;
    /** The store failed, or bytes do not match their SHA-256. */
    public static final int FAILURE = 4;

    private ExitCodes() {
    }

    /** The exit code for an exception that ended a command. */
    public static int of(Throwable exception) {
        if (exception instanceof ArtifactNotFoundException || exception instanceof AliasNotFoundException) {
            return NOT_FOUND;
        }
        if (exception instanceof IllegalArgumentException || exception instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (exception instanceof ConflictException) {
            return CONFLICT;
        }
        return FAILURE;
    }
}
