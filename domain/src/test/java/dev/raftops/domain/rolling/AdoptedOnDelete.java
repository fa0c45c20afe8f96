package dev.raftops.domain.rolling;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.WorkloadSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fixed observations of an adopted {@code OnDelete} StatefulSet named {@code openbao} (as the
 * OpenBao Helm chart names it for release {@code openbao}), for the cluster {@code vault}: the
 * StatefulSet's name is not the cluster's, so every read goes through {@code spec.workload}.
 */
final class AdoptedOnDelete {

    static final ClusterKey CLUSTER = new ClusterKey("secrets", "vault");
    static final String STS = "openbao";
    static final String OLD_REV = "openbao-5d8c6b7f9";
    static final String NEW_REV = "openbao-7f4b9c2d1";
    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private AdoptedOnDelete() {
    }

    static ClusterSpec spec(String version, int replicas) {
        return ClusterSpec.of(version, null, replicas).withWorkload(WorkloadSpec.adopted(STS));
    }

    static String image(String version) {
        return "quay.io/openbao/openbao:" + version;
    }

    /** The StatefulSet with the template of {@code version}; {@code observed} says whether the controller saw it. */
    static StatefulSetView statefulSet(int replicas, String version, boolean observed, int updated, int ready) {
        return new StatefulSetView(STS, "uid-sts", "41", replicas, null, true, OLD_REV,
                version.equals("2.4.0") ? OLD_REV : NEW_REV, image(version), 2, observed ? 2 : 1, ready, updated, Map.of());
    }

    static PodView pod(int ordinal, boolean rolled, Leadership leadership) {
        return new PodView(STS + "-" + ordinal, STS, ordinal, "uid-" + ordinal + (rolled ? "-new" : ""),
                rolled ? NEW_REV : OLD_REV, image(rolled ? "2.4.4" : "2.4.0"), rolled ? "2.4.4" : "2.4.0", true, false,
                0, leadership, 0L, true, Map.of(), "rv-" + ordinal + (rolled ? "-new" : ""));
    }

    static ClusterStatus steady() {
        return ClusterStatus.initial().withCurrentVersion("2.4.0");
    }

    /** A running upgrade 2.4.0 → 2.4.4 holding the lock. */
    static ClusterStatus upgrading(RollingProgress progress) {
        return steady().withOperationLock(steady().operationLock().acquire(Operation.Upgrade, Holders.UPGRADE,
                "upgrade to 2.4.4 (in progress)", NOW.minusSeconds(60)).lock()).withUpgrade(progress);
    }

    static RollingProgress started(int replicas, List<PodView> pods) {
        RollingProgress p = RollingProgress.started("2.4.0", "2.4.4", image("2.4.4"), NOW.minusSeconds(60), replicas,
                List.of(), 1, false);
        return p.withPlan(RollingPlan.followersFirst(List.of(), replicas, byOrdinal(pods)));
    }

    static Map<Integer, PodView> byOrdinal(List<PodView> pods) {
        return ClusterObservation.of(List.of(), pods, List.of()).podsOf(STS);
    }

    static Decision decide(ClusterSpec spec, ClusterStatus status, StatefulSetView sts, List<PodView> pods) {
        return RollingUpgrade.decide(new DecisionInput(CLUSTER, 1, spec, status,
                ClusterObservation.of(List.of(sts), pods, List.of()), NOW, new Random(1),
                RetryTiming.defaults().withoutJitter()));
    }
}
