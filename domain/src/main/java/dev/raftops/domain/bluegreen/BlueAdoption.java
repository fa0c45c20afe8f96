package dev.raftops.domain.bluegreen;

import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.Revision;
import java.util.List;

/**
 * A switch from RollingUpdate to BlueGreen on a running cluster: the StatefulSet the rolling
 * upgrade worked on becomes Blue under its own name, and nothing restarts. A revisioned one (a
 * former colour) keeps its revision; the cluster's own StatefulSet gets the revision of what it runs,
 * recorded with its name in {@code status.blueGreen.blueStatefulSet}, and its pods get the label
 * {@code raftops.dev/revision} patched on them (pod metadata: no restart), so the client Services'
 * revision selector finds them. Pods the StatefulSet controller creates later from its unlabelled
 * template are labelled by the next pass (docs/decisions/strategy-switch.md).
 */
final class BlueAdoption {

    private BlueAdoption() {
    }

    /** Why Blue cannot be adopted yet, or null when it can. */
    static String waitsFor(DecisionInput in) {
        if (in.status().currentVersion() == null) {
            return "the version the cluster runs is not known yet";
        }
        if (in.observation().statefulSet(in.statefulSetName()).isEmpty()) {
            return "StatefulSet " + in.statefulSetName() + " is not observed yet";
        }
        return null;
    }

    /** Blue: the StatefulSet the rolling upgrade works on, under its own name, with no attempt in flight. */
    static BlueGreenStatus blue(DecisionInput in) {
        String cluster = in.cluster().name();
        String name = in.statefulSetName();
        String image = in.observation().statefulSet(name).map(StatefulSetView::templateImage).orElse(null);
        String revision = Revision.fromStatefulSet(cluster, name);
        if (revision != null) {
            return BlueGreenStatus.idle(revision, image);
        }
        BlueGreenStatus running = BlueGreenDecision.bootstrap(in.status().currentVersion(), in.spec());
        return BlueGreenStatus.adopted(name, running.blueRevision(), image);
    }

    /** The label writes an adopted Blue's pods still need (none for a revisioned Blue, or when every pod has it). */
    static List<Action> labels(DecisionInput in, BlueGreenStatus bg) {
        if (bg == null || bg.blueStatefulSet() == null || bg.blueRevision() == null) {
            return List.of();
        }
        return in.observation().podsOf(bg.blueStatefulSet()).values().stream()
                .filter(p -> !p.terminating() && !bg.blueRevision().equals(p.trafficRevision()))
                .map(p -> (Action) new Action.LabelPod(p.name(), p.uid(), bg.blueRevision())).toList();
    }

    /** The pod names of {@code labels}, for the Event. */
    static String names(List<Action> labels) {
        return String.join(", ", labels.stream().map(a -> ((Action.LabelPod) a).pod()).toList());
    }
}
