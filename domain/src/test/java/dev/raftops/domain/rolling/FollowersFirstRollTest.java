package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.AdoptedOnDelete.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An adopted OnDelete StatefulSet rolls by deletes: image only, followers first, the leader last. */
class FollowersFirstRollTest {

    private static final List<PodView> OLD = List.of(pod(0, false, Leadership.FOLLOWER),
            pod(1, false, Leadership.LEADER), pod(2, false, Leadership.FOLLOWER));

    @Test
    void theUpgradeOfAnOnDeleteStatefulSetWritesOnlyItsImage() {
        Decision d = decide(spec("2.4.4", 3), steady().withOperationLock(steady().operationLock()
                .acquire(dev.raftops.domain.opslifecycle.Operation.Upgrade,
                        dev.raftops.domain.opslifecycle.Holders.UPGRADE, "upgrade to 2.4.4", NOW).lock()),
                statefulSet(3, "2.4.0", true, 3, 3), OLD);

        assertThat(d.actionsOf(Action.SetImage.class)).containsExactly(new Action.SetImage(STS, image("2.4.4"), "41"));
        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).isEmpty();
        assertThat(d.nextStatus().upgrade().plan()).extracting(RollingProgress.PlanStep::ordinal)
                .as("followers highest first, the leader last").containsExactly(2, 0, 1);
    }

    @Test
    void theFirstPodDeletedIsTheHighestOrdinalFollowerWithItsUidAndResourceVersion() {
        Decision d = decide(spec("2.4.4", 3), upgrading(started(3, OLD)), statefulSet(3, "2.4.4", true, 0, 3), OLD);

        assertThat(d.actionsOf(Action.DeletePod.class)).containsExactly(new Action.DeletePod("openbao-2", "uid-2", "rv-2"));
        assertThat(d.nextStatus().upgrade().releasedAt()).as("the release is recorded with the delete").isEqualTo(NOW);
    }

    @Test
    void noPodIsDeletedBeforeTheStatefulSetHasObservedTheNewTemplate() {
        Decision d = decide(spec("2.4.4", 3), upgrading(started(3, OLD)), statefulSet(3, "2.4.4", false, 0, 3), OLD);

        assertThat(d.actionsOf(Action.DeletePod.class)).isEmpty();
        assertThat(d.nextStatus().conditions()).anyMatch(c -> c.reason().equals(RollingReasons.TEMPLATE_NOT_OBSERVED));
    }

    @Test
    void theLeaderIsAskedToStepDownOnceEveryFollowerHasRolled() {
        List<PodView> pods = List.of(pod(0, true, Leadership.FOLLOWER), pod(1, false, Leadership.LEADER),
                pod(2, true, Leadership.FOLLOWER));
        RollingProgress progress = started(3, OLD).completed(2, List.of()).completed(0, List.of());
        progress = progress.withPlan(RollingPlan.followersFirst(progress.completedOrdinals(), 3, byOrdinal(pods)));

        Decision d = decide(spec("2.4.4", 3), upgrading(progress), statefulSet(3, "2.4.4", true, 2, 3), pods);

        assertThat(d.actionsOf(Action.DeletePod.class)).as("the leader is never deleted while it leads").isEmpty();
        assertThat(d.actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().parameters()).containsEntry("RAFTOPS_TARGET_POD", "openbao-1"));
    }

    @Test
    void aPodRecreatedOnTheUpdateRevisionBeforeACrashIsRecordedAndNotDeletedAgain() {
        // the delete of openbao-2 was performed, the controller crashed before the status write
        List<PodView> pods = List.of(pod(0, false, Leadership.FOLLOWER), pod(1, false, Leadership.LEADER),
                pod(2, true, Leadership.FOLLOWER));

        Decision d = decide(spec("2.4.4", 3), upgrading(started(3, OLD)), statefulSet(3, "2.4.4", true, 1, 3), pods);

        assertThat(d.nextStatus().upgrade().completedOrdinals()).containsExactly(2);
        assertThat(d.actionsOf(Action.DeletePod.class)).as("the next follower goes on the same observation")
                .containsExactly(new Action.DeletePod("openbao-0", "uid-0", "rv-0"));
    }

    @Test
    void aTargetWhoseDeleteIsRecordedIsWaitedForEvenWhenAStaleReadShowsTheOldPod() {
        RollingProgress released = started(3, OLD).withReleasedAt(NOW.minusSeconds(5));

        Decision d = decide(spec("2.4.4", 3), upgrading(released), statefulSet(3, "2.4.4", true, 0, 3), OLD);

        assertThat(d.actionsOf(Action.DeletePod.class)).isEmpty();
        assertThat(d.hasDisruptiveAction()).isFalse();
    }

    @Test
    void theUpgradeFinishesThoughTheStatefulSetNeverMovesItsCurrentRevision() {
        List<PodView> pods = List.of(pod(0, true, Leadership.LEADER), pod(1, true, Leadership.FOLLOWER),
                pod(2, true, Leadership.FOLLOWER));
        RollingProgress progress = started(3, OLD).completed(2, List.of()).completed(0, List.of())
                .withPlan(List.of(new RollingProgress.PlanStep(1, true))).withReleasedAt(NOW.minusSeconds(5));
        StatefulSetView sts = statefulSet(3, "2.4.4", true, 3, 3); // currentRevision stays OLD_REV (k8s#73492)

        Decision d = decide(spec("2.4.4", 3), upgrading(progress), sts, pods);

        assertThat(d.nextStatus().currentVersion()).isEqualTo("2.4.4");
        assertThat(d.nextStatus().upgrade()).isNull();
        assertThat(d.nextStatus().operationLock().isHeld()).isFalse();
    }

    @Test
    void anAdoptedStatefulSetRefusesBlueGreenWithTheReason() {
        ClusterSpec adopted = spec("2.4.4", 3);

        assertThatThrownBy(() -> adopted.withUpgrade(adopted.upgrade().withStrategy(UpgradeStrategy.BLUE_GREEN)))
                .hasMessageContaining("spec.workload.statefulSetRef").hasMessageContaining("use RollingUpdate");
    }
}
