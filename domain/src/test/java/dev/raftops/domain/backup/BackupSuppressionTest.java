package dev.raftops.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upgrades win: suppression, and how the backup and an upgrade share the operation lock. */
class BackupSuppressionTest {

    private static final Instant STARTED = Instant.parse("2026-05-01T10:30:00Z");

    /** A world whose next window is 11:00, seen at 11:00 with {@code status} changed by {@code upgrade}. */
    private static BackupPasses dueWith(java.util.function.UnaryOperator<ClusterStatus> upgrade) {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.status = upgrade.apply(world.status);
        world.at("2026-05-01T11:00:00Z");
        return world;
    }

    static RollingProgress rolling(String target) {
        return new RollingProgress(BackupPasses.VERSION, target, "openbao:" + target, STARTED, 2, List.of(2), null, null,
                List.of(new RollingProgress.PlanStep(1, false), new RollingProgress.PlanStep(0, true)), null, 1, null);
    }

    static ClusterStatus upgradeRunning(ClusterStatus status) {
        OperationLock lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE, "upgrade", STARTED).lock();
        return status.withUpgrade(rolling("1.5.0")).withOperationLock(lock);
    }

    static ClusterStatus upgradeFailed(ClusterStatus status) {
        // a failed rolling upgrade keeps its progress and releases the lock
        return status.withUpgrade(rolling("1.5.0").withFailure(new Failure("PodNotReady", "pod 1 not ready", STARTED)));
    }

    private static String skipMessage(BackupPasses world) {
        return world.events(BackupReasons.BACKUP_SKIPPED).get(0).message();
    }

    /** What the lock answers an upgrade that tries to take it now. */
    private static LockOutcome anUpgradeTakesTheLock(BackupPasses world) {
        return world.status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE, "upgrade", world.now);
    }

    /** One pass: no Job starts and the due window is recorded as skipped for {@code reason}. */
    private static void assertSkipped(BackupPasses world, String reason) {
        world.settle();
        assertThat(world.created).isEmpty();
        assertThat(skipMessage(world)).contains(reason);
    }

    @Test
    void aDueWindowIsSkippedWhileARollingUpgradeRuns() {
        BackupPasses world = dueWith(BackupSuppressionTest::upgradeRunning);
        assertSkipped(world, BackupReasons.UPGRADE_IN_PROGRESS);
    }

    @Test
    void aSkippedWindowLeavesTheUpgradesLockAlone() {
        BackupPasses world = dueWith(BackupSuppressionTest::upgradeRunning);
        OperationLock before = world.status.operationLock();
        world.settle();
        assertThat(world.status.operationLock()).isEqualTo(before);
    }

    @Test
    void aSkippedWindowIsConsumedAndTheScheduleMovesOn() {
        BackupPasses world = dueWith(BackupSuppressionTest::upgradeRunning);
        world.settle();
        assertThat(world.backup().lastScheduledTime()).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    }

    @Test
    void aSkippedWindowIsReportedOnce() {
        BackupPasses world = dueWith(BackupSuppressionTest::upgradeRunning);
        world.settle();
        world.advance(Duration.ofMinutes(10)).settle();
        assertThat(world.events(BackupReasons.BACKUP_SKIPPED)).hasSize(1);
    }

    @Test
    void aDueWindowIsSkippedWhileAFailedUpgradeWaitsForARetry() {
        BackupPasses world = dueWith(BackupSuppressionTest::upgradeFailed);
        assertSkipped(world, BackupReasons.UPGRADE_FAILED);
    }

    @Test
    void aDueWindowIsSkippedWhileAnUpgradeIsPending() {
        BackupPasses world = dueWith(s -> s);
        world.spec = world.spec.withVersion("1.5.0", null);
        assertSkipped(world, BackupReasons.UPGRADE_PENDING);
    }

    @Test
    void aVersionThatDiffersOnlyInSpellingIsNoPendingUpgrade() {
        BackupPasses world = dueWith(s -> s);
        world.spec = world.spec.withVersion("v" + BackupPasses.VERSION + "+build.7", null);
        world.settle();
        assertThat(world.created).hasSize(1);
    }

    @Test
    void aBackupRunsAtTheFirstWindowAfterAnUpgradeCompleted() {
        BackupPasses world = dueWith(BackupSuppressionTest::upgradeRunning);
        world.settle();
        // the upgrade finishes: currentVersion moves, status.upgrade clears and the lock is released in one write
        world.spec = world.spec.withVersion("1.5.0", null);
        world.status = world.status.withCurrentVersion("1.5.0").withUpgrade(null)
                .withOperationLock(world.status.operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock());
        world.at("2026-05-01T11:40:00Z").settle();
        assertThat(world.created).isEmpty();
        world.at("2026-05-01T12:00:00Z").settle();
        assertThat(world.created).extracting(j -> j.name()).containsExactly("vault-backup-20260501-120000");
    }

    @Test
    void aDueWindowIsSkippedWhileABlueGreenUpgradeIsUnderway() {
        BackupPasses world = dueWith(s -> s.withBlueGreen(BlueGreenStatus.idle("abc", "openbao:1.4.0").advancedTo(BlueGreenPhase.Syncing, STARTED)));
        assertSkipped(world, BackupReasons.BLUE_GREEN_IN_PROGRESS);
    }

    @Test
    void anIdleBlueGreenStatusBacksUpTheBlueStatefulSet() {
        BackupPasses world = dueWith(s -> s.withBlueGreen(BlueGreenStatus.idle("abc", "openbao:1.4.0")));
        world.settle();
        assertThat(world.created).singleElement()
                .satisfies(j -> assertThat(j.parameters()).containsEntry(BackupJob.STATEFUL_SET, "vault-abc"));
    }

    @Test
    void aDueWindowIsSkippedWhileARestoreHoldsTheLock() {
        BackupPasses world = dueWith(s -> s.withOperationLock(s.operationLock()
                .acquire(Operation.Restore, Holders.restore("r1"), "restore", STARTED).lock()));
        assertSkipped(world, BackupReasons.OPERATION_LOCK_HELD);
    }

    @Test
    void aDueWindowIsSkippedBeforeTheClusterHasAVersion() {
        BackupPasses world = dueWith(s -> s.withCurrentVersion(null));
        assertSkipped(world, BackupReasons.CLUSTER_INITIALIZING);
    }

    @Test
    void aDueWindowIsSkippedWhileAnUntrackedBackupJobRuns() {
        BackupPasses world = dueWith(s -> s);
        world.jobs.put("vault-backup-20260501-090000", new JobView("vault-backup-20260501-090000",
                ExecutorAction.BACKUP.wireName(), JobResult.RUNNING, STARTED, null, null));
        assertSkipped(world, BackupReasons.BACKUP_ALREADY_RUNNING);
    }

    @Test
    void aManualTokenDuringAnUpgradeIsAcknowledgedAndSkipped() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.status = upgradeRunning(world.status);
        world.trigger("now-please");
        world.at("2026-05-01T10:20:00Z").settle();
        assertThat(world.created).isEmpty();
        assertThat(world.status.requests().lastHandledBackupTrigger()).isEqualTo("now-please");
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
    }

    @Test
    void anUpgradeArrivingBeforeTheJobIsCreatedCancelsTheRunAndFreesTheLock() {
        BackupPasses world = dueWith(s -> s);
        world.pass();
        world.spec = world.spec.withVersion("1.5.0", null);
        world.settle();
        assertThat(world.created).isEmpty();
        assertThat(world.status.operationLock().isHeld()).isFalse();
        assertThat(world.backup().activeRun()).isNull();
    }

    @Test
    void anUpgradeCannotTakeTheLockWhileABackupJobRuns() {
        BackupPasses world = dueWith(s -> s);
        world.settle();
        LockOutcome upgrade = anUpgradeTakesTheLock(world);
        assertThat(upgrade).isInstanceOf(LockOutcome.HeldByOther.class);
    }

    @Test
    void theLockIsFreeForTheUpgradeOnceTheBackupJobFinishes() {
        BackupPasses world = dueWith(s -> s);
        world.settle();
        world.spec = world.spec.withVersion("1.5.0", null);
        world.finish(world.runningJob(), JobResult.SUCCEEDED, null);
        world.settle();
        LockOutcome upgrade = anUpgradeTakesTheLock(world);
        assertThat(upgrade).isInstanceOf(LockOutcome.Acquired.class);
    }

    @Test
    void aPendingUpgradeStartsNoNewBackupAfterTheRunningOneFinishes() {
        BackupPasses world = dueWith(s -> s);
        world.settle();
        world.spec = world.spec.withVersion("1.5.0", null);
        world.at("2026-05-01T12:05:00Z");
        world.finish(world.runningJob(), JobResult.SUCCEEDED, null);
        world.settle();
        assertThat(world.created).hasSize(1);
        assertThat(world.status.operationLock().isHeld()).isFalse();
    }
}
