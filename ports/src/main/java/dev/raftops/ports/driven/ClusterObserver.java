package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.resource.WorkloadSpec;

/** Driven port: one consistent observation of a cluster's StatefulSets, pods, executor Jobs and Services. */
public interface ClusterObserver {

    /** The cluster whose StatefulSet is named after it (rendered). */
    ClusterObservation observe(ClusterKey cluster);

    /**
     * The cluster with the StatefulSet {@code workload} names (an adopted one need not carry raftops's
     * labels, nor its pods). An observer whose clusters are always rendered keeps this default.
     */
    default ClusterObservation observe(ClusterKey cluster, WorkloadSpec workload) {
        return observe(cluster);
    }
}
