package dev.raftops.domain.rolling;

import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The remaining steps of a rolling upgrade: ordinals below the partition, highest first. */
public final class RollingPlan {

    private RollingPlan() {
    }

    /**
     * Steps for ordinals {@code partition-1} down to 0, each marked when a step-down is expected
     * first (the pod leads, or its leadership is unknown, in a cluster of more than one voter).
     */
    public static List<PlanStep> remaining(int partition, int replicas, Map<Integer, PodView> podsByOrdinal) {
        List<PlanStep> steps = new ArrayList<>();
        for (int ordinal = Math.min(partition, replicas) - 1; ordinal >= 0; ordinal--) {
            PodView pod = podsByOrdinal.get(ordinal);
            boolean mayLead = pod == null || pod.leadership() != Leadership.FOLLOWER;
            steps.add(new PlanStep(ordinal, replicas > 1 && mayLead));
        }
        return steps;
    }

    /**
     * The deleting order ({@code OnDelete}): the ordinals not in {@code done}, the followers first
     * (highest ordinal first), then every pod that leads or whose leadership is unknown (each marked
     * for a step-down in a cluster of more than one voter), highest ordinal first.
     */
    public static List<PlanStep> followersFirst(List<Integer> done, int replicas, Map<Integer, PodView> podsByOrdinal) {
        List<PlanStep> followers = new ArrayList<>();
        List<PlanStep> leaders = new ArrayList<>();
        for (int ordinal = replicas - 1; ordinal >= 0; ordinal--) {
            if (done.contains(ordinal)) {
                continue;
            }
            PodView pod = podsByOrdinal.get(ordinal);
            boolean mayLead = pod == null || pod.leadership() != Leadership.FOLLOWER;
            if (replicas > 1 && mayLead) {
                leaders.add(new PlanStep(ordinal, true));
            } else {
                followers.add(new PlanStep(ordinal, false));
            }
        }
        followers.addAll(leaders);
        return followers;
    }
}
