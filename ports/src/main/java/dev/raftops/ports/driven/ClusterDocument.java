package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import java.util.Objects;

/**
 * One read of a {@code RaftCluster}: identity, generation, the resourceVersion every status write
 * is conditioned on, the spec (or why it is invalid) and the status.
 */
public record ClusterDocument(ClusterKey key, String uid, long generation, String resourceVersion, SpecReading spec,
        ClusterStatus status) {

    public ClusterDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spec, "spec");
        status = status == null ? ClusterStatus.initial() : status;
    }
}
