package io.versioned.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParseResult;

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
     * codes wired, and no colours. The repository a command opens is released when the command returns. A command
     * whose result could not be written to standard output (a full disk, a closed pipe) exits with
     * {@link ExitCodes#FAILURE}.
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
                return checkOutput(parseResult, context, new CommandLine.RunLast().execute(parseResult));
            } finally {
                root.close();
            }
        });
        return commandLine;
    }

    /**
     * {@code exitCode}, or {@link ExitCodes#FAILURE} with one error line if it is a success whose text could not be
     * written: picocli's writers, like every {@link PrintWriter}, swallow write errors until asked, and so does
     * {@code System.out}, which they write to (it is also the context's binary output).
     */
    private static int checkOutput(ParseResult parseResult, CliContext context, int exitCode) {
        boolean failed = context.binaryOut().checkError();
        for (CommandLine command : parseResult.asCommandLineList()) {
            failed |= command.getOut().checkError();
        }
        if (exitCode != ExitCodes.OK || !failed) {
            return exitCode;
        }
        PrintWriter err = parseResult.commandSpec().commandLine().getErr();
        err.println("versioned: error: writing the result to standard output failed");
        err.flush();
        return ExitCodes.FAILURE;
    }
}
