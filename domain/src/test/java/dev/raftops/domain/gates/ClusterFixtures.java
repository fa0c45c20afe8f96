package dev.raftops.domain.gates;

import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import java.util.Map;

/** Test data for the gate tests: one StatefulSet {@code c} and its pods. */
final class ClusterFixtures {

    static final String STS = "c";

    private ClusterFixtures() {
    }

    static StatefulSetView statefulSet(int replicas, Map<String, String> annotations) {
        return new StatefulSetView(STS, "sts-uid", "rv-9", replicas, 0, false, "rev-a", "rev-a", "openbao:1.1.0", 3, 3,
                replicas, replicas, annotations);
    }

    static PodView pod(int ordinal, boolean terminating, Map<String, String> annotations) {
        return new PodView(STS + "-" + ordinal, STS, ordinal, "uid-" + ordinal, "rev-a", "openbao:1.1.0", "1.1.0",
                !terminating, terminating, 0, ordinal == 0 ? Leadership.LEADER : Leadership.FOLLOWER, 0L, true,
                annotations);
    }
}
