package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.StatusActiveRun;
import dev.raftops.adapters.fabric8.crd.StatusAdminOps;
import dev.raftops.adapters.fabric8.crd.StatusBackup;
import dev.raftops.adapters.fabric8.crd.StatusBlueGreen;
import dev.raftops.adapters.fabric8.crd.StatusBreakGlass;
import dev.raftops.adapters.fabric8.crd.StatusCondition;
import dev.raftops.adapters.fabric8.crd.StatusFailureRecord;
import dev.raftops.adapters.fabric8.crd.StatusOperationLock;
import dev.raftops.adapters.fabric8.crd.StatusPlanStep;
import dev.raftops.adapters.fabric8.crd.StatusRequests;
import dev.raftops.adapters.fabric8.crd.StatusSnapshot;
import dev.raftops.adapters.fabric8.crd.StatusStepDown;
import dev.raftops.adapters.fabric8.crd.StatusUpgrade;
import dev.raftops.adapters.fabric8.crd.StatusWorkload;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.opslifecycle.HandledRequests;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.BreakGlass;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Domain {@link ClusterStatus} to the {@code RaftCluster} status wire form (inverse of {@link StatusReading}). */
final class StatusWriting {

    private StatusWriting() {
    }

    static RaftClusterStatus toResource(ClusterStatus s) {
        RaftClusterStatus out = new RaftClusterStatus();
        out.currentVersion = s.currentVersion();
        out.phase = s.phase().name();
        out.observedGeneration = s.observedGeneration();
        out.conditions = conditions(s.conditions());
        out.upgrade = upgrade(s.upgrade());
        out.blueGreen = blueGreen(s.blueGreen());
        out.operationLock = lock(s.operationLock());
        out.breakGlass = breakGlass(s.breakGlass());
        out.backup = backup(s.backup());
        out.requests = requests(s.requests());
        out.adminOps = new StatusAdminOps();
        out.adminOps.lastError = failure(s.lastError());
        out.acceptedUpgradeStrategy = s.acceptedUpgradeStrategy();
        if (s.workload() != null) {
            out.workload = new StatusWorkload();
            out.workload.statefulSet = s.workload().statefulSet();
            out.workload.ownedFields = s.workload().ownedFields();
        }
        out.members = MemberStatusWire.toResource(s.members());
        return out;
    }

    static List<StatusCondition> conditions(List<Condition> conditions) {
        List<StatusCondition> out = new ArrayList<>();
        for (Condition c : conditions) {
            StatusCondition w = new StatusCondition();
            w.type = c.type();
            w.status = c.status().name();
            w.reason = c.reason();
            w.message = c.message();
            w.observedGeneration = c.observedGeneration();
            w.lastTransitionTime = time(c.lastTransitionTime());
            out.add(w);
        }
        return out;
    }

    private static StatusUpgrade upgrade(RollingProgress p) {
        if (p == null) {
            return null;
        }
        StatusUpgrade w = new StatusUpgrade();
        w.fromVersion = p.fromVersion();
        w.targetVersion = p.targetVersion();
        w.targetImage = p.targetImage();
        w.startedAt = time(p.startedAt());
        w.currentPartition = p.currentPartition();
        w.completedOrdinals = p.completedOrdinals();
        w.releasedAt = time(p.releasedAt());
        if (p.stepDown() != null) {
            w.stepDown = new StatusStepDown();
            w.stepDown.ordinal = p.stepDown().ordinal();
            w.stepDown.sequence = p.stepDown().sequence();
            w.stepDown.job = p.stepDown().job();
            w.stepDown.startedAt = time(p.stepDown().startedAt());
            w.stepDown.confirmedAt = time(p.stepDown().confirmedAt());
        }
        w.plan = new ArrayList<>();
        for (RollingProgress.PlanStep step : p.plan()) {
            StatusPlanStep ws = new StatusPlanStep();
            ws.ordinal = step.ordinal();
            ws.stepDown = step.stepDown();
            w.plan.add(ws);
        }
        w.failure = failure(p.failure());
        w.attempt = p.attempt();
        w.restartAt = p.restartAt();
        if (p.snapshot() != null) {
            w.snapshot = new StatusSnapshot();
            w.snapshot.job = p.snapshot().job();
            w.snapshot.failedAttempts = p.snapshot().failedAttempts();
            w.snapshot.completedAt = time(p.snapshot().completedAt());
        }
        return w;
    }

    private static StatusBlueGreen blueGreen(BlueGreenStatus b) {
        if (b == null) {
            return null;
        }
        StatusBlueGreen w = new StatusBlueGreen();
        w.phase = b.phase() == null ? null : b.phase().name();
        w.attemptId = b.attemptId();
        w.blueRevision = b.blueRevision();
        w.greenRevision = b.greenRevision();
        w.blueImage = b.blueImage();
        w.greenImage = b.greenImage();
        w.greenVersion = b.greenVersion();
        w.greenReplicas = b.greenReplicas();
        w.manualPromotionRequired = b.manualPromotionRequired();
        w.phaseStartedAt = time(b.phaseStartedAt());
        w.jobFailureCount = b.jobFailureCount();
        w.lastJobFailure = failure(b.lastJobFailure());
        w.snapshotJob = b.snapshotJob();
        w.rollbackReason = b.rollbackReason();
        w.rollbackStartedAt = time(b.rollbackStartedAt());
        w.rollbackAttempt = b.rollbackAttempt();
        w.failedTarget = b.failedTarget();
        w.completedSteps = b.completedSteps().isEmpty() ? null : b.completedSteps();
        w.holdReason = b.holdReason();
        w.blueStatefulSet = b.blueStatefulSet();
        return w;
    }

    private static StatusOperationLock lock(OperationLock l) {
        StatusOperationLock w = new StatusOperationLock();
        w.operation = l.operation() == null ? null : l.operation().name();
        w.holder = l.holder();
        w.message = l.message();
        w.acquiredAt = time(l.acquiredAt());
        w.renewedAt = time(l.renewedAt());
        w.epoch = l.epoch();
        return w;
    }

    private static StatusBreakGlass breakGlass(BreakGlass b) {
        StatusBreakGlass w = new StatusBreakGlass();
        w.active = b.active();
        w.reason = b.reason();
        w.message = b.message();
        w.nonce = b.nonce();
        w.enteredAt = time(b.enteredAt());
        w.steps = b.steps();
        w.acknowledgedAt = time(b.acknowledgedAt());
        return w;
    }

    private static StatusBackup backup(BackupStatus b) {
        StatusBackup w = new StatusBackup();
        w.nextScheduledBackup = time(b.nextScheduledBackup());
        w.lastScheduledTime = time(b.lastScheduledTime());
        w.lastAttemptTime = time(b.lastAttemptTime());
        w.lastBackupTime = time(b.lastBackupTime());
        w.lastBackupJob = b.lastBackupJob();
        w.consecutiveFailures = b.consecutiveFailures();
        w.lastFailure = failure(b.lastFailure());
        w.successfulBackups = b.successfulBackups();
        if (b.activeRun() != null) {
            w.activeRun = new StatusActiveRun();
            w.activeRun.job = b.activeRun().job();
            w.activeRun.window = time(b.activeRun().window());
            w.activeRun.manual = b.activeRun().manual();
            w.activeRun.recordedAt = time(b.activeRun().recordedAt());
            w.activeRun.createdAt = time(b.activeRun().createdAt());
        }
        w.scheduleFingerprint = b.scheduleFingerprint();
        if (b.lastObject() != null) {
            w.lastObject = new dev.raftops.adapters.fabric8.crd.StatusBackupObject();
            w.lastObject.key = b.lastObject().key();
            w.lastObject.size = b.lastObject().size();
            w.lastObject.sha256 = b.lastObject().sha256();
        }
        return w;
    }

    private static StatusRequests requests(HandledRequests r) {
        StatusRequests w = new StatusRequests();
        w.lastHandledRetry = r.lastHandledRetry();
        w.lastHandledPromote = r.lastHandledPromote();
        w.lastHandledRollback = r.lastHandledRollback();
        w.lastHandledBackupTrigger = r.lastHandledBackupTrigger();
        w.lastHandledForceRelease = r.lastHandledForceRelease();
        w.lastHandledRestart = r.lastHandledRestart();
        return w;
    }

    static StatusFailureRecord failure(Failure f) {
        if (f == null) {
            return null;
        }
        StatusFailureRecord w = new StatusFailureRecord();
        w.reason = f.reason();
        w.message = f.message();
        w.at = time(f.at());
        return w;
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
