package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.JobRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pods an executor Job concerns ({@code RAFTOPS_PODS}), so that the Job needs no Kubernetes read:
 * for a blue/green step both colours (Blue at {@code spec.replicas}, Green at its
 * {@code greenReplicas}); otherwise every pod of the StatefulSet the request names (backup), the
 * target pod's StatefulSet (step-down), or the cluster's own.
 */
final class ExecutorPods {

    private ExecutorPods() {
    }

    static List<String> of(ClusterKey cluster, JobRequest request, int replicas) {
        Map<String, String> p = request.parameters();
        String blue = p.get("blueStatefulSet");
        String green = p.get("greenStatefulSet");
        List<String> out = new ArrayList<>();
        if (blue != null && green != null) {
            out.addAll(ordinals(blue, replicas));
            out.addAll(ordinals(green, count(p.get("greenReplicas"), replicas)));
            return out;
        }
        String target = p.getOrDefault("RAFTOPS_TARGET_POD", p.get("targetPod"));
        String statefulSet = p.containsKey("RAFTOPS_STATEFULSET") ? p.get("RAFTOPS_STATEFULSET")
                : target != null && target.lastIndexOf('-') > 0 ? target.substring(0, target.lastIndexOf('-'))
                : cluster.name();
        return ordinals(statefulSet, replicas);
    }

    private static List<String> ordinals(String statefulSet, int replicas) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            out.add(statefulSet + "-" + i);
        }
        return out;
    }

    private static int count(String raw, int fallback) {
        try {
            return raw == null ? fallback : Math.max(0, Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
