package dev.raftops.domain.rolling;

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
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.Maintenance;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any steady cluster on 2.4.0 (partition or OnDelete order, pods Ready or one missing, any leader,
 * the lock free or held by the upgrade or a backup, a restart request or none) whose spec names the
 * running image, a mirror of it or a digest pin of it: the live template changes only as the start
 * of a roll (partition locked at replicas in the same write, or the image alone under OnDelete), with
 * the upgrade holding the lock and every pod Ready, never beside a release or a delete, the leader
 * planned for a step-down (and last under OnDelete); the roll is
 * recorded (from and to image), keeps the version, and an applied image change is not rolled again.
 */
class ImageChangePropertiesTest {

    static final String IMAGE = ImageChangeTest.IMAGE;

    record Input(ClusterSpec spec, ClusterStatus status, ClusterObservation observation, boolean allReady) {
    }

    static Input input(Random r) {
        String specImage = Generate.oneOf(r, IMAGE, ImageChangeTest.MIRROR, ImageChangeTest.PINNED, null);
        String templateImage = Generate.oneOf(r, IMAGE, ImageChangeTest.MIRROR, ImageChangeTest.PINNED);
        ClusterSpec spec = ClusterSpec.of("2.4.0", specImage, 3)
                .withMaintenance(Maintenance.off().withRestartAt(Generate.oneOf(r, null, "r1")));
        ClusterStatus status = RollingRestartTest.RUNNING;
        if (Generate.chance(r, 0.5)) {
            // recorded at the first convergence or the last roll; else a status from before images were recorded
            status = status.withCurrentImage(Generate.chance(r, 0.8) ? templateImage
                    : Generate.oneOf(r, IMAGE, ImageChangeTest.MIRROR, ImageChangeTest.PINNED));
        }
        if (Generate.chance(r, 0.5)) {
            status = status.withRequests(status.requests().withRestart("r1"));
        }
        int lock = Generate.between(r, 0, 2);
        if (lock == 1) {
            status = RollingRestartTest.heldByUpgrade(status);
        } else if (lock == 2) {
            status = status.withOperationLock(new OperationLock(Operation.Backup, Holders.BACKUP, "b",
                    RollingRestartTest.NOW, RollingRestartTest.NOW, 4));
        }
        return observed(spec, status, templateImage, null, Generate.chance(r, 0.5), Generate.between(r, 0, 2),
                !Generate.chance(r, 0.2));
    }

    /** Three pods on {@code image} ({@code ready}: all of them; else ordinal 1 is missing), {@code leader} leads. */
    static Input observed(ClusterSpec spec, ClusterStatus status, String image, String restartedAt, boolean onDelete,
            int leader, boolean ready) {
        StatefulSetView sts = new StatefulSetView("db", "uid-sts", "7", 3, onDelete ? null : 0, onDelete, "rev-a",
                "rev-a", image, 1, 1, 3, 3, Map.of(), restartedAt);
        List<PodView> pods = new ArrayList<>();
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            if (ready || ordinal != 1) {
                pods.add(RollingRestartTest.pod(ordinal, ordinal == leader ? Leadership.LEADER : Leadership.FOLLOWER,
                        image));
            }
        }
        return new Input(spec, status, ClusterObservation.of(List.of(sts), pods, List.of()), ready);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> inputs() {
        return PropertyCases.of(400, ImageChangePropertiesTest::input);
    }

    private static Decision decide(Input i) {
        return RollingRestartTest.decide(i.spec(), i.status(), i.observation());
    }

    private static String templateImage(Input i) {
        return i.observation().statefulSet("db").orElseThrow().templateImage();
    }

    /** The image the pods run as the status records it (from before images were recorded: the template's). */
    private static String runs(Input i) {
        return i.status().currentImage() != null ? i.status().currentImage() : templateImage(i);
    }

    /** The image a template write sets, or null when the decision writes no template. */
    private static String writtenImage(Decision d) {
        for (Action a : d.actions()) {
            if (a instanceof Action.LockPartitionAndSetImage lock) {
                return lock.image();
            }
            if (a instanceof Action.SetImage set) {
                return set.image();
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theLiveTemplateChangesOnlyAsTheStartOfARollWithEveryGateOfAnUpgrade(Case<Input> c) {
        Input in = c.value();
        Decision d = decide(in);
        String written = writtenImage(d);
        if (written == null) {
            return;
        }
        assertThat(written).as(c.why("invariant the template gets the spec's image for the running version"))
                .isEqualTo(in.spec().imageFor("2.4.0"));
        assertThat(in.status().operationLock().isHeldBy(Operation.Upgrade, Holders.UPGRADE))
                .as(c.why("invariant the lock was held by the upgrade before the template write")).isTrue();
        assertThat(in.allReady()).as(c.why("invariant every pod was Ready and caught up")).isTrue();
        assertThat(d.actions()).as(c.why("invariant no release or delete beside the template write"))
                .noneMatch(a -> a instanceof Action.SetPartition || a instanceof Action.DeletePod);
        d.actionsOf(Action.LockPartitionAndSetImage.class).forEach(lock -> assertThat(lock.partition())
                .as(c.why("invariant the partition is locked at replicas in the same write")).isEqualTo(3));
        RollingProgress progress = d.nextStatus().upgrade();
        assertThat(progress.targetImage()).as(c.why("invariant status names the image rolled to")).isEqualTo(written);
        assertThat(progress.fromImage()).as(c.why("invariant status names the image rolled from"))
                .isEqualTo(runs(in));
        assertThat(progress.targetVersion()).as(c.why("invariant an image change keeps the version"))
                .isEqualTo("2.4.0");
        int leader = in.observation().podsOf("db").values().stream().filter(PodView::isLeader)
                .mapToInt(PodView::ordinal).findFirst().orElseThrow();
        assertThat(progress.plan()).as(c.why("invariant the leader is stepped down before its restart"))
                .contains(new RollingProgress.PlanStep(leader, true));
        if (in.observation().statefulSet("db").orElseThrow().onDelete()) {
            assertThat(progress.plan().get(progress.plan().size() - 1).ordinal())
                    .as(c.why("invariant under OnDelete the leader rolls last")).isEqualTo(leader);
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void aNewImageOnAHealthyClusterStartsARollOnceTheLockIsFree(Case<Input> c) {
        Input in = c.value();
        boolean differs = !in.spec().imageFor("2.4.0").equals(runs(in));
        boolean restartPending = in.spec().maintenance().restartAt() != null
                && !in.spec().maintenance().restartAt().equals(in.status().requests().lastHandledRestart());
        if (!differs || !in.allReady() || in.status().operationLock().isHeldBy(Operation.Backup, Holders.BACKUP)) {
            return;
        }
        Decision first = decide(in);
        Decision d = first.nextStatus().upgrade() == null ? decide(new Input(in.spec(), first.nextStatus(),
                in.observation(), true)) : first;
        assertThat(d.nextStatus().currentImage()).as(c.why("invariant the running image is recorded before the "
                + "template changes")).isEqualTo(runs(in));

        assertThat(writtenImage(d)).as(c.why("liveness the new image is rolled within two passes"))
                .isEqualTo(in.spec().imageFor("2.4.0"));
        assertThat(RollReason.of(d.nextStatus().upgrade())).as(c.why("the reason says what rolls"))
                .isInstanceOf(restartPending ? RollReason.Restart.class : RollReason.ImageChange.class);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void anAppliedImageChangeIsNotRolledAgain(Case<Input> c) {
        Decision d = decide(c.value());
        String written = writtenImage(d);
        if (written == null) {
            return;
        }
        Input in = c.value();
        // the write was applied and every pod rolled: the roll finishes, and the pass after it rolls nothing
        RollingProgress progress = d.nextStatus().upgrade();
        RollingProgress done = progress.completed(2, List.of()).completed(1, List.of()).completed(0, List.of());
        boolean onDelete = in.observation().statefulSet("db").orElseThrow().onDelete();
        String restartedAt = d.actionsOf(Action.LockPartitionAndSetImage.class).stream().findFirst()
                .map(Action.LockPartitionAndSetImage::restartedAt).orElse(null);
        Input rolled = observed(in.spec(), d.nextStatus().withUpgrade(done), written, restartedAt, onDelete, 0, true);
        Decision finished = decide(rolled);
        Decision after = decide(observed(in.spec(), finished.nextStatus(), written, restartedAt, onDelete, 0, true));

        assertThat(finished.nextStatus().upgrade()).as(c.why("the roll finishes")).isNull();
        assertThat(writtenImage(after)).as(c.why("invariant an image change is rolled once")).isNull();
        assertThat(after.nextStatus().upgrade()).as(c.why("invariant nothing starts again")).isNull();
    }
}
