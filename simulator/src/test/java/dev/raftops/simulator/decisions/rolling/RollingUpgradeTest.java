package dev.raftops.simulator.decisions.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.UpgradeRequests;
import dev.raftops.domain.resource.UpgradeTimeouts;
import dev.raftops.domain.rolling.RollingReasons;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.simulator.world.FamilyDrive;
import dev.raftops.simulator.world.Scenario;
import dev.raftops.simulator.world.SimWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The rolling upgrade's story, one behaviour per test, against the simulator's one model of the
 * StatefulSet and Raft ({@link RollingUpgradeFixture}).
 */
class RollingUpgradeTest extends RollingUpgradeFixture {

    @Test
    void takesTheLockBeforeAnyWorkloadWrite() {
        Decision first = decide();
        assertThat(first.actions()).isEmpty();
        assertThat(first.nextStatus().operationLock().isHeldBy(Operation.Upgrade, Holders.UPGRADE)).isTrue();
        assertThat(first.nextStatus().operationLock().epoch()).isEqualTo(1);
    }

    @Test
    void aTargetPodIsNotCountedAsRolledWhileTheStatefulSetHasNotObservedTheNewTemplate() {
        passUntil(Action.LockPartitionAndSetImage.class);
        ClusterObservation now = world.observe();
        StatefulSetView sts = now.statefulSet(STS).orElseThrow();
        String old = now.podsOf(STS).get(2).revision();
        // the StatefulSet controller has not yet seen the template change: updateRevision still names the old one
        StatefulSetView stale = new StatefulSetView(sts.name(), sts.uid(), sts.resourceVersion(), sts.replicas(),
                sts.partition(), sts.onDelete(), old, old, sts.templateImage(), 2, 1, sts.readyReplicas(),
                sts.replicas(), sts.annotations());

        Decision d = decide(now.withStatefulSet(stale));

        assertThat(d.nextStatus().upgrade().completedOrdinals()).isEmpty();
        assertThat(d.actionsOf(Action.Emit.class)).noneMatch(e -> e.toString().contains(RollingReasons.POD_UPGRADED));
    }

    @Test
    void locksThePartitionAndSetsTheImageInOneAction() {
        pass();
        Decision start = pass();
        assertThat(start.actionsOf(Action.LockPartitionAndSetImage.class)).singleElement()
                .satisfies(a -> {
                    assertThat(a.partition()).isEqualTo(3);
                    assertThat(a.image()).isEqualTo("quay.io/openbao/openbao:2.4.4");
                });
        assertThat(status.upgrade().currentPartition()).isEqualTo(3);
        assertThat(status.upgrade().plan()).extracting(RollingProgress.PlanStep::ordinal).containsExactly(2, 1, 0);
        assertThat(status.upgrade().plan()).filteredOn(RollingProgress.PlanStep::stepDown)
                .extracting(RollingProgress.PlanStep::ordinal).containsExactly(0);
    }

    @Test
    void releasesTheHighestOrdinalFirst() {
        Action.SetPartition release = passUntil(Action.SetPartition.class);
        assertThat(release.partition()).isEqualTo(2);
    }

    @Test
    void asksTheLeaderToStepDownBeforeReleasingIt() {
        world = world(3, 2, null);
        Action.CreateJob job = passUntil(Action.CreateJob.class);
        assertThat(job.job().name()).startsWith(STS + "-step-down-2-2-4-4-a1-s1-");
        assertThat(partition()).isEqualTo(3);
        Action.SetPartition release = passUntil(Action.SetPartition.class);
        assertThat(release.partition()).isEqualTo(2);
        assertThat(pod(2).leadership()).isEqualTo(Leadership.FOLLOWER);
    }

    @Test
    void aFinishedOrdinalIsRecordedAndTheNextReleasedInOnePassWithOneEvent() {
        passUntil(Action.SetPartition.class);
        for (int i = 0; i < 60 && !rolled(pod(2)); i++) {
            world.runFor(STEP);
        }
        Decision d = pass();
        assertThat(d.actionsOf(Action.SetPartition.class)).singleElement()
                .satisfies(r -> assertThat(r.partition()).isEqualTo(1));
        assertThat(d.actionsOf(Action.Emit.class)).singleElement().satisfies(e -> {
            assertThat(e.event().reason()).isEqualTo(RollingReasons.POD_RELEASED);
            assertThat(e.event().message()).startsWith("ordinal 2 runs 2.4.4 and is caught up; released ordinal 1");
        });
        assertThat(status.upgrade().completedOrdinals()).containsExactly(2);
        assertThat(status.upgrade().currentPartition()).isEqualTo(2);
    }

    /** A pass with nothing to do: no action, and the status already persisted (so no status write). */
    private void assertChangesNothing(Decision d) {
        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus()).isEqualTo(status);
    }

    private static boolean rolled(PodView pod) {
        return pod != null && pod.image().endsWith(":2.4.4") && pod.caughtUp(100); // Ready and within the lag limit
    }

    @Test
    void waitingForAReleasedPodNeedsNoStatusWriteOfItsOwn() {
        passUntil(Action.SetPartition.class);
        Decision waiting = decide();
        assertChangesNothing(waiting);
    }

    @Test
    void theWaitWrittenWithAReleaseStillHoldsWhenTheStatefulSetReportsTheNewRevisionLate() {
        passUntil(Action.LockPartitionAndSetImage.class);
        ClusterObservation now = world.observe();
        StatefulSetView sts = now.statefulSet(STS).orElseThrow();
        // released while the StatefulSet controller had not yet reported the new template's revision
        StatefulSetView stale = new StatefulSetView(sts.name(), sts.uid(), sts.resourceVersion(), sts.replicas(),
                sts.partition(), sts.onDelete(), sts.currentRevision(), sts.currentRevision(), sts.templateImage(), 2, 1,
                sts.readyReplicas(), sts.replicas(), sts.annotations());
        Decision release = decide(now.withStatefulSet(stale));
        assertThat(release.actionsOf(Action.SetPartition.class)).singleElement()
                .satisfies(r -> assertThat(r.partition()).isEqualTo(2));
        release.actions().forEach(world::perform);
        status = release.nextStatus();

        Decision waiting = decide();

        assertChangesNothing(waiting);
    }

    @Test
    void theLastPodWaitsForTheStatefulSetToCountItWithoutAStatusWriteOfItsOwn() {
        passUntil(Action.LockPartitionAndSetImage.class);
        for (int i = 0; i < 200 && partition() > 0; i++) {
            pass();
            world.runFor(STEP);
        }
        for (int i = 0; i < 60 && !rolled(pod(0)); i++) {
            world.runFor(STEP);
        }
        assertThat(rolled(pod(0))).as("pod 0 rolled: " + pod(0)).isTrue();
        ClusterObservation now = world.observe();
        StatefulSetView sts = now.statefulSet(STS).orElseThrow();
        // pod 0 is Ready on the new revision; the StatefulSet status does not count it yet
        StatefulSetView lagging = new StatefulSetView(sts.name(), sts.uid(), sts.resourceVersion(), sts.replicas(),
                sts.partition(), sts.onDelete(), sts.currentRevision(), sts.updateRevision(), sts.templateImage(),
                sts.generation(), sts.observedGeneration(), sts.replicas() - 1, sts.replicas() - 1, sts.annotations());

        Decision waiting = decide(now.withStatefulSet(lagging));

        assertChangesNothing(waiting);
        assertThat(decide().nextStatus().currentVersion()).isEqualTo("2.4.4");
    }

    @Test
    void theElectionAfterAStepDownNeedsNoStatusWriteOfItsOwn() {
        world = world(3, 2, null);
        Action.CreateJob job = passUntil(Action.CreateJob.class);
        ClusterObservation seen = world.observe(); // pod 2 stepped down, no pod elected yet
        ClusterObservation electing = seen.withPods(seen.pods().stream().map(p -> p.withLeadership(Leadership.FOLLOWER))
                .toList()).withJob(new JobView(job.job().name(), "step-down",
                JobResult.SUCCEEDED, world.now(), world.now(), null));
        Decision waiting = decide(electing);
        assertChangesNothing(waiting);
    }

    @Test
    void neverReleasesWhileAnotherVoterIsNotReady() {
        pass();
        pass();
        reported = o -> o.withPods(o.pods().stream().map(p -> p.ordinal() == 0 ? p.withReady(false) : p).toList());
        for (int i = 0; i < 20; i++) {
            assertThat(pass().hasDisruptiveAction()).isFalse();
            world.runFor(STEP);
        }
        assertThat(Condition.find(status.conditions(), Condition.PROGRESSING).orElseThrow().reason())
                .isEqualTo(RollingReasons.QUORUM_NOT_HEALTHY);
    }

    @Test
    void failsWithPodNotReadyMeasuredFromTheRelease() {
        world = world(3, 0, "2.4.4"); // the StatefulSet restarts pod 2 on 2.4.4, which never becomes Ready
        passUntil(Action.SetPartition.class);
        world.runFor(Duration.ofMinutes(9));
        pass();
        assertThat(status.upgrade().failed()).isFalse();
        world.runFor(Duration.ofMinutes(2));
        Decision failed = pass();
        assertThat(status.upgrade().failure().reason()).isEqualTo(RollingReasons.POD_NOT_READY);
        assertThat(status.upgrade().currentPartition()).as("progress is kept").isEqualTo(3);
        assertThat(status.operationLock().isHeld()).as("the lock waits for a retry released").isFalse();
        assertThat(failed.actionsOf(Action.Emit.class)).singleElement()
                .satisfies(e -> assertThat(e.event().reason()).isEqualTo(RollingReasons.POD_NOT_READY));
    }

    @Test
    void aPodNotReadyFailureNamesABudgetShorterThanAMinuteInSeconds() {
        spec = spec.withUpgrade(spec.upgrade().withTimeouts(new UpgradeTimeouts(
                spec.upgrade().timeouts().stepDown(), Duration.ofSeconds(15))));
        world = world(3, 0, "2.4.4");
        passUntil(Action.SetPartition.class);
        world.runFor(Duration.ofSeconds(16));

        pass();

        assertThat(status.upgrade().failure().message()).contains("within 15s of its release");
    }

    @Test
    void keepsOnlyTheFirstFailure() {
        failsWithPodNotReadyMeasuredFromTheRelease();
        Instant firstAt = status.upgrade().failure().at();
        world.runFor(Duration.ofMinutes(30));
        assertThat(pass().actions()).isEmpty();
        assertThat(status.upgrade().failure().at()).isEqualTo(firstAt);
    }

    @Test
    void aRetryTokenResumesWithFreshBudgetsAndDeletesTheStuckPod() {
        failsWithPodNotReadyMeasuredFromTheRelease();
        spec = spec.withUpgrade(spec.upgrade().withRequests(UpgradeRequests.none().withRetry("2026-11-24T10:30:00Z")));
        Decision retry = pass();
        assertThat(retry.actionsOf(Action.DeletePod.class)).singleElement()
                .satisfies(d -> assertThat(d.pod()).isEqualTo(POD_2));
        assertThat(status.upgrade().failed()).isFalse();
        assertThat(status.upgrade().attempt()).isEqualTo(2);
        assertThat(status.upgrade().startedAt()).isEqualTo(world.now());
        assertThat(status.requests().lastHandledRetry()).isEqualTo("2026-11-24T10:30:00Z");
        assertThat(pass().actionsOf(Action.DeletePod.class)).as("the token acts once").isEmpty();
    }

    @Test
    void recognisesAPodThatRolledBeforeACrashWithoutRestartingIt() {
        passUntil(Action.SetPartition.class);
        ClusterStatus beforeRelease = status.withUpgrade(status.upgrade().withReleasedAt(null));
        for (int i = 0; i < 60 && !rolled(pod(2)); i++) {
            world.runFor(STEP);
        }
        // the controller crashed after the partition write, before anything else was recorded
        status = beforeRelease;
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < 5 && status.upgrade().currentPartition() == 3; i++) {
            actions.addAll(pass().actions());
        }
        assertThat(actions).noneMatch(a -> a instanceof Action.DeletePod);
        assertThat(actions).filteredOn(a -> a instanceof Action.SetPartition)
                .allSatisfy(a -> assertThat(((Action.SetPartition) a).partition()).isLessThan(2));
        assertThat(status.upgrade().completedOrdinals()).containsExactly(2);
    }

    @Test
    void completionMovesTheVersionAndClearsProgressInOneStatus() {
        runUntilCurrentVersion("2.4.4");
        assertThat(status.upgrade()).isNull();
        assertThat(status.operationLock().isHeld()).isFalse();
        assertThat(world.world().runsEverywhere("2.4.4")).isTrue();
    }

    @Test
    void theNextUpgradeAsksForAStepDownOfItsOwnWhileTheLastUpgradesJobStillExists() {
        world = world(3, 2, null);
        String first = passUntil(Action.CreateJob.class).job().name();
        runUntilCurrentVersion("2.4.4");
        reported = leading(2);
        spec = spec(3, "2.4.5");

        Action.CreateJob second = passUntil(Action.CreateJob.class);
        assertThat(world.observe().job(first)).hasValueSatisfying(j -> assertThat(j.result()).isEqualTo(JobResult.SUCCEEDED));
        assertThat(second.job().name()).isNotEqualTo(first);
        assertThat(partition()).isEqualTo(3); // the leader is not released on the strength of the old Job
    }

    @Test
    void theNextUpgradeTakesASnapshotOfItsOwnWhileTheLastUpgradesSnapshotJobStillExists() {
        spec = withSnapshot(spec(3, "2.4.4"));
        Action.CreateJob first = passUntil(Action.CreateJob.class);
        assertThat(first.job().action()).isEqualTo(ExecutorAction.PRE_UPGRADE_SNAPSHOT);
        runUntilCurrentVersion("2.4.4");
        spec = withSnapshot(spec(3, "2.4.5"));

        Action.CreateJob second = passUntil(Action.CreateJob.class);
        assertThat(second.job().action()).isEqualTo(ExecutorAction.PRE_UPGRADE_SNAPSHOT);
        assertThat(second.job().name()).isNotEqualTo(first.job().name());
        assertThat(partition()).isEqualTo(3);
    }

    private static ClusterSpec withSnapshot(ClusterSpec spec) {
        BackupSpec backup = new BackupSpec("@daily", "UTC", new BackupSpec.Retention(7, Duration.ofDays(30)),
                Map.of("bucket", "snapshots"), "raftops/backup:1", null);
        return spec.withUpgrade(spec.upgrade().withPreUpgradeSnapshot(true)).withBackup(backup);
    }

    private void runUntilCurrentVersion(String version) {
        for (int i = 0; i < 300 && !version.equals(status.currentVersion()); i++) {
            pass();
            world.runFor(STEP);
        }
        assertThat(status.currentVersion()).isEqualTo(version);
    }

    @Test
    void theFirstConvergenceIsRecordedInOneStatusWrite() {
        spec = spec(3, "2.4.0");
        status = ClusterStatus.initial();
        Decision first = pass();
        assertThat(status.currentVersion()).isEqualTo("2.4.0");
        assertThat(first.actionsOf(Action.Emit.class)).singleElement()
                .satisfies(e -> assertThat(e.event().reason()).isEqualTo(RollingReasons.CLUSTER_INITIALIZED));
        Decision again = decide();
        assertChangesNothing(again);
    }

    @Test
    void theFirstPassAfterTheUpgradeCompletedChangesNothing() {
        runUntilCurrentVersion("2.4.4");
        Decision after = decide();
        assertChangesNothing(after);
        assertThat(Condition.find(status.conditions(), Condition.UPGRADING))
                .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo(RollingReasons.UPGRADE_COMPLETE));
    }

    @Test
    void aNewVersionMidUpgradeLocksThePartitionAgainAtReplicas() {
        passUntil(Action.SetPartition.class);
        spec = spec(3, "2.4.5");
        Decision retarget = pass();
        assertThat(retarget.actionsOf(Action.LockPartitionAndSetImage.class)).singleElement()
                .satisfies(a -> assertThat(a.partition()).isEqualTo(3));
        assertThat(status.upgrade().targetVersion()).isEqualTo("2.4.5");
        assertThat(status.upgrade().attempt()).isEqualTo(2);
    }

    @Test
    void retargetingBelowTheRunningTargetIsBlocked() {
        passUntil(Action.SetPartition.class);
        spec = spec(3, "2.4.2");
        Decision blocked = pass();
        assertThat(blocked.actions()).allMatch(a -> a instanceof Action.Emit);
        assertThat(Condition.find(status.conditions(), Condition.UPGRADING).orElseThrow().reason())
                .isEqualTo("DowngradeBlocked");
    }

    @Test
    void aSingleReplicaIsReleasedWithoutStepDown() {
        world = world(1, 0, null);
        spec = spec(1, "2.4.4");
        assertThat(passUntil(Action.SetPartition.class).partition()).isZero();
        assertThat(status.upgrade().stepDown()).isNull();
    }

    @Test
    void twoLeadersEnterBreakGlassAndHaltEverything() {
        pass();
        pass();
        reported = o -> o.withPods(o.pods().stream().map(p -> p.ordinal() == 1 ? p.withLeadership(Leadership.LEADER) : p)
                .toList()); // a second pod also reports leadership
        Decision split = pass();
        assertThat(split.hasDisruptiveAction()).isFalse();
        assertThat(status.breakGlass().active()).isTrue();
        assertThat(status.breakGlass().reason()).isEqualTo("SplitBrain");
        assertThat(pass().actions()).isEmpty();
    }

    @Test
    void aStepDownThatNeverMovesLeadershipTimesOutFromTheJobsCreation() {
        world = world(3, 2, null);
        String job = passUntil(Action.CreateJob.class).job().name();
        Instant jobCreated = world.now();
        ClusterObservation stuck = world.observe();
        // the job runs but leadership never moves
        world.runFor(Duration.ofSeconds(59));
        assertThat(decide(stuck).nextStatus().upgrade().failed()).isFalse();
        world.runFor(Duration.ofSeconds(2));
        Decision timeout = decide(stuck.withJob(new JobView(job, "step-down",
                JobResult.RUNNING, jobCreated, null, null)));
        assertThat(timeout.nextStatus().upgrade().failure().reason()).isEqualTo(RollingReasons.STEP_DOWN_TIMEOUT);
    }

    @Test
    void anUnknownLeaderIsTreatedAsMayLead() {
        pass();
        pass();
        List<PodView> unknown = world.observe().pods().stream().map(p -> p.withLeadership(Leadership.UNKNOWN)).toList();
        Decision d = decide(world.observe().withPods(unknown));
        assertThat(d.hasDisruptiveAction()).isFalse();
        assertThat(d.actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().name()).startsWith(STS + "-step-down-2-2-4-4-a1-s1-"));
    }

    @Test
    void aReleasedPodElectedBeforeItsRestartIsAskedToStepDownAgain() {
        passUntil(Action.SetPartition.class);
        reported = leading(2); // elected before the StatefulSet restarted it
        Decision d = pass();
        assertThat(d.actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().action().wireName()).isEqualTo("step-down"));
        assertThat(d.hasDisruptiveAction()).isFalse();
        // no release follows to tell it: this step-down has an Event of its own
        assertThat(d.actionsOf(Action.Emit.class)).singleElement().satisfies(e -> {
            assertThat(e.event().reason()).isEqualTo(RollingReasons.STEP_DOWN_REQUESTED);
            assertThat(e.event().message()).contains("was elected after its release");
        });
    }

    @Test
    void aReleasedPodIsNotCountedRolledAgainstAStatefulSetStatusThatHasNotSeenTheTemplate() {
        passUntil(Action.SetPartition.class);
        ClusterObservation now = world.observe();
        var sts = now.statefulSet(STS).orElseThrow();
        var pod2 = now.podsOf(STS).get(2);
        // the StatefulSet controller has not observed the new template yet: updateRevision still names pod 2's revision
        var stale = new dev.raftops.domain.cluster.StatefulSetView(sts.name(), sts.uid(), sts.resourceVersion(),
                sts.replicas(), sts.partition(), false, pod2.revision(), pod2.revision(), sts.templateImage(),
                sts.generation() + 1, sts.generation(), sts.readyReplicas(), sts.replicas(), sts.annotations());
        Decision d = decide(now.withStatefulSet(stale));
        assertThat(d.nextStatus().upgrade().completedOrdinals()).isEmpty();
    }
}
