package dev.raftops.domain.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rolling upgrade's lag limit is {@code spec.upgrade.rolling.maxLagEntries}; the blue/green field only stands in. */
class RollingLagLimitTest {

    static final String OLD_IMAGE = "quay.io/openbao/openbao:2.4.0";

    /** Three Ready pods on 2.4.0, ordinal 0 leads, ordinal 2 lags {@code lag} entries. */
    static ClusterObservation cluster(long lag) {
        StatefulSetView sts = new StatefulSetView("db", "uid-sts", "1", 3, 0, false, "rev-a", "rev-a", OLD_IMAGE, 1, 1,
                3, 3, Map.of());
        List<PodView> pods = List.of(pod(0, Leadership.LEADER, 0), pod(1, Leadership.FOLLOWER, 0),
                pod(2, Leadership.FOLLOWER, lag));
        return ClusterObservation.of(List.of(sts), pods, List.of());
    }

    static PodView pod(int ordinal, Leadership leadership, long lag) {
        return new PodView("db-" + ordinal, "db", ordinal, "uid-" + ordinal, "rev-a", OLD_IMAGE, "2.4.0", true, false, 0,
                leadership, lag, true, Map.of());
    }

    static Decision decide(ClusterSpec spec, ClusterObservation observation) {
        return RollingUpgrade.decide(new DecisionInput(new ClusterKey("default", "db"), 1, spec,
                ClusterStatus.initial().withCurrentVersion("2.4.0"), observation,
                Instant.parse("2026-11-24T10:00:00Z"), new Random(1), RetryTiming.defaults().withoutJitter()));
    }

    static ClusterSpec spec(Long rollingLimit, long blueGreenLimit) {
        ClusterSpec spec = ClusterSpec.of("2.5.0", null, 3);
        return spec.withUpgrade(spec.upgrade().withRolling(new RollingSpec(rollingLimit))
                .withBlueGreen(new BlueGreenSpec(true, BlueGreenSpec.DEFAULT_MAX_JOB_FAILURES,
                        new BlueGreenSpec.Verification(Duration.ZERO, blueGreenLimit, null), null)));
    }

    static boolean waitsForCatchUp(Decision d) {
        return Condition.find(d.nextStatus().conditions(), Condition.PROGRESSING)
                .map(c -> c.reason().equals(RollingReasons.CLUSTER_NOT_READY) && c.message().contains("db-2"))
                .orElse(false);
    }

    @Test
    void aPodLaggingMoreThanTheRollingLimitHoldsTheStartWhateverTheBlueGreenLimitSays() {
        Decision d = decide(spec(10L, 1_000), cluster(50));

        assertThat(waitsForCatchUp(d)).isTrue();
        assertThat(d.nextStatus().operationLock().isHeld()).isFalse();
    }

    @Test
    void aPodWithinTheRollingLimitLetsTheUpgradeStartWhateverTheBlueGreenLimitSays() {
        Decision d = decide(spec(60L, 10), cluster(50));

        assertThat(waitsForCatchUp(d)).isFalse();
        assertThat(d.nextStatus().operationLock().isHeld()).as("the lock is taken to start").isTrue();
    }

    @Test
    void withoutTheRollingLimitTheDeprecatedBlueGreenLimitStillApplies() {
        assertThat(waitsForCatchUp(decide(spec(null, 10), cluster(50)))).isTrue();
        assertThat(waitsForCatchUp(decide(spec(null, 60), cluster(50)))).isFalse();
    }
}
