package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingRestartTest.NOW;
import static dev.raftops.domain.rolling.RollingRestartTest.RUNNING;
import static dev.raftops.domain.rolling.RollingRestartTest.decide;
import static dev.raftops.domain.rolling.RollingRestartTest.heldByUpgrade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new {@code spec.image} at the version the cluster runs (a digest pin, a mirror) is a reason to roll. */
class ImageChangeTest {

    static final String IMAGE = RollingRestartTest.IMAGE;
    static final String MIRROR = "mirror.example/openbao/openbao:2.4.0";
    static final String PINNED = "quay.io/openbao/openbao:2.4.0@sha256:" + "ab".repeat(32);
    /** Converged on 2.4.0, {@code status.currentImage} recorded. */
    static final ClusterStatus ON_IMAGE = RUNNING.withCurrentImage(IMAGE);

    /** Three Ready pods on {@code image}, ordinal 0 leads; {@code onDelete} for an adopted StatefulSet. */
    static ClusterObservation cluster(String image, boolean onDelete) {
        StatefulSetView sts = new StatefulSetView("db", "uid-sts", "7", 3, onDelete ? null : 0, onDelete, "rev-a",
                "rev-a", image, 1, 1, 3, 3, Map.of(), null);
        return ClusterObservation.of(List.of(sts), List.of(RollingRestartTest.pod(0, Leadership.LEADER, image),
                RollingRestartTest.pod(1, Leadership.FOLLOWER, image), RollingRestartTest.pod(2, Leadership.FOLLOWER,
                        image)), List.of());
    }

    @Test
    void aMirrorOfTheRunningVersionLocksThePartitionWithTheNewImageAndRecordsTheChange() {
        Decision d = decide(ClusterSpec.of("2.4.0", MIRROR, 3), heldByUpgrade(ON_IMAGE), cluster(IMAGE, false));

        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).containsExactly(
                new Action.LockPartitionAndSetImage("db", 3, MIRROR, "7", null));
        RollingProgress progress = d.nextStatus().upgrade();
        assertThat(progress.fromImage()).isEqualTo(IMAGE);
        assertThat(progress.targetImage()).isEqualTo(MIRROR);
        assertThat(progress.fromVersion()).isEqualTo("2.4.0");
        assertThat(progress.targetVersion()).isEqualTo("2.4.0");
        assertThat(RollReason.of(progress)).isEqualTo(new RollReason.ImageChange("2.4.0", IMAGE, MIRROR));
        assertThat(Condition.find(d.nextStatus().conditions(), Condition.UPGRADING).orElseThrow().reason())
                .isEqualTo(RollingReasons.IMAGE_CHANGE_STARTED);
    }

    @Test
    void anImageChangeTakesTheLockFirstAndRecordsTheImageThePodsRunBeforeTheTemplateChanges() {
        Decision d = decide(ClusterSpec.of("2.4.0", PINNED, 3), RUNNING, cluster(IMAGE, false));

        assertThat(d.nextStatus().operationLock().isHeld()).isTrue();
        assertThat(d.nextStatus().currentImage()).as("a status from before images were recorded").isEqualTo(IMAGE);
        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).isEmpty();
    }

    @Test
    void aCrashAfterTheTemplateWriteStillFindsTheRecordedChangeAndWritesTheSameTemplateAgain() {
        // the lock and status.currentImage were persisted; the template write landed, its status write did not
        ClusterStatus status = heldByUpgrade(RUNNING.withCurrentImage(IMAGE));
        ClusterObservation written = cluster(MIRROR, false);

        Decision d = decide(ClusterSpec.of("2.4.0", MIRROR, 3), status, written);

        assertThat(d.actionsOf(Action.LockPartitionAndSetImage.class)).containsExactly(
                new Action.LockPartitionAndSetImage("db", 3, MIRROR, "7", null));
        assertThat(d.nextStatus().upgrade().fromImage()).isEqualTo(IMAGE);
    }

    @Test
    void theRecordedImageDecidesNotATemplateSomeoneElseEdited() {
        Decision d = decide(ClusterSpec.of("2.4.0", MIRROR, 3), RUNNING.withCurrentImage(MIRROR), cluster(IMAGE, false));

        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus().upgrade()).isNull();
    }

    @Test
    void theFirstConvergenceRecordsTheImageThePodsRun() {
        Decision d = decide(ClusterSpec.of("2.4.0", MIRROR, 3), ClusterStatus.initial(), cluster(MIRROR, false));

        assertThat(d.nextStatus().currentVersion()).isEqualTo("2.4.0");
        assertThat(d.nextStatus().currentImage()).isEqualTo(MIRROR);
    }

    @Test
    void anImageChangeWaitsForEveryPodReadyLikeAnUpgrade() {
        ClusterObservation oneDown = ClusterObservation.of(cluster(IMAGE, false).statefulSet("db").stream().toList(), List.of(
                RollingRestartTest.pod(0, Leadership.LEADER, IMAGE), RollingRestartTest.pod(1, Leadership.FOLLOWER,
                        IMAGE)), List.of());

        Decision d = decide(ClusterSpec.of("2.4.0", PINNED, 3), heldByUpgrade(ON_IMAGE), oneDown);

        assertThat(d.actions()).noneMatch(a -> a instanceof Action.LockPartitionAndSetImage);
        assertThat(d.nextStatus().upgrade()).isNull();
    }

    @Test
    void anAdoptedOnDeleteStatefulSetGetsTheImageAloneAndRollsByDeletingFollowersFirst() {
        Decision d = decide(ClusterSpec.of("2.4.0", MIRROR, 3), heldByUpgrade(ON_IMAGE), cluster(IMAGE, true));

        assertThat(d.actionsOf(Action.SetImage.class)).containsExactly(new Action.SetImage("db", MIRROR, "7"));
        assertThat(d.nextStatus().upgrade().plan()).extracting(RollingProgress.PlanStep::ordinal).endsWith(0);
    }

    @Test
    void theTemplateCarryingTheSpecsImageRollsNothing() {
        Decision d = decide(ClusterSpec.of("2.4.0", MIRROR, 3), RUNNING, cluster(MIRROR, false));

        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus().upgrade()).isNull();
    }

    @Test
    void anImageChangeThatRolledEveryPodEndsWithTheVersionUnchanged() {
        RollingProgress done = RollingProgress.started("2.4.0", "2.4.0", MIRROR, NOW.minusSeconds(60), 3, List.of(), 1,
                false).withFromImage(IMAGE).completed(2, List.of()).completed(1, List.of()).completed(0, List.of());
        ClusterStatus status = heldByUpgrade(RUNNING.withUpgrade(done));

        Decision d = decide(ClusterSpec.of("2.4.0", MIRROR, 3), status, cluster(MIRROR, false));

        assertThat(d.nextStatus().upgrade()).isNull();
        assertThat(d.nextStatus().currentVersion()).isEqualTo("2.4.0");
        assertThat(d.nextStatus().currentImage()).as("handled: the same spec.image rolls no more").isEqualTo(MIRROR);
        assertThat(d.nextStatus().operationLock().isHeld()).isFalse();
    }

    @Test
    void beforeTheFirstConvergenceAnotherImageIsExplainedNotWritten() {
        Decision d = decide(ClusterSpec.of("2.4.0", MIRROR, 3), ClusterStatus.initial(), cluster(IMAGE, false));

        assertThat(d.actions()).allMatch(a -> a instanceof Action.Emit);
        Condition upgrading = Condition.find(d.nextStatus().conditions(), Condition.UPGRADING).orElseThrow();
        assertThat(upgrading.reason()).isEqualTo(RollingReasons.TEMPLATE_IMAGE_DIFFERS);
        assertThat(upgrading.message()).contains(IMAGE, MIRROR, "delete StatefulSet db");
        assertThat(d.nextStatus().currentVersion()).isNull();
    }
}
