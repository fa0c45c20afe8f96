package dev.raftops.ports.driving;

import dev.raftops.domain.cluster.ClusterKey;

/** Driving port: one admin-operations pass for one cluster (blue/green, then rolling, then backup). */
public interface AdminOperations {

    ReconcileOutcome reconcile(ClusterKey cluster);
}
