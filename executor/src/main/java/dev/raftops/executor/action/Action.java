package dev.raftops.executor.action;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Environment;

/**
 * One executor action, one family per implementation: read its parameters from the environment
 * first (a missing one refuses before anything is touched), then {@link #run} against the workload.
 * Every action is idempotent: a Job retried under a new name after a crash is safe.
 */
public sealed interface Action permits StepDown, Snapshot, Restore, Membership {

    String name();

    /** Does the work; facts go into {@code context.facts()}; failures are {@link ActionFailure}s. */
    String run(ActionContext context);

    static Action parse(String name, Environment env) {
        return switch (name) {
            case "step-down" -> StepDown.from(env);
            case "backup", "pre-upgrade-snapshot" -> Snapshot.from(name, env);
            case "restore" -> Restore.from(env);
            case "join-green", "wait-synced", "promote-green", "demote-blue", "repair-consensus",
                    "remove-blue-peers", "remove-green-peers" -> Membership.from(name, env);
            default -> throw ActionFailure.refused("unknown action \"" + name + "\"; one of step-down, backup, "
                    + "pre-upgrade-snapshot, restore, join-green, wait-synced, promote-green, demote-blue, "
                    + "repair-consensus, remove-blue-peers, remove-green-peers");
        };
    }
}
