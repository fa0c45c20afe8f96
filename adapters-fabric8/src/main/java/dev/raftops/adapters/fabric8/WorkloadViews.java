package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.resource.Maintenance;
import java.util.Map;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;

/** A live StatefulSet as the domain's {@link StatefulSetView}. */
final class WorkloadViews {

    private WorkloadViews() {
    }

    static StatefulSetView statefulSet(StatefulSet sts) {
        StatefulSetSpec spec = sts.getSpec();
        StatefulSetStatus status = sts.getStatus() == null ? new StatefulSetStatus() : sts.getStatus();
        boolean onDelete = spec.getUpdateStrategy() != null && "OnDelete".equals(spec.getUpdateStrategy().getType());
        return new StatefulSetView(sts.getMetadata().getName(), sts.getMetadata().getUid(),
                sts.getMetadata().getResourceVersion(), spec.getReplicas() == null ? 1 : spec.getReplicas(),
                partition(sts), onDelete, status.getCurrentRevision(), status.getUpdateRevision(), templateImage(sts),
                num(sts.getMetadata().getGeneration()), num(status.getObservedGeneration()), num(status.getReadyReplicas()),
                num(status.getUpdatedReplicas()), sts.getMetadata().getAnnotations(), templateRestartedAt(sts));
    }

    /** The pod template's {@code raftops.dev/restartedAt} annotation, or null. */
    static String templateRestartedAt(StatefulSet sts) {
        Map<String, String> annotations = templateAnnotations(sts);
        return annotations == null ? null : annotations.get(Maintenance.RESTARTED_AT_ANNOTATION);
    }

    static Map<String, String> templateAnnotations(StatefulSet sts) {
        var template = sts.getSpec().getTemplate();
        return template == null || template.getMetadata() == null ? null : template.getMetadata().getAnnotations();
    }

    /** The RollingUpdate partition, or null when unset or OnDelete. */
    static Integer partition(StatefulSet sts) {
        var strategy = sts.getSpec().getUpdateStrategy();
        if (strategy == null || strategy.getRollingUpdate() == null) {
            return null;
        }
        return strategy.getRollingUpdate().getPartition();
    }

    static String templateImage(StatefulSet sts) {
        var template = sts.getSpec().getTemplate();
        if (template == null || template.getSpec() == null || template.getSpec().getContainers().isEmpty()) {
            return null;
        }
        return template.getSpec().getContainers().get(0).getImage();
    }

    private static long num(Long n) {
        return n == null ? 0 : n;
    }

    private static int num(Integer n) {
        return n == null ? 0 : n;
    }
}
