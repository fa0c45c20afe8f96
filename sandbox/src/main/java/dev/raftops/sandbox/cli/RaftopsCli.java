package dev.raftops.sandbox.cli;

import dev.raftops.controller.cli.RaftopsCommand;
import picocli.CommandLine;

/**
 * The {@code raftops} command line a person runs on their own machine ({@code sandbox/target/raftops.jar}):
 * the controller's command line ({@code run}, {@code plan}, {@code crd}, with its one-line usage
 * errors) plus {@code sandbox}. The controller image's jar has no {@code sandbox}
 * (docs/decisions/sandbox-module.md).
 */
public final class RaftopsCli {

    private RaftopsCli() {
    }

    /** The command line as shipped in the CLI jar. */
    public static CommandLine commandLine() {
        return RaftopsCommand.commandLine().addSubcommand(new SandboxCommand()).addSubcommand(new TimelineCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
