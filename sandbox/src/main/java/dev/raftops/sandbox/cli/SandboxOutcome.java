package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;

/**
 * How one scenario of the sandbox ended: the result traced in {@code run.end} (converged, blocked,
 * timeout), the cluster's status then (null before it ran) and the command's exit code.
 */
record SandboxOutcome(String result, RaftClusterStatus status, int code) {

    static SandboxOutcome converged(RaftClusterStatus status) {
        return new SandboxOutcome("converged", status, 0);
    }

    static SandboxOutcome blocked(RaftClusterStatus status) {
        return new SandboxOutcome("blocked", status, 2);
    }

    static SandboxOutcome timeout(RaftClusterStatus status) {
        return new SandboxOutcome("timeout", status, 1);
    }
}
