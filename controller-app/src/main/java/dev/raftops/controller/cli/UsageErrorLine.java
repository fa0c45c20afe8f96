package dev.raftops.controller.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * How every subcommand answers a user's mistake on the command line (a bad option value, an
 * unknown option, a missing one, or a value its own checks refuse): one line on stderr naming the
 * command, what was wrong and where help is, exit code 2; no usage dump, no stack trace.
 */
final class UsageErrorLine implements CommandLine.IParameterExceptionHandler {

    /** The exit code of a usage error. */
    static final int EXIT_CODE = 2;

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        String command = cli.getCommandSpec().qualifiedName();
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        err.println(command + ": " + message.replaceAll("\\s*\\R\\s*", " ").strip() + " (see '" + command
                + " --help')");
        err.flush();
        return EXIT_CODE;
    }
}
