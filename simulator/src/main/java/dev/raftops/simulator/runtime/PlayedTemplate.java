package dev.raftops.simulator.runtime;

import dev.raftops.domain.resource.Maintenance;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * What the played StatefulSet controller reads off a StatefulSet: its template's revision and restart
 * annotation, its replicas, partition and update strategy.
 */
final class PlayedTemplate {

    private PlayedTemplate() {
    }

    static String revision(String statefulSet, String image) {
        return statefulSet + "-" + Integer.toHexString(String.valueOf(image).hashCode());
    }

    /** The revision of a template with {@code image} and the restart annotation {@code restart} (null: none). */
    static String revision(String statefulSet, String image, String restart) {
        return restart == null ? revision(statefulSet, image)
                : statefulSet + "-" + Integer.toHexString((image + "@" + restart).hashCode());
    }

    /** The template's restart annotation ({@code raftops.dev/restartedAt}), or null. */
    static String restartAnnotation(StatefulSet sts) {
        var metadata = sts.getSpec().getTemplate().getMetadata();
        return metadata == null || metadata.getAnnotations() == null ? null
                : metadata.getAnnotations().get(Maintenance.RESTARTED_AT_ANNOTATION);
    }

    /** The replicas {@code sts} asks for (1 when unset, as Kubernetes defaults it). */
    static int replicas(StatefulSet sts) {
        return sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    }

    /** The RollingUpdate partition, or null when there is none. */
    static Integer partition(StatefulSet sts) {
        var strategy = sts.getSpec().getUpdateStrategy();
        return strategy == null || strategy.getRollingUpdate() == null ? null : strategy.getRollingUpdate().getPartition();
    }

    /** True under {@code updateStrategy: OnDelete}: the controller restarts no pod by itself. */
    static boolean onDelete(StatefulSet sts) {
        return sts.getSpec().getUpdateStrategy() != null && "OnDelete".equals(sts.getSpec().getUpdateStrategy().getType());
    }
}
