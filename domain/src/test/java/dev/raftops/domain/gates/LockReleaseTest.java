package dev.raftops.domain.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ForceRelease;
import dev.raftops.domain.resource.RollingProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LockReleaseTest {

    static final ClusterKey KEY = new ClusterKey("secrets", "vault");
    static final Instant ACQUIRED = Instant.parse("2026-11-24T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static OperationLock held(Operation op, String holder, long epoch) {
        return new OperationLock(op, holder, "work", ACQUIRED, ACQUIRED, epoch);
    }

    static RollingProgress upgrade() {
        return RollingProgress.started("2.4.0", "2.5.0", "openbao:2.5.0", ACQUIRED, 3, List.of(), 1, false);
    }

    static DecisionInput input(ClusterStatus status, ForceRelease request) {
        ClusterSpec spec = ClusterSpec.of("2.5.0", null, 3).withForceRelease(request);
        return new DecisionInput(KEY, 4, spec, status, ClusterObservation.of(List.of(), List.of(), List.of()), NOW,
                new Random(1), RetryTiming.defaults().withoutJitter());
    }

    /** A rolling upgrade holding the lock at epoch 7. */
    static ClusterStatus upgradingAtEpoch7() {
        return ClusterStatus.initial().withOperationLock(held(Operation.Upgrade, Holders.UPGRADE, 7)).withUpgrade(upgrade());
    }

    /** The decision on {@code request} over {@code status}; a request it does not act on fails the test. */
    static Decision decided(ClusterStatus status, ForceRelease request) {
        return LockRelease.decide(input(status, request), status).orElseThrow();
    }

    static ClusterEvent event(Decision d) {
        return d.actionsOf(Action.Emit.class).get(0).event();
    }

    @Test
    void aRequestNamingTheHolderAndEpochReleasesTheLockAndMovesTheEpochOn() {
        ClusterStatus status = upgradingAtEpoch7();

        Decision d = decided(status, new ForceRelease(Holders.UPGRADE, 7L, "alice"));

        assertThat(d.nextStatus().operationLock().isHeld()).isFalse();
        assertThat(d.nextStatus().operationLock().epoch()).isEqualTo(8);
        assertThat(d.nextStatus().requests().lastHandledForceRelease()).isEqualTo("raftcluster/upgrade@7");
    }

    @Test
    void theWarningEventNamesWhoAskedAndWhatWasDisplaced() {
        ClusterStatus status = upgradingAtEpoch7();

        Decision d = decided(status, new ForceRelease(Holders.UPGRADE, 7L, "alice"));

        ClusterEvent e = event(d);
        assertThat(e.type()).isEqualTo(ClusterEvent.Type.Warning);
        assertThat(e.reason()).isEqualTo(GateReasons.LOCK_FORCE_RELEASED);
        assertThat(e.message()).contains("alice", "Upgrade (raftcluster/upgrade) at epoch 7", "free at epoch 8");
        assertThat(e.audit().holder()).isEqualTo(Holders.UPGRADE);
        assertThat(e.audit().epoch()).isEqualTo(7L);
    }

    @Test
    void aDisplacedRollingUpgradeFailsWithItsProgressKept() {
        ClusterStatus status = upgradingAtEpoch7();

        Decision d = decided(status, new ForceRelease(Holders.UPGRADE, 7L, "alice"));

        RollingProgress after = d.nextStatus().upgrade();
        assertThat(after.failure().reason()).isEqualTo(GateReasons.LOCK_FORCE_RELEASED);
        assertThat(after.currentPartition()).isEqualTo(upgrade().currentPartition());
        assertThat(after.attempt()).isEqualTo(1);
    }

    @Test
    void aDisplacedBackupRunIsRecordedAsFailed() {
        BackupStatus.ActiveRun run = new BackupStatus.ActiveRun("vault-backup-20261124-090000", ACQUIRED, false,
                ACQUIRED, ACQUIRED);
        ClusterStatus status = ClusterStatus.initial().withOperationLock(held(Operation.Backup, Holders.BACKUP, 3))
                .withBackup(BackupStatus.empty().started(run));

        Decision d = decided(status, new ForceRelease(Holders.BACKUP, 3L, null));

        assertThat(d.nextStatus().backup().activeRun()).isNull();
        assertThat(d.nextStatus().backup().consecutiveFailures()).isEqualTo(1);
        assertThat(d.nextStatus().backup().lastFailure().reason()).isEqualTo(GateReasons.LOCK_FORCE_RELEASED);
    }

    @Test
    void aStaleEpochIsRefusedWithAnEventAndChangesNothingButTheHandledRequest() {
        ClusterStatus status = upgradingAtEpoch7();

        Decision d = decided(status, new ForceRelease(Holders.UPGRADE, 6L, "bob"));

        assertThat(d.nextStatus()).isEqualTo(status.withRequests(status.requests().withForceRelease(
                "raftcluster/upgrade@6")));
        assertThat(event(d).reason()).isEqualTo(GateReasons.LOCK_FORCE_RELEASE_REFUSED);
        assertThat(event(d).message()).contains("held by raftcluster/upgrade at epoch 7");
    }

    @Test
    void anotherHoldersNameIsRefused() {
        ClusterStatus status = ClusterStatus.initial().withOperationLock(held(Operation.Backup, Holders.BACKUP, 7));

        Decision d = decided(status, new ForceRelease(Holders.UPGRADE, 7L, "bob"));

        assertThat(d.nextStatus().operationLock()).isEqualTo(status.operationLock());
        assertThat(event(d).reason()).isEqualTo(GateReasons.LOCK_FORCE_RELEASE_REFUSED);
    }

    @Test
    void aBlueGreenAttemptIsNotForceReleased() {
        ClusterStatus status = ClusterStatus.initial()
                .withOperationLock(held(Operation.BlueGreen, Holders.BLUE_GREEN, 5));

        Decision d = decided(status, new ForceRelease(Holders.BLUE_GREEN, 5L, "bob"));

        assertThat(d.nextStatus().operationLock()).isEqualTo(status.operationLock());
        assertThat(event(d).message()).contains("spec.upgrade.requests.rollback");
    }

    @Test
    void aRequestWithoutAnEpochIsRefused() {
        ClusterStatus status = ClusterStatus.initial().withOperationLock(held(Operation.Upgrade, Holders.UPGRADE, 7));

        Decision d = decided(status, new ForceRelease(Holders.UPGRADE, null, "bob"));

        assertThat(d.nextStatus().operationLock()).isEqualTo(status.operationLock());
        assertThat(event(d).message()).contains("names no epoch");
    }

    @Test
    void aHandledRequestIsNotHandledAgain() {
        ClusterStatus status = ClusterStatus.initial().withOperationLock(held(Operation.Upgrade, Holders.UPGRADE, 7));
        ForceRelease request = new ForceRelease(Holders.UPGRADE, 7L, "alice");
        ClusterStatus released = LockRelease.decide(input(status, request), status).orElseThrow().nextStatus();

        Optional<Decision> again = LockRelease.decide(input(released, request), released);

        assertThat(again).isEmpty();
    }
}
