package dev.raftops.domain.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.Maintenance;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code spec.maintenance.restartAt}: a rolling restart as a reason to roll, and its fold into a running upgrade. */
class RollingRestartTest {

    static final String IMAGE = "quay.io/openbao/openbao:2.4.0";
    static final String NEW_IMAGE = "quay.io/openbao/openbao:2.5.0";
    static final String REQUEST = "2026-11-24T09:30:00Z";
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    /** Three Ready pods on {@code image}, ordinal 0 leads, the partition at {@code partition}. */
    static ClusterObservation cluster(String image, int partition, String restartedAt) {
        StatefulSetView sts = new StatefulSetView("db", "uid-sts", "7", 3, partition, false, "rev-a", "rev-a", image, 1, 1,
                3, 3, Map.of(), restartedAt);
        List<PodView> pods = List.of(pod(0, Leadership.LEADER, image), pod(1, Leadership.FOLLOWER, image),
                pod(2, Leadership.FOLLOWER, image));
        return ClusterObservation.of(List.of(sts), pods, List.of());
    }

    static PodView pod(int ordinal, Leadership leadership, String image) {
        return new PodView("db-" + ordinal, "db", ordinal, "uid-" + ordinal, "rev-a", image, image.substring(
                image.lastIndexOf(':') + 1), true, false, 0, leadership, 0L, true, Map.of());
    }

    static ClusterSpec spec(String version, String restartAt) {
        ClusterSpec spec = ClusterSpec.of(version, null, 3);
        return spec.withMaintenance(Maintenance.off().withRestartAt(restartAt));
    }

    static Decision decide(ClusterSpec spec, ClusterStatus status, ClusterObservation observation) {
        return RollingUpgrade.decide(new DecisionInput(new ClusterKey("default", "db"), 1, spec, status, observation,
                NOW, new Random(1), RetryTiming.defaults().withoutJitter()));
    }

    static ClusterStatus heldByUpgrade(ClusterStatus status) {
        return status.withOperationLock(new OperationLock(Operation.Upgrade, Holders.UPGRADE, "x", NOW, NOW, 3));
    }

    static final ClusterStatus RUNNING = ClusterStatus.initial().withCurrentVersion("2.4.0");

    @Test
    void aNewRestartRequestLocksThePartitionWithTheRequestOnTheTemplateAndTheSameImage() {
        Decision d = decide(spec("2.4.0", REQUEST), heldByUpgrade(RUNNING), cluster(IMAGE, 0, null));

        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).containsExactly(
                new Action.LockPartitionAndSetImage("db", 3, IMAGE, "7", REQUEST));
        RollingProgress progress = d.nextStatus().upgrade();
        assertThat(progress.restartAt()).isEqualTo(REQUEST);
        assertThat(progress.targetVersion()).isEqualTo("2.4.0");
        assertThat(d.nextStatus().requests().lastHandledRestart()).isEqualTo(REQUEST);
    }

    @Test
    void aRestartTakesTheLockFirstLikeAnUpgrade() {
        Decision d = decide(spec("2.4.0", REQUEST), RUNNING, cluster(IMAGE, 0, null));

        assertThat(d.nextStatus().operationLock().isHeldBy(Operation.Upgrade, Holders.UPGRADE)).isTrue();
        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).isEmpty();
    }

    @Test
    void aHandledRestartRequestRollsNothing() {
        ClusterStatus handled = RUNNING.withRequests(RUNNING.requests().withRestart(REQUEST));

        Decision d = decide(spec("2.4.0", REQUEST), handled, cluster(IMAGE, 0, REQUEST));

        assertThat(d.nextStatus().upgrade()).isNull();
        assertThat(d.actions()).isEmpty();
    }

    @Test
    void aRestartRequestedWithAVersionChangeIsOneRollThatCarriesBoth() {
        Decision d = decide(spec("2.5.0", REQUEST), heldByUpgrade(RUNNING), cluster(IMAGE, 0, null));

        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).containsExactly(
                new Action.LockPartitionAndSetImage("db", 3, NEW_IMAGE, "7", REQUEST));
        assertThat(d.nextStatus().upgrade().targetVersion()).isEqualTo("2.5.0");
        assertThat(d.nextStatus().requests().lastHandledRestart()).isEqualTo(REQUEST);
    }

    @Test
    void aRestartRequestedDuringAnUpgradeLocksThePartitionAgainAtReplicasWithTheRequest() {
        RollingProgress upgrade = RollingProgress.started("2.4.0", "2.5.0", NEW_IMAGE, NOW.minusSeconds(60), 3,
                List.of(), 1, false).completed(2, List.of());
        ClusterStatus status = heldByUpgrade(RUNNING.withUpgrade(upgrade));

        Decision d = decide(spec("2.5.0", REQUEST), status, cluster(NEW_IMAGE, 2, null));

        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).containsExactly(
                new Action.LockPartitionAndSetImage("db", 3, NEW_IMAGE, "7", REQUEST));
        RollingProgress folded = d.nextStatus().upgrade();
        assertThat(folded.currentPartition()).isEqualTo(3);
        assertThat(folded.restartAt()).isEqualTo(REQUEST);
        assertThat(folded.targetVersion()).as("the upgrade keeps its target").isEqualTo("2.5.0");
        assertThat(folded.attempt()).as("new Job names").isEqualTo(2);
        assertThat(d.nextStatus().requests().lastHandledRestart()).isEqualTo(REQUEST);
    }

    @Test
    void aTemplateWithoutTheRequestedAnnotationIsDrift() {
        RollingProgress restart = RollingProgress.started("2.4.0", "2.4.0", IMAGE, NOW.minusSeconds(60), 3,
                List.of(), 1, false).withRestartAt(REQUEST);
        ClusterStatus status = heldByUpgrade(RUNNING.withUpgrade(restart)
                .withRequests(RUNNING.requests().withRestart(REQUEST)));

        Decision d = decide(spec("2.4.0", REQUEST), status, cluster(IMAGE, 3, "2026-01-01T00:00:00Z"));

        assertThat(d.actionsOf(Action.SetPartition.class)).isEmpty();
        assertThat(d.nextStatus().conditions()).anyMatch(c -> RollingReasons.TEMPLATE_DRIFT.equals(c.reason()));
    }

    @Test
    void aFinishedRestartKeepsTheVersionAndReleasesTheLock() {
        RollingProgress restart = RollingProgress.started("2.4.0", "2.4.0", IMAGE, NOW.minusSeconds(60), 3,
                List.of(), 1, false).withRestartAt(REQUEST).completed(2, List.of()).completed(1, List.of())
                .completed(0, List.of());
        ClusterStatus status = heldByUpgrade(RUNNING.withUpgrade(restart)
                .withRequests(RUNNING.requests().withRestart(REQUEST)));

        Decision d = decide(spec("2.4.0", REQUEST), status, cluster(IMAGE, 0, REQUEST));

        assertThat(d.nextStatus().upgrade()).isNull();
        assertThat(d.nextStatus().currentVersion()).isEqualTo("2.4.0");
        assertThat(d.nextStatus().operationLock().isHeld()).isFalse();
    }

    @Test
    void aBlueGreenClusterRecordsTheRequestAsHandledWithAWarning() {
        ClusterSpec spec = spec("2.4.0", REQUEST);
        spec = spec.withUpgrade(spec.upgrade().withStrategy(UpgradeStrategy.BLUE_GREEN));

        Decision d = decide(spec, RUNNING, cluster(IMAGE, 0, null));

        assertThat(d.nextStatus().requests().lastHandledRestart()).isEqualTo(REQUEST);
        assertThat(d.actionsOf(Action.Emit.class)).singleElement()
                .satisfies(e -> assertThat(e.event().reason()).isEqualTo(RollingReasons.RESTART_NOT_SUPPORTED));
    }

    @Test
    void aClusterCreatedWithARestartRequestDoesNotRestartOnceConverged() {
        ClusterStatus fresh = ClusterStatus.initial();

        Decision d = decide(spec("2.4.0", REQUEST), fresh, cluster(IMAGE, 0, null));

        assertThat(d.nextStatus().currentVersion()).isEqualTo("2.4.0");
        assertThat(d.nextStatus().requests().lastHandledRestart()).isEqualTo(REQUEST);
    }
}
