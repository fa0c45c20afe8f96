package dev.raftops.controller.watch;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;

/** Maps a watched object to the cluster it belongs to, by the labels raftops puts on what it manages. */
public final class ClusterKeys {

    /** The label naming the owning RaftCluster on StatefulSets, pods, Jobs and Services. */
    public static final String CLUSTER_LABEL = "raftops.dev/cluster";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "raftops";

    private ClusterKeys() {
    }

    /** The key of a RaftCluster itself. */
    public static ClusterKey ofCluster(HasMetadata cluster) {
        return new ClusterKey(cluster.getMetadata().getNamespace(), cluster.getMetadata().getName());
    }

    /** The key of the cluster owning a managed object, or empty when it carries no cluster label. */
    public static Optional<ClusterKey> ofManaged(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String name = labels == null ? null : labels.get(CLUSTER_LABEL);
        if (name == null || name.isBlank() || object.getMetadata().getNamespace() == null) {
            return Optional.empty();
        }
        return Optional.of(new ClusterKey(object.getMetadata().getNamespace(), name));
    }
}
