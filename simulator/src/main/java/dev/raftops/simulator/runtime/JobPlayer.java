package dev.raftops.simulator.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a real-time run plays an executor Job when it does not decide the outcome itself: it runs an
 * executor program with the Job's container as the controller rendered it, against the OpenBao API
 * of the Job's pods served on loopback. The sandbox plays every Job with the real executor
 * (docs/decisions/sandbox-runs-the-real-executor.md); without a player the runtime plays Jobs on its
 * model ({@code ExecutorEffects}).
 */
public interface JobPlayer {

    /** Starts {@code run} on a thread of the player's own; the result completes when the program ended. Never blocks. */
    CompletableFuture<JobEnd> start(JobRun run);

    /**
     * One Job to run.
     *
     * @param job the Job's name
     * @param args the container's arguments (the action)
     * @param env the container's environment as the controller rendered it, in order
     * @param podAddress where the pods' API answers, as a {@code RAFTOPS_POD_ADDRESS} template
     *        (the Job's own names cluster DNS, which a person's machine cannot resolve)
     * @param token the projected service-account token the Job's pod is given
     */
    record JobRun(String job, List<String> args, Map<String, String> env, String podAddress, String token) {
        public JobRun {
            args = List.copyOf(args);
            env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        }
    }

    /**
     * How the program ended: its exit code and the result it wrote (the container's termination
     * message; empty when it wrote none).
     */
    record JobEnd(int exitCode, String result) {
    }
}
