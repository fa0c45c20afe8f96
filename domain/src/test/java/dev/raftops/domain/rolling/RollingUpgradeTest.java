package dev.raftops.domain.rolling;

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
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.UpgradeRequests;
import dev.raftops.domain.resource.UpgradeTimeouts;
import dev.raftops.domain.testing.RollingWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rolling upgrade's story, one behaviour per test. */
class RollingUpgradeTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    final Random random = new Random(7);
    RollingWorld world = new RollingWorld(random, 3, "2.4.0", 0, T0);
    ClusterSpec spec = RollingWorld.spec(3, "2.4.4");
    ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");

    Decision decide() {
        return decide(world.observe());
    }

    Decision decide(ClusterObservation observation) {
        return RollingUpgrade.decide(new DecisionInput(RollingWorld.KEY, 1, spec, status, observation, world.now(), random,
                RetryTiming.defaults().withoutJitter()));
    }

    /** Decides, applies and persists, like one controller pass. */
    Decision pass() {
        Decision d = decide();
        d.actions().forEach(world::apply);
        status = d.nextStatus();
        return d;
    }

    /** Runs passes (and cluster ticks) until the decision carries an action of {@code type}. */
    <T extends Action> T passUntil(Class<T> type) {
        for (int i = 0; i < 200; i++) {
            Decision d = pass();
            if (!d.actionsOf(type).isEmpty()) {
                return d.actionsOf(type).get(0);
            }
            world.tick();
            world.advance(Duration.ofSeconds(5));
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 200 passes; status " + status.upgrade());
    }

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
        StatefulSetView sts = now.statefulSet("db").orElseThrow();
        String old = now.podsOf("db").get(2).revision();
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
        world = new RollingWorld(random, 3, "2.4.0", 2, T0);
        Action.CreateJob job = passUntil(Action.CreateJob.class);
        assertThat(job.job().name()).startsWith("db-step-down-2-2-4-4-a1-s1-");
        assertThat(world.partition()).isEqualTo(3);
        Action.SetPartition release = passUntil(Action.SetPartition.class);
        assertThat(release.partition()).isEqualTo(2);
        assertThat(world.pods().get(2).leadership).isEqualTo(Leadership.FOLLOWER);
    }

    @Test
    void aFinishedOrdinalIsRecordedAndTheNextReleasedInOnePassWithOneEvent() {
        passUntil(Action.SetPartition.class);
        for (int i = 0; i < 20 && !rolled(world.pods().get(2)); i++) {
            world.tick();
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

    private static boolean rolled(RollingWorld.Pod pod) {
        return pod != null && pod.image.endsWith(":2.4.4") && pod.ready && pod.lag == 0;
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
        StatefulSetView sts = now.statefulSet("db").orElseThrow();
        // released while the StatefulSet controller had not yet reported the new template's revision
        StatefulSetView stale = new StatefulSetView(sts.name(), sts.uid(), sts.resourceVersion(), sts.replicas(),
                sts.partition(), sts.onDelete(), sts.currentRevision(), sts.currentRevision(), sts.templateImage(), 2, 1,
                sts.readyReplicas(), sts.replicas(), sts.annotations());
        Decision release = decide(now.withStatefulSet(stale));
        assertThat(release.actionsOf(Action.SetPartition.class)).singleElement()
                .satisfies(r -> assertThat(r.partition()).isEqualTo(2));
        release.actions().forEach(world::apply);
        status = release.nextStatus();

        Decision waiting = decide();

        assertChangesNothing(waiting);
    }

    @Test
    void theLastPodWaitsForTheStatefulSetToCountItWithoutAStatusWriteOfItsOwn() {
        passUntil(Action.LockPartitionAndSetImage.class);
        for (int i = 0; i < 200 && world.partition() > 0; i++) {
            pass();
            world.tick();
            world.advance(Duration.ofSeconds(5));
        }
        for (int i = 0; i < 20 && !rolled(world.pods().get(0)); i++) {
            world.tick();
        }
        assertThat(rolled(world.pods().get(0))).isTrue();
        ClusterObservation now = world.observe();
        StatefulSetView sts = now.statefulSet("db").orElseThrow();
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
        world = new RollingWorld(random, 3, "2.4.0", 2, T0);
        Action.CreateJob job = passUntil(Action.CreateJob.class);
        world.pods().get(2).leadership = Leadership.FOLLOWER; // stepped down, no pod elected yet
        ClusterObservation electing = world.observe().withJob(new JobView(job.job().name(), "step-down",
                JobResult.SUCCEEDED, world.now(), world.now(), null));
        Decision waiting = decide(electing);
        assertChangesNothing(waiting);
    }

    @Test
    void neverReleasesWhileAnotherVoterIsNotReady() {
        pass();
        pass();
        world.pods().get(0).ready = false;
        world.pods().get(0).neverReady = true;
        for (int i = 0; i < 20; i++) {
            assertThat(pass().hasDisruptiveAction()).isFalse();
            world.advance(Duration.ofSeconds(5));
        }
        assertThat(Condition.find(status.conditions(), Condition.PROGRESSING).orElseThrow().reason())
                .isEqualTo(RollingReasons.QUORUM_NOT_HEALTHY);
    }

    @Test
    void failsWithPodNotReadyMeasuredFromTheRelease() {
        passUntil(Action.SetPartition.class);
        world.tick(); // the StatefulSet restarts pod 2
        world.pods().get(2).neverReady = true;
        world.pods().get(2).ready = false;
        world.advance(Duration.ofMinutes(9));
        pass();
        assertThat(status.upgrade().failed()).isFalse();
        world.advance(Duration.ofMinutes(2));
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
        passUntil(Action.SetPartition.class);
        world.tick();
        world.pods().get(2).neverReady = true;
        world.pods().get(2).ready = false;
        world.advance(Duration.ofSeconds(16));

        pass();

        assertThat(status.upgrade().failure().message()).contains("within 15s of its release");
    }

    @Test
    void keepsOnlyTheFirstFailure() {
        failsWithPodNotReadyMeasuredFromTheRelease();
        Instant firstAt = status.upgrade().failure().at();
        world.advance(Duration.ofMinutes(30));
        assertThat(pass().actions()).isEmpty();
        assertThat(status.upgrade().failure().at()).isEqualTo(firstAt);
    }

    @Test
    void aRetryTokenResumesWithFreshBudgetsAndDeletesTheStuckPod() {
        failsWithPodNotReadyMeasuredFromTheRelease();
        world.pods().get(2).neverReady = false;
        spec = spec.withUpgrade(spec.upgrade().withRequests(UpgradeRequests.none().withRetry("2026-11-24T10:30:00Z")));
        Decision retry = pass();
        assertThat(retry.actionsOf(Action.DeletePod.class)).singleElement()
                .satisfies(d -> assertThat(d.pod()).isEqualTo("db-2"));
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
        for (int i = 0; i < 10; i++) {
            world.tick();
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
        assertThat(world.allRun("2.4.4")).isTrue();
    }

    @Test
    void theNextUpgradeAsksForAStepDownOfItsOwnWhileTheLastUpgradesJobStillExists() {
        world = new RollingWorld(random, 3, "2.4.0", 2, T0);
        String first = passUntil(Action.CreateJob.class).job().name();
        runUntilCurrentVersion("2.4.4");
        world.leader().ifPresent(l -> world.pods().get(l).leadership = Leadership.FOLLOWER);
        world.pods().get(2).leadership = Leadership.LEADER;
        spec = RollingWorld.spec(3, "2.4.5");

        Action.CreateJob second = passUntil(Action.CreateJob.class);
        assertThat(world.observe().job(first)).hasValueSatisfying(j -> assertThat(j.result()).isEqualTo(JobResult.SUCCEEDED));
        assertThat(second.job().name()).isNotEqualTo(first);
        assertThat(world.partition()).isEqualTo(3); // the leader is not released on the strength of the old Job
    }

    @Test
    void theNextUpgradeTakesASnapshotOfItsOwnWhileTheLastUpgradesSnapshotJobStillExists() {
        spec = withSnapshot(RollingWorld.spec(3, "2.4.4"));
        Action.CreateJob first = passUntil(Action.CreateJob.class);
        assertThat(first.job().action()).isEqualTo(ExecutorAction.PRE_UPGRADE_SNAPSHOT);
        runUntilCurrentVersion("2.4.4");
        spec = withSnapshot(RollingWorld.spec(3, "2.4.5"));

        Action.CreateJob second = passUntil(Action.CreateJob.class);
        assertThat(second.job().action()).isEqualTo(ExecutorAction.PRE_UPGRADE_SNAPSHOT);
        assertThat(second.job().name()).isNotEqualTo(first.job().name());
        assertThat(world.partition()).isEqualTo(3);
    }

    private static ClusterSpec withSnapshot(ClusterSpec spec) {
        BackupSpec backup = new BackupSpec("@daily", "UTC", new BackupSpec.Retention(7, Duration.ofDays(30)),
                Map.of("bucket", "snapshots"), "raftops/backup:1", null);
        return spec.withUpgrade(spec.upgrade().withPreUpgradeSnapshot(true)).withBackup(backup);
    }

    private void runUntilCurrentVersion(String version) {
        for (int i = 0; i < 300 && !version.equals(status.currentVersion()); i++) {
            pass();
            world.tick();
            world.advance(Duration.ofSeconds(5));
        }
        assertThat(status.currentVersion()).isEqualTo(version);
    }

    @Test
    void theFirstConvergenceIsRecordedInOneStatusWrite() {
        spec = RollingWorld.spec(3, "2.4.0");
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
        spec = RollingWorld.spec(3, "2.4.5");
        Decision retarget = pass();
        assertThat(retarget.actionsOf(Action.LockPartitionAndSetImage.class)).singleElement()
                .satisfies(a -> assertThat(a.partition()).isEqualTo(3));
        assertThat(status.upgrade().targetVersion()).isEqualTo("2.4.5");
        assertThat(status.upgrade().attempt()).isEqualTo(2);
    }

    @Test
    void retargetingBelowTheRunningTargetIsBlocked() {
        passUntil(Action.SetPartition.class);
        spec = RollingWorld.spec(3, "2.4.2");
        Decision blocked = pass();
        assertThat(blocked.actions()).allMatch(a -> a instanceof Action.Emit);
        assertThat(Condition.find(status.conditions(), Condition.UPGRADING).orElseThrow().reason())
                .isEqualTo("DowngradeBlocked");
    }

    @Test
    void aSingleReplicaIsReleasedWithoutStepDown() {
        world = new RollingWorld(random, 1, "2.4.0", 0, T0);
        spec = RollingWorld.spec(1, "2.4.4");
        assertThat(passUntil(Action.SetPartition.class).partition()).isZero();
        assertThat(status.upgrade().stepDown()).isNull();
    }

    @Test
    void twoLeadersEnterBreakGlassAndHaltEverything() {
        pass();
        pass();
        world.pods().get(1).leadership = Leadership.LEADER;
        Decision split = pass();
        assertThat(split.hasDisruptiveAction()).isFalse();
        assertThat(status.breakGlass().active()).isTrue();
        assertThat(status.breakGlass().reason()).isEqualTo("SplitBrain");
        assertThat(pass().actions()).isEmpty();
    }

    @Test
    void aStepDownThatNeverMovesLeadershipTimesOutFromTheJobsCreation() {
        world = new RollingWorld(random, 3, "2.4.0", 2, T0);
        passUntil(Action.CreateJob.class);
        Instant jobCreated = world.now();
        ClusterObservation stuck = world.observe();
        // the job runs but leadership never moves
        world.advance(Duration.ofSeconds(59));
        assertThat(decide(stuck).nextStatus().upgrade().failed()).isFalse();
        world.advance(Duration.ofSeconds(2));
        Decision timeout = decide(stuck.withJob(new JobView(status.upgrade().stepDown().job(), "step-down",
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
                .satisfies(j -> assertThat(j.job().name()).startsWith("db-step-down-2-2-4-4-a1-s1-"));
    }

    @Test
    void aReleasedPodElectedBeforeItsRestartIsAskedToStepDownAgain() {
        passUntil(Action.SetPartition.class);
        world.leader().ifPresent(l -> world.pods().get(l).leadership = Leadership.FOLLOWER);
        world.pods().get(2).leadership = Leadership.LEADER; // elected before the StatefulSet restarted it
        Decision d = pass();
        assertThat(d.actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().action().wireName()).isEqualTo("step-down"));
        assertThat(d.hasDisruptiveAction()).isFalse();
    }

    @Test
    void aReleasedPodIsNotCountedRolledAgainstAStatefulSetStatusThatHasNotSeenTheTemplate() {
        passUntil(Action.SetPartition.class);
        ClusterObservation now = world.observe();
        var sts = now.statefulSet("db").orElseThrow();
        var pod2 = now.podsOf("db").get(2);
        // the StatefulSet controller has not observed the new template yet: updateRevision still names pod 2's revision
        var stale = new dev.raftops.domain.cluster.StatefulSetView(sts.name(), sts.uid(), sts.resourceVersion(),
                sts.replicas(), sts.partition(), false, pod2.revision(), pod2.revision(), sts.templateImage(),
                sts.generation() + 1, sts.generation(), sts.readyReplicas(), sts.replicas(), sts.annotations());
        Decision d = decide(now.withStatefulSet(stale));
        assertThat(d.nextStatus().upgrade().completedOrdinals()).isEmpty();
    }
}
