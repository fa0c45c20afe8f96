package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;

/** Driven port: one consistent observation of a cluster's StatefulSets, pods, executor Jobs and Services. */
public interface ClusterObserver {

    ClusterObservation observe(ClusterKey cluster);
}
