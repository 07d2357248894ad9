package io.versioned.cli;

import io.versioned.api.BackendException;
import io.versioned.api.VersionedException;
import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every failure as one line on standard error and returns its {@link ExitCodes exit code}: invalid
 * input (picocli parameter errors) with a pointer to the command's help, and exceptions thrown by a command with
 * their message (saying so when a store failure is temporary); a stack trace follows only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** picocli's message for a map option's value without {@code =}, which names the option twice. */
    private static final Pattern NOT_KEY_VALUE =
            Pattern.compile("Value for option option '([^']+)' \\([^)]*\\) should be in KEY=VALUE format but was (.*)",
                    Pattern.DOTALL);

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        String command = commandLine.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(command).append(": ").append(problem(exception));
        if (exception instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
            }
        }
        line.append(" (see '").append(command).append(" --help')");
        report(commandLine, line.toString(), exception);
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        String message = exception instanceof VersionedException || exception instanceof IllegalArgumentException
                ? oneLine(exception.getMessage())
                : exception.getClass().getSimpleName() + ": " + oneLine(exception.getMessage())
                        + (verbose(commandLine) ? "" : " (run with --verbose for details)");
        if (exception instanceof BackendException backend && backend.isRetryable()) {
            message += " (temporary: try again)";
        }
        report(commandLine, "versioned: error: " + message, exception);
        return ExitCodes.of(exception);
    }

    /**
     * What is wrong, in one line. An unknown option comes first: picocli leaves an argument such as {@code -x} aside
     * and may then report the positional parameter that is missing because of it.
     */
    private static String problem(ParameterException exception) {
        if (!(exception instanceof UnmatchedArgumentException)) {
            ParseResult parsed = exception.getCommandLine().getParseResult();
            List<String> unknown = parsed == null ? List.of() : parsed.unmatched().stream()
                    .filter(argument -> argument.startsWith("-") && !argument.equals("-")).toList();
            if (!unknown.isEmpty()) {
                return oneLine("Unknown option" + (unknown.size() > 1 ? "s" : "") + ": '"
                        + String.join("', '", unknown) + "'");
            }
        }
        Matcher keyValue = NOT_KEY_VALUE.matcher(String.valueOf(exception.getMessage()));
        if (keyValue.matches()) {
            return oneLine(keyValue.group(1) + ": must be KEY=VALUE, got '" + keyValue.group(2) + "'");
        }
        return oneLine(exception.getMessage());
    }

    private static void report(CommandLine commandLine, String line, Exception exception) {
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText(line));
        if (verbose(commandLine)) {
            exception.printStackTrace(err);
        }
        err.flush();
    }

    private static boolean verbose(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().userObject() instanceof VersionedCommand root && root.verbose();
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
