package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.restore.RestoreSpec;
import dev.raftops.domain.restore.RestoreStatus;
import java.util.Objects;

/**
 * One {@code RaftRestore} as read: its spec, status and what the restore controller needs of its
 * metadata.
 *
 * @param key the restore's namespace and name
 * @param resourceVersion the precondition of every write of it
 * @param finalizer whether it carries {@code raftops.dev/restore-lock}
 * @param deleting whether its deletion was asked for (a deletion timestamp)
 */
public record RestoreDocument(ClusterKey key, long generation, String resourceVersion, RestoreSpec spec,
        RestoreStatus status, boolean finalizer, boolean deleting) {

    public RestoreDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spec, "spec");
        status = status == null ? RestoreStatus.initial() : status;
    }

    /** The cluster the restore names: {@code spec.clusterRef} in the restore's namespace. */
    public ClusterKey cluster() {
        return new ClusterKey(key.namespace(), spec.clusterRef() == null ? "" : spec.clusterRef());
    }
}
