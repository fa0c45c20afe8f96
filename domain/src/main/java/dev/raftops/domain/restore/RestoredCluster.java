package dev.raftops.domain.restore;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import java.util.Objects;

/** The {@code RaftCluster} a restore names, as read: its spec and the status that holds the operation lock. */
public record RestoredCluster(ClusterKey key, ClusterSpec spec, ClusterStatus status) {

    public RestoredCluster {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spec, "spec");
        status = status == null ? ClusterStatus.initial() : status;
    }

    public RestoredCluster withStatus(ClusterStatus value) {
        return new RestoredCluster(key, spec, value);
    }
}
