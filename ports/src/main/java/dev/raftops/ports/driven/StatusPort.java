package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import java.util.Optional;

/** Driven port: the {@code RaftCluster} resource and its status subresource. */
public interface StatusPort {

    /** A fresh read of the cluster, or empty when it no longer exists. */
    Optional<ClusterDocument> read(ClusterKey cluster);

    /**
     * Writes {@code status} through the status subresource if the resource still has
     * {@code expectedResourceVersion}; the spec is never touched.
     */
    WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status);
}
