package dev.raftops.controller.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code raftops}: the controller and its tools ({@code run}, {@code plan}, {@code render}, {@code crd},
 * {@code status}). The sandbox
 * is not here: the sandbox module's CLI jar adds it to this command line (docs/decisions/sandbox-module.md).
 */
@Command(name = "raftops", mixinStandardHelpOptions = true, version = "raftops 0.1.0",
        description = "Day-2 operations for Raft-replicated workloads on Kubernetes.",
        subcommands = {RunCommand.class, PlanCommand.class, RenderCommand.class, CrdCommand.class,
            StatusCommand.class})
public final class RaftopsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The command line as shipped: every subcommand's usage errors are one line and exit 2
     * ({@link UsageErrorLine}).
     */
    public static CommandLine commandLine() {
        return new CommandLine(new RaftopsCommand()).setParameterExceptionHandler(new UsageErrorLine());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
