package dev.raftops.domain.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.opslifecycle.HandledRequests;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PauseTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static final ClusterSpec PAUSED = ClusterSpec.of("1.2.0", "openbao:1.2.0", 3).withPaused(true);

    /** A status in the middle of a rolling upgrade: partition 2, ordinal 2 done, lock held. */
    private static ClusterStatus midUpgrade() {
        RollingProgress progress = new RollingProgress("1.1.0", "1.2.0", "openbao:1.2.0", T0, 2, List.of(2), T0,
                null, List.of(new RollingProgress.PlanStep(1, false), new RollingProgress.PlanStep(0, true)), null, 1,
                null);
        OperationLock lock = OperationLock.free().acquire(Operation.Upgrade, Holders.UPGRADE, "rolling", T0).lock();
        return ClusterStatus.initial().withCurrentVersion("1.1.0").withPhase(Phase.Upgrading).withUpgrade(progress)
                .withOperationLock(lock).withBlueGreen(BlueGreenStatus.idle("rev-a", "quay.io/openbao/openbao:2.4.0"))
                .withRequests(HandledRequests.none().withRetry("r1"));
    }

    @Test
    void aPausedPassDecidesNoActionAtAll() {
        Decision decision = Pause.decide(PAUSED, midUpgrade(), 4, T1).orElseThrow();

        assertThat(decision.actions()).isEmpty();
        assertThat(decision.hasDisruptiveAction()).isFalse();
    }

    @Test
    void aPausedPassEndsThePassSoNoOtherFamilyRuns() {
        Decision decision = Pause.decide(PAUSED, midUpgrade(), 4, T1).orElseThrow();

        assertThat(decision.wake().endsPass()).isTrue();
    }

    @Test
    void aPausedPassSetsThePausedCondition() {
        ClusterStatus next = Pause.decide(PAUSED, midUpgrade(), 4, T1).orElseThrow().nextStatus();

        Condition paused = Condition.find(next.conditions(), Condition.PAUSED).orElseThrow();
        assertThat(paused.status()).isEqualTo(Condition.Status.True);
        assertThat(paused.reason()).isEqualTo("Paused");
        assertThat(paused.observedGeneration()).isEqualTo(4);
        assertThat(paused.lastTransitionTime()).isEqualTo(T1);
    }

    @Test
    void aPausedPassLeavesProgressLockAndRequestsUntouched() {
        ClusterStatus before = midUpgrade();

        ClusterStatus next = Pause.decide(PAUSED, before, 4, T1).orElseThrow().nextStatus();

        assertThat(next.upgrade()).isEqualTo(before.upgrade());
        assertThat(next.operationLock()).isEqualTo(before.operationLock());
        assertThat(next.blueGreen()).isEqualTo(before.blueGreen());
        assertThat(next.backup()).isEqualTo(before.backup());
        assertThat(next.requests()).isEqualTo(before.requests());
        assertThat(next.breakGlass()).isEqualTo(before.breakGlass());
        assertThat(next.currentVersion()).isEqualTo(before.currentVersion());
    }

    @Test
    void stayingPausedKeepsTheTransitionTime() {
        ClusterStatus first = Pause.decide(PAUSED, midUpgrade(), 4, T0).orElseThrow().nextStatus();

        ClusterStatus second = Pause.decide(PAUSED, first, 4, T1).orElseThrow().nextStatus();

        assertThat(Condition.find(second.conditions(), Condition.PAUSED).orElseThrow().lastTransitionTime())
                .isEqualTo(T0);
    }

    @Test
    void anUnpausedClusterGetsNoPauseDecision() {
        Optional<Decision> decision = Pause.decide(PAUSED.withPaused(false), midUpgrade(), 4, T1);

        assertThat(decision).isEmpty();
    }

    @Test
    void resumingTurnsThePausedConditionFalse() {
        ClusterStatus paused = Pause.decide(PAUSED, midUpgrade(), 4, T0).orElseThrow().nextStatus();

        ClusterStatus resumed = Pause.resumed(paused, 5, T1);

        Condition condition = Condition.find(resumed.conditions(), Condition.PAUSED).orElseThrow();
        assertThat(condition.status()).isEqualTo(Condition.Status.False);
        assertThat(condition.lastTransitionTime()).isEqualTo(T1);
        assertThat(resumed.upgrade()).isEqualTo(paused.upgrade());
    }

    @Test
    void resumingANeverPausedClusterChangesNothing() {
        ClusterStatus status = midUpgrade();

        assertThat(Pause.resumed(status, 5, T1)).isSameAs(status);
    }
}
