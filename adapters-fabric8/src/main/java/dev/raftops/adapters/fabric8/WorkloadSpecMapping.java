package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.domain.cluster.ClusterKey;

/** Reads {@link WorkloadSpec} from a {@code RaftCluster} spec. */
final class WorkloadSpecMapping {

    private WorkloadSpecMapping() {
    }

    static WorkloadSpec read(ClusterKey cluster, RaftClusterSpec spec) {
        return WorkloadSpec.defaults(cluster);
    }
}
