package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenDecision;
import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForwardPhasesTest {

    @Test
    void startsAnAttemptWithTheLockAndNoWorkloadWrite() {
        CutoverScript w = CutoverScript.running("1.5.0");
        Decision d = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.DeployingGreen);
        assertThat(w.status.operationLock().isHeldBy(Operation.BlueGreen, Holders.BLUE_GREEN)).isTrue();
        assertThat(d.actions()).allMatch(a -> a instanceof Action.Emit);
        assertThat(w.bg().greenVersion()).isEqualTo("1.5.0");
        assertThat(w.bg().greenRevision()).isEqualTo(Revision.of("1.5.0", CutoverScript.image("1.5.0"), 3));
    }

    @Test
    void createsNoGreenWhileBlueHasNoLeader() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.step();
        w.noLeader();
        Decision d = w.step();
        assertThat(d.actionsOf(Action.CreateWorkload.class)).isEmpty();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.DeployingGreen);
    }

    @Test
    void createsGreenAsNonVotersJoiningBluesRevision() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.step();
        Decision d = w.step();
        Action.CreateWorkload green = d.actionsOf(Action.CreateWorkload.class).get(0);
        assertThat(green.joinRevision()).isEqualTo(w.bg().blueRevision());
        assertThat(green.statefulSet()).isEqualTo(w.greenSet());
        assertThat(green.replicas()).isEqualTo(3);
    }

    @Test
    void pinsTheClientServicesToBlueBeforeGreenExistsWhenTheySelectEveryPod() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.selectors.clear(); // as first rendered: the cluster label only, so every pod of either colour serves
        w.step();
        Decision pin = w.step();
        assertThat(pin.actionsOf(Action.SwitchTraffic.class)).extracting(Action.SwitchTraffic::revision)
                .containsExactly(w.bg().blueRevision());
        assertThat(pin.actionsOf(Action.CreateWorkload.class)).isEmpty();
        Decision create = w.step();
        assertThat(create.actionsOf(Action.CreateWorkload.class)).hasSize(1);
    }

    @Test
    void joinsOnlyOnceEveryGreenPodIsReady() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.step();
        w.step();
        w.readyAll();
        w.setPod(w.greenSet() + "-2", p -> p.withReady(false));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.DeployingGreen);
        w.readyAll();
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.JoiningMesh);
    }

    @Test
    void joiningMeshRunsTheJoinJobAndMovesToSyncingWhenItSucceeds() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.JoiningMesh);
        Decision d = w.step();
        assertThat(d.actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().action()).isEqualTo(ExecutorAction.JOIN_GREEN));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.JoiningMesh);
        w.finishAll(ExecutorAction.JOIN_GREEN, true);
        w.step();
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Syncing);
    }

    @Test
    void syncingLastsAtLeastMinSyncDuration() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(true, 5,
                new BlueGreenSpec.Verification(Duration.ofMinutes(10), 100, null), null)));
        w.runCooperatively(30, x -> x.phase() == BlueGreenPhase.Syncing);
        Decision d = w.step();
        assertThat(d.actionsOf(Action.CreateJob.class)).isEmpty();
        assertThat(d.wake()).isInstanceOf(Wake.After.class);
        assertThat(((Wake.After) d.wake()).delay()).isLessThanOrEqualTo(Duration.ofMinutes(10)).isPositive();
        w.advance(Duration.ofMinutes(10));
        assertThat(w.step().actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().action()).isEqualTo(ExecutorAction.WAIT_SYNCED));
    }

    @Test
    void syncingWaitsWhileAGreenPodLagsBeyondMaxLagEntries() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(30, x -> x.phase() == BlueGreenPhase.Syncing);
        w.setPod(w.greenSet() + "-1", p -> p.withLag(101L));
        w.runPasses(10);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Syncing);
        w.setPod(w.greenSet() + "-1", p -> p.withLag(100L));
        w.runCooperatively(3, x -> x.phase() != BlueGreenPhase.Syncing);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Promoting);
    }

    @Test
    void promotingMakesGreenVotersBeforeBlueIsDemoted() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(40, x -> x.phase() == BlueGreenPhase.Promoting);
        assertThat(w.step().actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().action()).isEqualTo(ExecutorAction.PROMOTE_GREEN));
        w.finishAll(ExecutorAction.PROMOTE_GREEN, true);
        w.step();
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.DemotingBlue);
        assertThat(w.podsOf(w.greenSet())).allMatch(p -> p.voter());
    }

    @Test
    void switchesTrafficToGreenOnlyOnceGreenLeads() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(50, x -> x.phase() == BlueGreenPhase.DemotingBlue);
        w.step();
        w.runningJob(ExecutorAction.DEMOTE_BLUE).ifPresent(j -> w.finish(j, true));
        w.noLeader();
        for (int i = 0; i < 3; i++) {
            assertThat(w.step().actionsOf(Action.SwitchTraffic.class)).isEmpty();
        }
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.DemotingBlue);
        w.leaderTo(w.greenSet());
        Decision d = w.step();
        assertThat(d.actionsOf(Action.SwitchTraffic.class)).singleElement()
                .satisfies(t -> assertThat(t.revision()).isEqualTo(w.bg().greenRevision()));
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Cleanup);
    }

    @Test
    void cleanupRemovesBluePeersThenDeletesBlueThenMakesGreenBlue() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(60, x -> x.phase() == BlueGreenPhase.Cleanup);
        String green = w.bg().greenRevision();
        String blueSet = w.blueSet();
        assertThat(w.step().actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().action()).isEqualTo(ExecutorAction.REMOVE_BLUE_PEERS));
        assertThat(w.workloads).containsKey(blueSet);
        w.finishAll(ExecutorAction.REMOVE_BLUE_PEERS, true);
        w.step();
        assertThat(w.step().actionsOf(Action.DeleteWorkload.class)).singleElement()
                .satisfies(del -> assertThat(del.statefulSet()).isEqualTo(blueSet));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Cleanup);
        w.settlePods();
        Decision done = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.bg().blueRevision()).isEqualTo(green);
        assertThat(w.status.currentVersion()).isEqualTo("1.5.0");
        assertThat(w.status.operationLock().isHeld()).isFalse();
        assertThat(done.wake()).isInstanceOf(Wake.Idle.class);
        assertThat(w.emitted(BlueGreenReasons.UPGRADE_COMPLETE)).isTrue();
    }

    @Test
    void aCompletedClusterAnswersIdleSoTheOtherFamiliesRun() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(80, x -> "1.5.0".equals(x.status.currentVersion()));
        Decision d = w.step();
        assertThat(d.wake()).isInstanceOf(Wake.Idle.class);
        assertThat(d.actions()).isEmpty();
        assertThat(w.selectors.values()).containsOnly(w.bg().blueRevision());
        assertThat(w.podsOf(w.blueSet())).filteredOn(p -> p.leadership() == Leadership.LEADER).hasSize(1);
    }

    @Test
    void aGreenThatNeverBecomesReadyAbortsAfterPodReadyAndLatches() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.step();
        w.step();
        w.advance(Duration.ofMinutes(9));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.DeployingGreen);
        w.advance(Duration.ofMinutes(2));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.bg().rollbackReason()).isEqualTo(BlueGreenReasons.GREEN_NOT_READY);
        assertThat(w.bg().failedTarget()).isNotNull();
    }

    @Test
    void jobNamesStayTheSameWithinAnAttemptAndChangeWithANewOne() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.JoiningMesh);
        w.jobs.clear(); // the join Job is asked for again, as after its deletion
        String name = joinJob(BlueGreenDecision.decide(w.input()));
        assertThat(joinJob(BlueGreenDecision.decide(w.input()))).isEqualTo(name);
        BlueGreenStatus another = w.bg().started("0badcafe", w.bg().target(), null, w.now)
                .advancedTo(BlueGreenPhase.JoiningMesh, w.now);
        assertThat(joinJob(BlueGreenDecision.decide(w.input().withStatus(w.status.withBlueGreen(another)))))
                .isNotEqualTo(name).hasSizeLessThanOrEqualTo(63);
    }

    private static String joinJob(Decision d) {
        return d.actionsOf(Action.CreateJob.class).stream().filter(j -> j.job().action() == ExecutorAction.JOIN_GREEN)
                .map(j -> j.job().name()).findFirst().orElseThrow(() -> new AssertionError("no join Job in " + d.actions()));
    }
}
