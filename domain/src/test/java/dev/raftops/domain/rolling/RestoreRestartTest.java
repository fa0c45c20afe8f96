package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingRestartTest.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restore's restart: the rolling machinery's roll, under the restore's lock. */
class RestoreRestartTest {

    static final RestoreRestart RESTART = new RestoreRestart("restore/r1", 5, "2.4.0", IMAGE);
    static final OperationLock RESTORE_LOCK = new OperationLock(Operation.Restore, "restore/r1", "restarting", NOW,
            NOW, 5);
    static final ClusterStatus REQUESTED = RUNNING.withOperationLock(RESTORE_LOCK).withUpgrade(RESTART.progress(NOW, 3));

    /** The template carries the token (update revision rev-b); every pod still runs rev-a. */
    private static ClusterObservation templateSet() {
        StatefulSetView sts = new StatefulSetView("db", "uid-sts", "7", 3, 3, false, "rev-a", "rev-b", IMAGE, 2, 2, 3, 0,
                Map.of(), "restore/r1@5");
        List<PodView> pods = List.of(pod(0, Leadership.LEADER, IMAGE), pod(1, Leadership.FOLLOWER, IMAGE),
                pod(2, Leadership.FOLLOWER, IMAGE));
        return ClusterObservation.of(List.of(sts), pods, List.of());
    }

    private static Decision decide(ClusterStatus status, ClusterObservation observation) {
        return RollingRestartTest.decide(spec("2.4.0", null), status, observation);
    }

    @Test
    void theFirstStepLocksThePartitionWithTheTemplateCarryingTheRestoresToken() {
        Decision d = decide(REQUESTED, cluster(IMAGE, 0, null));

        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).containsExactly(
                new Action.LockPartitionAndSetImage("db", 3, IMAGE, "7", "restore/r1@5"));
        assertThat(d.nextStatus().operationLock()).isEqualTo(RESTORE_LOCK);
    }

    @Test
    void theRollReleasesTheHighestFollowerFirstAndKeepsTheRestoresLock() {
        Decision d = decide(REQUESTED, templateSet());

        assertThat(d.actionsOf(Action.SetPartition.class)).containsExactly(new Action.SetPartition("db", 2, "7"));
        assertThat(d.nextStatus().operationLock().isHeldBy(Operation.Restore, "restore/r1")).isTrue();
    }

    @Test
    void theEndOfTheRollMarksTheLockAndLeavesItToTheRestore() {
        RollingProgress done = RESTART.progress(NOW, 3).completed(2, List.of()).completed(1, List.of())
                .completed(0, List.of());
        ClusterStatus status = REQUESTED.withUpgrade(done);

        Decision d = decide(status, cluster(IMAGE, 0, "restore/r1@5"));

        assertThat(d.nextStatus().upgrade()).isNull();
        assertThat(d.nextStatus().operationLock().isHeldBy(Operation.Restore, "restore/r1")).isTrue();
        assertThat(RESTART.restartedIn(d.nextStatus())).isTrue();
    }

    @Test
    void aRollWhoseRestoreLostTheLockFailsAndLeavesTheNewHolderAlone() {
        OperationLock upgrade = new OperationLock(Operation.Upgrade, Holders.UPGRADE, "x", NOW, NOW, 6);

        Decision d = decide(REQUESTED.withOperationLock(upgrade), cluster(IMAGE, 3, "restore/r1@5"));

        assertThat(d.nextStatus().upgrade().failed()).isTrue();
        assertThat(d.nextStatus().operationLock()).isEqualTo(upgrade);
        assertThat(d.actionsOf(Action.SetPartition.class)).isEmpty();
    }

    @Test
    void aVersionChangeDuringTheRestoresRollWaitsForItsEnd() {
        Decision d = RollingRestartTest.decide(spec("2.5.0", null), REQUESTED, cluster(IMAGE, 3, "restore/r1@5"));

        assertThat(d.nextStatus().upgrade().targetVersion()).isEqualTo("2.4.0");
        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).isEmpty();
    }

    @Test
    void aNewVersionWaitsForTheLockWhileTheRestoreHoldsIt() {
        Decision d = RollingRestartTest.decide(spec("2.5.0", null), RUNNING.withOperationLock(RESTORE_LOCK),
                cluster(IMAGE, 0, null));

        assertThat(d.nextStatus().upgrade()).isNull();
        assertThat(d.nextStatus().operationLock()).isEqualTo(RESTORE_LOCK);
        assertThat(d.actions()).noneMatch(a -> a instanceof Action.LockPartitionAndSetImage);
    }
}
