package dev.raftops.domain.backup;

import static dev.raftops.domain.backup.BackupReasons.*;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.version.InvalidVersionException;
import dev.raftops.domain.version.SemVer;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a due backup must not start now. Upgrades win: a backup is skipped while an upgrade is
 * pending, running or failed (the upgrade takes its own pre-upgrade snapshot), and while anyone
 * else holds the operation lock.
 *
 * @param cause one of the skip causes in {@link BackupReasons}
 */
public record BackupSuppression(String cause, String message) {

    public BackupSuppression {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(message, "message");
    }

    /** The first reason a new backup Job must not be created, or empty when it may. */
    public static Optional<BackupSuppression> of(DecisionInput in, ClusterStatus status) {
        if (status.currentVersion() == null) {
            return Optional.of(new BackupSuppression(CLUSTER_INITIALIZING, "the cluster has not converged on a version yet"));
        }
        RollingProgress upgrade = status.upgrade();
        if (upgrade != null && upgrade.failed()) {
            return Optional.of(new BackupSuppression(UPGRADE_FAILED, "the rolling upgrade to "
                    + upgrade.targetVersion() + " failed (" + upgrade.failure().reason() + ") and waits for a retry"));
        }
        if (upgrade != null) {
            return Optional.of(new BackupSuppression(UPGRADE_IN_PROGRESS, "a rolling upgrade to "
                    + upgrade.targetVersion() + " is in progress"));
        }
        BlueGreenStatus blueGreen = status.blueGreen();
        if (blueGreen != null && blueGreen.phase() != null && blueGreen.phase() != BlueGreenPhase.Idle) {
            return Optional.of(new BackupSuppression(BLUE_GREEN_IN_PROGRESS, "a blue/green upgrade is in phase "
                    + blueGreen.phase()));
        }
        if (drifts(in.spec().version(), status.currentVersion())) {
            return Optional.of(new BackupSuppression(UPGRADE_PENDING, "spec.version " + in.spec().version()
                    + " differs from the running version " + status.currentVersion()));
        }
        OperationLock lock = status.operationLock();
        if (lock.isHeld() && !lock.isHeldBy(Operation.Backup, Holders.BACKUP)) {
            return Optional.of(new BackupSuppression(OPERATION_LOCK_HELD, "the operation lock is held by "
                    + lock.operation() + " (" + lock.holder() + ")"));
        }
        String active = status.backup().activeRun() == null ? null : status.backup().activeRun().job();
        for (JobView job : in.observation().jobs().values()) {
            // only scheduled/manual backup Jobs count: pre-upgrade snapshots belong to the upgrade
            if (ExecutorAction.BACKUP.wireName().equals(job.action()) && job.result() == JobResult.RUNNING
                    && !job.name().equals(active)) {
                return Optional.of(new BackupSuppression(BACKUP_ALREADY_RUNNING, "backup job " + job.name()
                        + " is still running"));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code spec.version} asks for something other than what runs. Versions compare by
     * precedence (a leading {@code v} or build metadata alone is no drift); an unparsable version
     * that differs as text counts as drift, because the upgrade path will report it and a backup
     * must not race a fix.
     */
    static boolean drifts(String desired, String current) {
        try {
            return !SemVer.parse(desired).samePrecedence(SemVer.parse(current));
        } catch (InvalidVersionException e) {
            return !Objects.equals(desired, current);
        }
    }
}
