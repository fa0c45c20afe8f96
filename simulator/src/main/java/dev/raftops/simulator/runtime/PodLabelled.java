package dev.raftops.simulator.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;

/**
 * A pod of {@code cluster} carries the traffic label {@code raftops.dev/revision} = {@code revision}
 * that its StatefulSet's name does not give it: the controller patched it onto a pod of a rolling
 * StatefulSet adopted as Blue (docs/decisions/strategy-switch.md). Traced as {@code pod.labelled},
 * so the checker knows which pods a revision selector picks.
 */
record PodLabelled(String cluster, String pod, String revision) implements WatchedChange {

    /** The change {@code pod} reports, or null when it has no such label (a colour's pods have theirs by name). */
    static PodLabelled of(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        String revision = labels == null ? null : labels.get(PlayedCluster.REVISION);
        String set = labels == null ? null : labels.get("raftops.dev/statefulset");
        if (revision == null || set == null || set.endsWith("-" + revision)) {
            return null;
        }
        return new PodLabelled(labels.get(ClusterRuntime.CLUSTER), pod.getMetadata().getName(), revision);
    }
}
