package dev.raftops.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.run.ScenarioRunner;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimWorldTest {

    private static final String NEW_IMAGE = "quay.io/openbao/openbao:2.2.0";

    private final SimClock clock = new SimClock(ScenarioRunner.EPOCH);

    private SimWorld world(Scenario scenario) {
        return new SimWorld(scenario, clock, new Trace(clock, "sim/raft"));
    }

    private SimWorld world() {
        return world(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 1));
    }

    private static StatefulSetView sts(SimWorld w) {
        return w.api().observe().statefulSet("raft").orElseThrow();
    }

    private static PodView pod(SimWorld w, int ordinal) {
        return w.api().observe().podsOf("raft").get(ordinal);
    }

    private static void lock(SimWorld w) {
        assertThat(w.api().lockPartitionAndSetImage("raft", 3, NEW_IMAGE, null, sts(w).resourceVersion()).written()).isTrue();
    }

    private static void release(SimWorld w, int partition) {
        assertThat(w.api().setPartition("raft", partition, sts(w).resourceVersion()).written()).isTrue();
    }

    /** A new image locked behind the partition, then the partition lowered to {@code partition}. */
    private SimWorld releasedDownTo(int partition) {
        return releasedDownTo(world(), partition);
    }

    private static SimWorld releasedDownTo(SimWorld w, int partition) {
        lock(w);
        release(w, partition);
        return w;
    }

    @Test
    void nothingRollsWhileThePartitionIsLockedAtReplicas() {
        SimWorld w = world();
        String uid = pod(w, 2).uid();
        lock(w);
        w.runFor(Duration.ofSeconds(60));
        assertThat(pod(w, 2).uid()).isEqualTo(uid);
        assertThat(sts(w).updateRevision()).isNotEqualTo(sts(w).currentRevision());
    }

    @Test
    void loweringThePartitionRollsTheReleasedOrdinalToTheUpdateRevision() {
        SimWorld w = releasedDownTo(2);
        w.runFor(Duration.ofSeconds(30));
        StatefulSetView sts = sts(w);
        assertThat(pod(w, 2).revision()).isEqualTo(sts.updateRevision());
        assertThat(pod(w, 2).version()).isEqualTo("2.2.0");
        assertThat(pod(w, 1).revision()).isEqualTo(sts.currentRevision());
        assertThat(sts.updatedReplicas()).isEqualTo(1);
    }

    @Test
    void theStatefulSetRollsTheNextOrdinalOnlyOnceEveryPodIsReady() {
        SimWorld w = releasedDownTo(1);
        w.runFor(Duration.ofSeconds(60));
        List<String> trace = traceOf(w);
        int ready2 = indexOf(trace, "\"kind\":\"pod.ready\",\"cluster\":\"sim/raft\",\"pod\":\"raft-2\"");
        int deleted1 = indexOf(trace, "\"kind\":\"pod.deleted\",\"cluster\":\"sim/raft\",\"pod\":\"raft-1\"");
        assertThat(ready2).isPositive();
        assertThat(deleted1).isGreaterThan(ready2);
        assertThat(pod(w, 0).version()).isEqualTo("2.1.0");
    }

    @Test
    void currentRevisionBecomesTheUpdateRevisionWhenEveryReplicaIsUpdated() {
        SimWorld w = releasedDownTo(0);
        w.runFor(Duration.ofSeconds(120));
        StatefulSetView sts = sts(w);
        assertThat(sts.currentRevision()).isEqualTo(sts.updateRevision());
        assertThat(sts.converged()).isTrue();
        assertThat(w.runsEverywhere("2.2.0")).isTrue();
    }

    @Test
    void aPodDeletedBelowThePartitionComesBackAtTheCurrentRevision() {
        SimWorld w = world();
        lock(w);
        PodView one = pod(w, 1);
        assertThat(w.api().deletePod(one.name(), one.uid()).written()).isTrue();
        w.runFor(Duration.ofSeconds(30));
        assertThat(pod(w, 1).uid()).isNotEqualTo(one.uid());
        assertThat(pod(w, 1).revision()).isEqualTo(sts(w).currentRevision());
        assertThat(pod(w, 1).version()).isEqualTo("2.1.0");
    }

    @Test
    void aCrashLoopingPodOnABrokenRevisionIsNotReplacedUntilDeleted() {
        SimWorld w = releasedDownTo(world(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 1)
                .withBrokenVersion("2.2.0", Scenario.PodFailureMode.CRASH_LOOP)), 2);
        w.runFor(Duration.ofSeconds(120));
        PodView stuck = pod(w, 2);
        assertThat(stuck.ready()).isFalse();
        assertThat(stuck.restartCount()).isPositive();
        w.runFor(Duration.ofSeconds(600));
        assertThat(pod(w, 2).uid()).isEqualTo(stuck.uid());
        assertThat(pod(w, 1).version()).isEqualTo("2.1.0");
        w.api().deletePod(stuck.name(), stuck.uid());
        w.runFor(Duration.ofSeconds(30));
        assertThat(pod(w, 2).uid()).isNotEqualTo(stuck.uid());
    }

    @Test
    void aNeverReadyPodStaysUnreadyWithoutRestarting() {
        SimWorld w = releasedDownTo(world(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 1)
                .withBrokenVersion("2.2.0", Scenario.PodFailureMode.NEVER_READY)), 2);
        w.runFor(Duration.ofSeconds(300));
        assertThat(pod(w, 2).ready()).isFalse();
        assertThat(pod(w, 2).restartCount()).isZero();
    }

    @Test
    void aStaleResourceVersionIsAConflictAndChangesNothing() {
        SimWorld w = world();
        String stale = sts(w).resourceVersion();
        lock(w);
        WriteResult result = w.api().setPartition("raft", 0, stale);
        assertThat(result).isInstanceOf(WriteResult.Conflict.class);
        assertThat(sts(w).partition()).isEqualTo(3);
    }

    @Test
    void deletingAPodByAnotherUidIsAConflict() {
        SimWorld w = world();
        assertThat(w.api().deletePod("raft-1", "uid-other")).isInstanceOf(WriteResult.Conflict.class);
        assertThat(pod(w, 1).terminating()).isFalse();
    }

    @Test
    void theStatusSubresourceRejectsAStaleResourceVersion() {
        SimWorld w = world();
        String version = w.api().readCluster().resourceVersion();
        assertThat(w.api().compareAndSetStatus(version, w.status().withCurrentVersion("2.1.0")).written()).isTrue();
        assertThat(w.api().compareAndSetStatus(version, w.status())).isInstanceOf(WriteResult.Conflict.class);
    }

    @Test
    void anotherReadyVoterIsElectedWhenTheLeaderIsDeleted() {
        SimWorld w = world();
        PodView leader = pod(w, 0);
        assertThat(leader.isLeader()).isTrue();
        w.api().deletePod(leader.name(), leader.uid());
        assertThat(w.leader()).isNull();
        w.runFor(Duration.ofSeconds(4));
        assertThat(w.leader()).isNotNull().isNotEqualTo(0);
        assertThat(w.term()).isEqualTo(2);
    }

    @Test
    void aStepDownJobMovesLeadershipAwayFromTheLeader() {
        SimWorld w = world();
        w.api().createJob(stepDown("raft-step-down-0"));
        w.runFor(Duration.ofSeconds(10));
        ClusterObservation seen = w.api().observe();
        assertThat(seen.job("raft-step-down-0").orElseThrow().result()).isEqualTo(JobResult.SUCCEEDED);
        assertThat(w.leader()).isNotEqualTo(0);
        assertThat(seen.podsOf("raft").values().stream().filter(PodView::isLeader).count()).isEqualTo(1);
    }

    @Test
    void aJobTheScenarioFailsFailsAndLeavesLeadershipAlone() {
        SimWorld w = world(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 1).withFaults(List.of(new Fault.JobFailure(1))));
        w.api().createJob(stepDown("raft-step-down-0"));
        w.runFor(Duration.ofSeconds(10));
        assertThat(w.api().observe().job("raft-step-down-0").orElseThrow().result()).isEqualTo(JobResult.FAILED);
        assertThat(w.leader()).isEqualTo(0);
    }

    @Test
    void aRestartedMemberLagsAtFirstAndCatchesUp() {
        SimWorld w = releasedDownTo(2);
        Long lagWhenReady = null;
        for (int i = 0; i < 300 && lagWhenReady == null; i++) {
            w.runFor(Duration.ofMillis(100));
            PodView two = pod(w, 2);
            if (two != null && two.ready() && two.version().equals("2.2.0")) {
                lagWhenReady = two.lag();
            }
        }
        assertThat(lagWhenReady).isGreaterThan(100L);
        w.runFor(Duration.ofSeconds(5));
        assertThat(pod(w, 2).lag()).isLessThanOrEqualTo(10L);
    }

    @Test
    void anInjectedSplitBrainMakesTwoPodsReportLeadership() {
        SimWorld w = world(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 1).withFaults(List.of(new Fault.SplitBrain(1))));
        w.runFor(Duration.ofSeconds(2));
        Map<Integer, PodView> pods = w.api().observe().podsOf("raft");
        assertThat(pods.values().stream().filter(PodView::isLeader).count()).isEqualTo(2);
    }

    @Test
    void aPodCrashTakesItsLeadershipAndItComesBackReady() {
        SimWorld w = world(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 1).withFaults(List.of(new Fault.PodCrash(1, 0))));
        String uid = pod(w, 0).uid();
        w.runFor(Duration.ofMillis(1500));
        assertThat(pod(w, 0).ready()).isFalse();
        assertThat(pod(w, 0).isLeader()).isFalse();
        w.runFor(Duration.ofSeconds(20));
        assertThat(pod(w, 0).ready()).isTrue();
        assertThat(pod(w, 0).uid()).isEqualTo(uid);
        assertThat(pod(w, 0).restartCount()).isEqualTo(1);
    }

    private static JobRequest stepDown(String name) {
        return new JobRequest(name, ExecutorAction.STEP_DOWN, null, null, Map.of("RAFTOPS_TARGET_POD", "raft-0"), 0);
    }

    private static List<String> traceOf(SimWorld w) {
        return w.traceLines();
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }
}
