package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import org.junit.jupiter.api.Test;

class FailuresTest {

    /** Runs until {@code action}'s Job is running, then fails it. */
    private static JobView failNext(CutoverScript w, ExecutorAction action) {
        for (int i = 0; i < 5 && w.runningJob(action).isEmpty(); i++) {
            w.step();
        }
        JobView job = w.runningJob(action).orElseThrow(() -> new AssertionError("no running " + action));
        w.finish(job, false);
        return job;
    }

    private static CutoverScript maxFailures(String target, int max) {
        CutoverScript w = CutoverScript.running(target);
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(true, max, null, null)));
        return w;
    }

    /** One Job failure allowed, and the promotion's Job has just failed. */
    private static CutoverScript promotionFailed() {
        CutoverScript w = maxFailures("1.5.0", 1);
        w.runCooperatively(40, x -> x.phase() == BlueGreenPhase.Promoting);
        failNext(w, ExecutorAction.PROMOTE_GREEN);
        return w;
    }

    /** The promotion failed, then the rollback's consensus repair failed: break-glass is active. */
    private static CutoverScript inBreakGlass() {
        CutoverScript w = promotionFailed();
        w.step();
        failNext(w, ExecutorAction.REPAIR_CONSENSUS);
        w.step();
        return w;
    }

    /** A cutover to 1.5.0 run (at most {@code passes}) until {@code phase}, then one pass with the rollback token set. */
    private static CutoverScript rollbackRequestedIn(BlueGreenPhase phase, int passes, String token) {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(passes, x -> x.phase() == phase);
        w.request(r -> r.withRollback(token));
        w.step();
        return w;
    }

    @Test
    void aFailedJobBeforePromotionRunsAgainUnderANewName() {
        CutoverScript w = maxFailures("1.5.0", 3);
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.JoiningMesh);
        JobView first = failNext(w, ExecutorAction.JOIN_GREEN);
        w.step();
        assertThat(w.bg().jobFailureCount()).isEqualTo(1);
        assertThat(w.step().actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().name()).isNotEqualTo(first.name()));
    }

    @Test
    void reachingMaxJobFailuresBeforePromotionAbortsAndDeletesGreen() {
        CutoverScript w = maxFailures("1.5.0", 2);
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.JoiningMesh);
        String green = w.greenSet();
        failNext(w, ExecutorAction.JOIN_GREEN);
        w.step();
        failNext(w, ExecutorAction.JOIN_GREEN);
        Decision abort = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(abort.actionsOf(Action.DeleteWorkload.class)).singleElement()
                .satisfies(d -> assertThat(d.statefulSet()).isEqualTo(green));
        assertThat(w.status.operationLock().isHeld()).isFalse();
        assertThat(w.bg().failedTarget()).isEqualTo(Revision.of("1.5.0", CutoverScript.image("1.5.0"), 3));
        assertThat(w.emitted(BlueGreenReasons.UPGRADE_ABORTED)).isTrue();
    }

    @Test
    void reachingMaxJobFailuresAfterPromotionRollsBack() {
        CutoverScript w = promotionFailed();
        Decision d = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.RollingBack);
        assertThat(d.actionsOf(Action.DeleteWorkload.class)).isEmpty();
        assertThat(w.bg().rollbackReason()).isEqualTo(BlueGreenReasons.JOB_FAILURE_THRESHOLD);
    }

    @Test
    void aRollbackRepairsConsensusThenRemovesGreenAndLatchesTheTarget() {
        CutoverScript w = promotionFailed();
        w.step();
        String green = w.greenSet();
        String failed = w.bg().greenRevision();
        assertThat(w.step().actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().action()).isEqualTo(ExecutorAction.REPAIR_CONSENSUS));
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.Idle);
        assertThat(w.jobs.values()).anyMatch(j -> j.action().equals(ExecutorAction.REMOVE_GREEN_PEERS.wireName()));
        assertThat(w.workloads).doesNotContainKey(green);
        assertThat(w.bg().failedTarget()).isEqualTo(failed);
        assertThat(w.status.currentVersion()).isEqualTo("1.4.0");
        assertThat(w.selectors.values()).containsOnly(w.bg().blueRevision());
        assertThat(w.emitted(BlueGreenReasons.ROLLBACK_COMPLETED)).isTrue();
    }

    @Test
    void aRollbackTokenInCleanupIsRefusedWithAnEvent() {
        CutoverScript w = rollbackRequestedIn(BlueGreenPhase.Cleanup, 60, "now");
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Cleanup);
        assertThat(w.emitted(BlueGreenReasons.ROLLBACK_REFUSED)).isTrue();
        assertThat(w.status.requests().lastHandledRollback()).isEqualTo("now");
    }

    @Test
    void aRollbackTokenBeforePromotionAbortsAndLatches() {
        CutoverScript w = rollbackRequestedIn(BlueGreenPhase.JoiningMesh, 20, "stop");
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.bg().failedTarget()).isNotNull();
        assertThat(w.bg().rollbackReason()).isEqualTo(BlueGreenReasons.MANUAL_ROLLBACK);
    }

    @Test
    void aFailedRollbackEntersBreakGlass() {
        CutoverScript w = inBreakGlass();
        assertThat(w.status.breakGlass().active()).isTrue();
        assertThat(w.status.breakGlass().reason()).isEqualTo("RollbackFailed");
        assertThat(w.status.breakGlass().nonce()).hasSize(32);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.RollingBack);
    }

    @Test
    void breakGlassHaltsEverythingUntilTheNonceIsAcknowledged() {
        CutoverScript w = inBreakGlass();
        for (int i = 0; i < 3; i++) {
            assertThat(w.step().actions()).isEmpty();
        }
    }

    @Test
    void anAcknowledgedNonceRetriesTheRollbackOnceUnderANewName() {
        CutoverScript w = promotionFailed();
        w.step();
        JobView failed = failNext(w, ExecutorAction.REPAIR_CONSENSUS);
        w.step();
        String nonce = w.status.breakGlass().nonce();
        w.editSpec(s -> s.withBreakGlassAck(nonce));
        w.step();
        assertThat(w.status.breakGlass().active()).isFalse();
        assertThat(w.bg().rollbackAttempt()).isEqualTo(1);
        assertThat(w.step().actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().name()).isNotEqualTo(failed.name()));
        failNext(w, ExecutorAction.REPAIR_CONSENSUS);
        w.step();
        assertThat(w.status.breakGlass().active()).isTrue();
        assertThat(w.status.breakGlass().nonce()).isNotEqualTo(nonce);
    }

    @Test
    void aWrongAcknowledgementOnlyEmitsAnEvent() {
        CutoverScript w = inBreakGlass();
        var before = w.status;
        w.editSpec(s -> s.withBreakGlassAck("not-the-nonce"));
        Decision d = w.step();
        assertThat(d.actions()).singleElement().isInstanceOf(Action.Emit.class);
        assertThat(w.emitted(BlueGreenReasons.BREAK_GLASS_ACK_REJECTED)).isTrue();
        assertThat(w.status).isEqualTo(before);
    }
}
