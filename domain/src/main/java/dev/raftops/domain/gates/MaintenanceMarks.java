package dev.raftops.domain.gates;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action.MarkMaintenance;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.Maintenance;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the maintenance annotation in line with {@code spec.maintenance.enabled}: present on the
 * StatefulSet and every live pod while enabled, absent otherwise. These writes never disrupt, so a
 * step in flight (a released pod becoming Ready) carries on.
 */
public final class MaintenanceMarks {

    public static final String ANNOTATION = "raftops.dev/maintenance";

    private MaintenanceMarks() {
    }

    /** The annotation changes needed for {@code statefulSet} and its pods; empty when in line. */
    public static List<Action> actions(Maintenance maintenance, ClusterObservation observation, String statefulSet) {
        boolean wanted = maintenance.enabled();
        List<Action> actions = new ArrayList<>();
        observation.statefulSet(statefulSet).ifPresent(sts -> {
            if (marked(sts) != wanted) {
                actions.add(new MarkMaintenance(MarkMaintenance.Target.STATEFUL_SET, sts.name(), wanted,
                        sts.resourceVersion()));
            }
        });
        for (PodView pod : observation.podsOf(statefulSet).values()) {
            if (!pod.terminating() && marked(pod) != wanted) {
                actions.add(new MarkMaintenance(MarkMaintenance.Target.POD, pod.name(), wanted, pod.uid()));
            }
        }
        return actions;
    }

    static boolean marked(StatefulSetView sts) {
        return "true".equals(sts.annotations().get(ANNOTATION));
    }

    static boolean marked(PodView pod) {
        return "true".equals(pod.annotations().get(ANNOTATION));
    }
}
