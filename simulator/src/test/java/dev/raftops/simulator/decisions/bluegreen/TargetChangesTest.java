package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.version.UpgradeVerdict;
import org.junit.jupiter.api.Test;

class TargetChangesTest {

    private static void failUntilAborted(CutoverScript w) {
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(true, 1, null, null)));
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.JoiningMesh);
        for (int i = 0; i < 5 && w.phase() != BlueGreenPhase.Idle; i++) {
            w.step();
            w.finishAll(ExecutorAction.JOIN_GREEN, false);
        }
        w.settlePods();
        w.runPasses(5);
    }

    @Test
    void aVersionEditBeforePromotionAbortsWithoutLatching() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.Syncing);
        w.editSpec(s -> s.withVersion("1.6.0", CutoverScript.image("1.6.0")));
        Decision d = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.bg().failedTarget()).isNull();
        assertThat(w.bg().rollbackReason()).isEqualTo(BlueGreenReasons.TARGET_CHANGED);
        assertThat(d.actionsOf(Action.DeleteWorkload.class)).hasSize(1);
    }

    @Test
    void aVersionEditAfterPromotionRollsBack() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(40, x -> x.phase() == BlueGreenPhase.DemotingBlue);
        w.editSpec(s -> s.withVersion("1.6.0", CutoverScript.image("1.6.0")));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.RollingBack);
        w.runCooperatively(30, x -> x.phase() == BlueGreenPhase.Idle);
        assertThat(w.bg().failedTarget()).isNull();
    }

    @Test
    void anEditInCleanupLetsTheAttemptFinishFirst() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(60, x -> x.phase() == BlueGreenPhase.Cleanup);
        w.editSpec(s -> s.withVersion("1.6.0", CutoverScript.image("1.6.0")));
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.Idle);
        assertThat(w.status.currentVersion()).isEqualTo("1.5.0");
    }

    @Test
    void autoPromoteIsFrozenAtTheStartOfAnAttempt() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(false, 5, null, null)));
        w.step();
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(true, 5, null, null)));
        w.runCooperatively(40, x -> x.phase() == BlueGreenPhase.Promoting);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Syncing);
        assertThat(w.bg().manualPromotionRequired()).isTrue();
    }

    @Test
    void aFailedTargetIsNotStartedAgain() {
        CutoverScript w = CutoverScript.running("1.5.0");
        failUntilAborted(w);
        Decision d = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.bg().attemptId()).isNull();
        assertThat(w.status.operationLock().isHeld()).isFalse();
        assertThat(d.wake()).isInstanceOf(Wake.Idle.class);
        assertThat(w.emitted(BlueGreenReasons.TARGET_LATCHED)).isTrue();
    }

    @Test
    void aRetryTokenReleasesTheFailedTarget() {
        CutoverScript w = CutoverScript.running("1.5.0");
        failUntilAborted(w);
        w.request(r -> r.withRetry("again"));
        w.step();
        assertThat(w.bg().failedTarget()).isNull();
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.DeployingGreen);
        assertThat(w.status.requests().lastHandledRetry()).isEqualTo("again");
    }

    @Test
    void aDifferentVersionStartsDespiteTheLatch() {
        CutoverScript w = CutoverScript.running("1.5.0");
        failUntilAborted(w);
        w.editSpec(s -> s.withVersion("1.5.1", CutoverScript.image("1.5.1")));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.DeployingGreen);
        assertThat(w.bg().greenVersion()).isEqualTo("1.5.1");
    }

    @Test
    void aDowngradeStartsNoAttemptAndTakesNoLock() {
        CutoverScript w = CutoverScript.running("1.3.0");
        Decision d = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.status.operationLock().isHeld()).isFalse();
        assertThat(w.emitted("DowngradeBlocked")).isTrue();
        assertThat(d.wake()).isInstanceOf(Wake.Idle.class);
    }

    @Test
    void anInvalidVersionStartsNoAttempt() {
        CutoverScript w = CutoverScript.running("1.5");
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.emitted("InvalidVersion")).isTrue();
    }

    @Test
    void aBuildMetadataOnlyEditStartsNoAttemptAndSaysSoOnce() {
        CutoverScript w = CutoverScript.running("1.4.0");
        w.editSpec(s -> s.withVersion("1.4.0+build.7", CutoverScript.image("1.4.0")));

        Decision d = w.step();
        Decision again = w.step();

        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(d.actions()).singleElement().isInstanceOfSatisfying(Action.Emit.class,
                e -> assertThat(e.event().reason()).isEqualTo(UpgradeVerdict.BUILD_METADATA_ONLY));
        assertThat(Condition.find(w.status.conditions(), Condition.UPGRADING).orElseThrow().message())
                .isEqualTo("spec.version 1.4.0+build.7 differs from the running 1.4.0 only in build metadata: the image "
                        + "tag stays 1.4.0, nothing to roll");
        assertThat(again.actions()).isEmpty();
    }
}
