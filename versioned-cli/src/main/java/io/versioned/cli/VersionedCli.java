package io.versioned.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * The entry point of the {@code versioned} command. {@link #commandLine(CliContext)} builds the whole command
 * (tests run it in-process with their own context, output writers and repository factory); {@link #main} runs
 * it on the real process and exits with its {@link ExitCodes exit code}.
 */
public final class VersionedCli {

    private VersionedCli() {
    }

    /** Runs {@code versioned} with {@code args} and exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        CliContext context = CliContext.system();
        CommandLine commandLine = commandLine(context);
        commandLine.setColorScheme(Help.defaultColorScheme(context.interactive() ? Help.Ansi.AUTO : Help.Ansi.OFF));
        System.exit(commandLine.execute(args));
    }

    /**
     * The {@code versioned} command with every subcommand, the value converters, the error handlers and the exit
     * codes wired, and no colours. The repository a command opens is released when the command returns.
     *
     * @param context what the command takes from its surroundings
     */
    public static CommandLine commandLine(CliContext context) {
        VersionedCommand root = new VersionedCommand(context);
        CommandLine commandLine = new CommandLine(root);
        Converters.register(commandLine);
        ErrorHandler errors = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                root.close();
            }
        });
        return commandLine;
    }
}
