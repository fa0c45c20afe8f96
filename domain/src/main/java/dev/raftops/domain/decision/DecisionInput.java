package dev.raftops.domain.decision;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Everything a Day-2 decision reads: the cluster's identity and generation, its spec, its status
 * (as left by the families decided before in the same pass), one observation, the time, and the
 * injected random source and retry timing. Decisions are pure functions of this value.
 */
public record DecisionInput(ClusterKey cluster, long generation, ClusterSpec spec, ClusterStatus status,
        ClusterObservation observation, Instant now, RandomGenerator random, RetryTiming timing) {

    public DecisionInput {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(timing, "timing");
    }

    /** The same input with the status a previous family decided. */
    public DecisionInput withStatus(ClusterStatus next) {
        return new DecisionInput(cluster, generation, spec, next, observation, now, random, timing);
    }

    /**
     * The name of the StatefulSet Day 2 rolls: the adopted one ({@code spec.workload}); else Blue, once
     * the cluster has a blue/green status (the colour that serves stays the workload after a switch back
     * to RollingUpdate, docs/decisions/strategy-switch.md); else the cluster name.
     */
    public String statefulSetName() {
        if (!spec.workload().adopted() && status.blueGreen() != null && status.blueGreen().blueRevision() != null) {
            return status.blueGreen().blueSet(cluster.name());
        }
        return spec.workload().statefulSetName(cluster.name());
    }
}
