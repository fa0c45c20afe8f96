package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenDecision;
import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.OperationFamily;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.pass.DayTwoPass;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyAndLockTest {

    @Test
    void underTheRollingStrategyItLeavesThePassToTheOtherFamilies() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withStrategy(UpgradeStrategy.ROLLING_UPDATE));
        w.status = w.status.withAcceptedUpgradeStrategy(UpgradeStrategy.ROLLING_UPDATE.wireName());
        Decision d = w.step();
        assertThat(d.wake()).isInstanceOf(Wake.Idle.class);
        assertThat(d.actions()).isEmpty();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
    }

    @Test
    void aStrategySwitchIsDeferredWhileAnAttemptIsInFlight() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.JoiningMesh);
        w.editUpgrade(u -> u.withStrategy(UpgradeStrategy.ROLLING_UPDATE));
        w.step();
        assertThat(w.status.acceptedUpgradeStrategy()).isEqualTo(UpgradeStrategy.BLUE_GREEN.wireName());
        assertThat(w.emitted(BlueGreenReasons.STRATEGY_DEFERRED)).isTrue();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.JoiningMesh);
    }

    @Test
    void aStrategySwitchIsAcceptedOnceIdle() {
        CutoverScript w = CutoverScript.running("1.4.0");
        w.editUpgrade(u -> u.withStrategy(UpgradeStrategy.ROLLING_UPDATE));
        Decision d = w.step();
        assertThat(w.status.acceptedUpgradeStrategy()).isEqualTo(UpgradeStrategy.ROLLING_UPDATE.wireName());
        assertThat(d.wake()).isInstanceOf(Wake.Idle.class);
    }

    @Test
    void aSwitchToBlueGreenStartsNothingWhileARollingUpgradeHoldsTheLock() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.status = w.status.withAcceptedUpgradeStrategy(UpgradeStrategy.ROLLING_UPDATE.wireName())
                .withOperationLock(w.status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE, "rolling",
                        w.now).lock());
        Decision d = w.step();
        assertThat(w.status.acceptedUpgradeStrategy()).isEqualTo(UpgradeStrategy.ROLLING_UPDATE.wireName());
        assertThat(d.wake()).isInstanceOf(Wake.Idle.class);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
    }

    @Test
    void anAttemptWaitsWhileAnotherOperationHoldsTheLock() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.status = w.status.withOperationLock(w.status.operationLock()
                .acquire(Operation.Backup, Holders.BACKUP, "backup", w.now).lock());
        Decision d = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.status.operationLock().holder()).isEqualTo(Holders.BACKUP);
        assertThat(d.wake()).isInstanceOf(Wake.After.class);
        assertThat(w.emitted(BlueGreenReasons.LOCK_HELD)).isTrue();
    }

    @Test
    void whilePausedNothingMovesButTheAttemptIsKept() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.runCooperatively(20, x -> x.phase() == BlueGreenPhase.JoiningMesh);
        var before = w.status;
        w.editSpec(s -> s.withPaused(true));
        // pause is the pass's gate: the blue/green family is not asked while paused
        Decision d = new DayTwoPass(List.of(new OperationFamily(Operation.BlueGreen, BlueGreenDecision::decide)))
                .decide(w.input());
        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus().blueGreen()).isEqualTo(before.blueGreen());
        assertThat(d.nextStatus().operationLock()).isEqualTo(before.operationLock());
        assertThat(d.wake().endsPass()).isTrue();
    }

    @Test
    void aClusterWithoutBlueGreenStatusBootstrapsBlueFromTheSelectedWorkload() {
        CutoverScript w = CutoverScript.running("1.4.0");
        String blue = w.bg().blueRevision();
        w.status = w.status.withBlueGreen(null);
        w.step();
        assertThat(w.bg().blueRevision()).isEqualTo(blue);
        assertThat(w.bg().blueImage()).isEqualTo(CutoverScript.image("1.4.0"));
    }
}
