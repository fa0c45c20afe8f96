package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ExecutorAction;
import org.junit.jupiter.api.Test;

class HoldsTest {

    private static CutoverScript withoutAutoRollback() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(true, 5, null,
                new BlueGreenSpec.AutoRollback(false, true, true))));
        w.finishedByTest.add(ExecutorAction.JOIN_GREEN);
        w.runCooperatively(20, x -> x.runningJob(ExecutorAction.JOIN_GREEN).isPresent());
        w.finishAll(ExecutorAction.JOIN_GREEN, false);
        return w;
    }

    @Test
    void aFailedJobHoldsWhenAutoRollbackIsOff() {
        CutoverScript w = withoutAutoRollback();
        w.runPasses(5);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.JoiningMesh);
        assertThat(w.bg().holdReason()).isEqualTo(BlueGreenReasons.EXECUTOR_JOB_FAILED);
        assertThat(w.runningJobs()).isEmpty();
        assertThat(w.bg().lastJobFailure().message()).contains("join-green");
    }

    @Test
    void aRollbackTokenEndsAHoldBeforePromotionByAborting() {
        CutoverScript w = withoutAutoRollback();
        w.step();
        w.request(r -> r.withRollback("give-up"));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.bg().failedTarget()).isNotNull();
    }

    @Test
    void aRetryTokenEndsAHoldAndTheStepSucceedsUnderANewName() {
        CutoverScript w = withoutAutoRollback();
        w.step();
        w.request(r -> r.withRetry("again"));
        w.finishedByTest.clear();
        w.runCooperatively(5, x -> x.phase() == BlueGreenPhase.Syncing);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Syncing);
        assertThat(w.jobs.values()).filteredOn(j -> j.action().equals(ExecutorAction.JOIN_GREEN.wireName())).hasSize(2);
    }

    @Test
    void aFailingCleanupIsRetriedThenHeldButNeverRolledBack() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(true, 2, null, null)));
        w.finishedByTest.add(ExecutorAction.REMOVE_BLUE_PEERS);
        w.runCooperatively(60, x -> x.runningJob(ExecutorAction.REMOVE_BLUE_PEERS).isPresent());
        w.finishAll(ExecutorAction.REMOVE_BLUE_PEERS, false);
        w.runCooperatively(3, x -> x.runningJob(ExecutorAction.REMOVE_BLUE_PEERS).isPresent());
        w.finishAll(ExecutorAction.REMOVE_BLUE_PEERS, false);
        w.runPasses(5);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Cleanup);
        assertThat(w.bg().holdReason()).isEqualTo(BlueGreenReasons.CLEANUP_STALLED);
        assertThat(w.workloads).containsKey(w.blueSet()).containsKey(w.greenSet());
        w.request(r -> r.withRetry("finish"));
        w.finishedByTest.clear();
        w.runCooperatively(10, x -> x.phase() == BlueGreenPhase.Idle);
        assertThat(w.status.currentVersion()).isEqualTo("1.5.0");
    }

    @Test
    void aHeldAttemptStillUnwindsWhenTheTargetChanges() {
        CutoverScript w = withoutAutoRollback();
        w.step();
        w.editSpec(s -> s.withVersion("1.6.0", CutoverScript.image("1.6.0")));
        var d = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(d.actionsOf(Action.DeleteWorkload.class)).hasSize(1);
    }
}
