package dev.raftops.domain.cluster;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One observed StatefulSet.
 *
 * @param partition the RollingUpdate partition, or null for OnDelete or when unset (0)
 * @param templateRestartedAt the pod template's {@code raftops.dev/restartedAt} annotation, or null
 */
public record StatefulSetView(
        String name,
        String uid,
        String resourceVersion,
        int replicas,
        Integer partition,
        boolean onDelete,
        String currentRevision,
        String updateRevision,
        String templateImage,
        long generation,
        long observedGeneration,
        int readyReplicas,
        int updatedReplicas,
        Map<String, String> annotations,
        String templateRestartedAt) {

    public StatefulSetView {
        Objects.requireNonNull(name, "name");
        annotations = annotations == null ? Map.of() : Map.copyOf(new TreeMap<>(annotations));
    }

    /** A StatefulSet whose pod template carries no restart annotation. */
    public StatefulSetView(String name, String uid, String resourceVersion, int replicas, Integer partition,
            boolean onDelete, String currentRevision, String updateRevision, String templateImage, long generation,
            long observedGeneration, int readyReplicas, int updatedReplicas, Map<String, String> annotations) {
        this(name, uid, resourceVersion, replicas, partition, onDelete, currentRevision, updateRevision, templateImage,
                generation, observedGeneration, readyReplicas, updatedReplicas, annotations, null);
    }

    /** The partition in effect: an unset partition is 0. */
    public int effectivePartition() {
        return partition == null ? 0 : partition;
    }

    /** Every replica updated and Ready, and the current revision is the update revision. */
    public boolean converged() {
        return updatedReplicas == replicas && readyReplicas == replicas
                && Objects.equals(currentRevision, updateRevision) && observedGeneration >= generation;
    }
}
