package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.ClusterEvent;

/** Driven port: Kubernetes Events (and the matching structured log line). */
public interface EventPort {

    void emit(ClusterKey cluster, ClusterEvent event);
}
