package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.StatusActiveRun;
import dev.raftops.adapters.fabric8.crd.StatusBackup;
import dev.raftops.adapters.fabric8.crd.StatusBlueGreen;
import dev.raftops.adapters.fabric8.crd.StatusBreakGlass;
import dev.raftops.adapters.fabric8.crd.StatusCondition;
import dev.raftops.adapters.fabric8.crd.StatusFailureRecord;
import dev.raftops.adapters.fabric8.crd.StatusOperationLock;
import dev.raftops.adapters.fabric8.crd.StatusPlanStep;
import dev.raftops.adapters.fabric8.crd.StatusRequests;
import dev.raftops.adapters.fabric8.crd.StatusUpgrade;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.opslifecycle.HandledRequests;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.BreakGlass;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.WorkloadStatus;
import dev.raftops.domain.resource.RollingProgress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code RaftCluster} status wire form to the domain's {@link ClusterStatus}. Only raftops writes
 * status, but a person can edit it: a part that no longer makes sense is read as absent rather than
 * failing the whole read, so the controller can still act (and rewrite it).
 */
final class StatusReading {

    private StatusReading() {
    }

    static ClusterStatus fromResource(RaftClusterStatus s) {
        if (s == null) {
            return ClusterStatus.initial();
        }
        Failure lastError = s.adminOps == null ? null : lenient(() -> failure(s.adminOps.lastError));
        return new ClusterStatus(s.currentVersion, lenient(() -> Phase.valueOf(s.phase)), num(s.observedGeneration),
                conditions(s.conditions), lenient(() -> upgrade(s.upgrade)), lenient(() -> blueGreen(s.blueGreen)),
                lenient(() -> lock(s.operationLock)), lenient(() -> breakGlass(s.breakGlass)),
                lenient(() -> backup(s.backup)), requests(s.requests), lastError, s.acceptedUpgradeStrategy,
                lenient(() -> s.workload == null ? null : new WorkloadStatus(s.workload.statefulSet, s.workload.ownedFields)),
                MemberStatusWire.fromResource(s.members));
    }

    static List<Condition> conditions(List<StatusCondition> conditions) {
        List<Condition> out = new ArrayList<>();
        if (conditions != null) {
            for (StatusCondition c : conditions) {
                Condition read = lenient(() -> new Condition(c.type, Condition.Status.valueOf(c.status), c.reason,
                        c.message, num(c.observedGeneration), time(c.lastTransitionTime)));
                if (read != null) {
                    out.add(read);
                }
            }
        }
        return out;
    }

    private static RollingProgress upgrade(StatusUpgrade u) {
        if (u == null) {
            return null;
        }
        RollingProgress.StepDown stepDown = u.stepDown == null ? null
                : new RollingProgress.StepDown(num(u.stepDown.ordinal), u.stepDown.sequence == null ? 1
                        : u.stepDown.sequence, u.stepDown.job, time(u.stepDown.startedAt),
                        time(u.stepDown.confirmedAt));
        List<RollingProgress.PlanStep> plan = new ArrayList<>();
        if (u.plan != null) {
            for (StatusPlanStep step : u.plan) {
                plan.add(new RollingProgress.PlanStep(num(step.ordinal), Boolean.TRUE.equals(step.stepDown)));
            }
        }
        RollingProgress.Snapshot snapshot = u.snapshot == null ? null
                : new RollingProgress.Snapshot(u.snapshot.job, num(u.snapshot.failedAttempts), time(u.snapshot.completedAt));
        return new RollingProgress(u.fromVersion, u.targetVersion, u.targetImage, time(u.startedAt),
                num(u.currentPartition), u.completedOrdinals, time(u.releasedAt), stepDown, plan, failure(u.failure),
                u.attempt == null ? 1 : u.attempt, snapshot, u.restartAt);
    }

    private static BlueGreenStatus blueGreen(StatusBlueGreen b) {
        if (b == null) {
            return null;
        }
        return new BlueGreenStatus(b.phase == null ? null : BlueGreenPhase.valueOf(b.phase), b.attemptId,
                b.blueRevision, b.greenRevision, b.blueImage, b.greenImage, b.greenVersion, num(b.greenReplicas),
                Boolean.TRUE.equals(b.manualPromotionRequired), time(b.phaseStartedAt), num(b.jobFailureCount),
                failure(b.lastJobFailure), b.snapshotJob, b.rollbackReason, time(b.rollbackStartedAt),
                num(b.rollbackAttempt), b.failedTarget, b.completedSteps, b.holdReason,
                b.blueStatefulSet);
    }

    private static OperationLock lock(StatusOperationLock l) {
        if (l == null) {
            return null;
        }
        return new OperationLock(l.operation == null ? null : Operation.valueOf(l.operation), l.holder, l.message,
                time(l.acquiredAt), time(l.renewedAt), num(l.epoch));
    }

    private static BreakGlass breakGlass(StatusBreakGlass b) {
        if (b == null) {
            return null;
        }
        return new BreakGlass(Boolean.TRUE.equals(b.active), b.reason, b.message, b.nonce, time(b.enteredAt), b.steps,
                time(b.acknowledgedAt));
    }

    private static BackupStatus backup(StatusBackup b) {
        if (b == null) {
            return null;
        }
        return new BackupStatus(time(b.nextScheduledBackup), time(b.lastScheduledTime), time(b.lastAttemptTime),
                time(b.lastBackupTime), b.lastBackupJob, num(b.consecutiveFailures), lenient(() -> failure(b.lastFailure)),
                num(b.successfulBackups), lenient(() -> activeRun(b.activeRun)), b.scheduleFingerprint,
                b.lastObject == null || b.lastObject.key == null ? null
                        : new dev.raftops.domain.resource.BackupObject(b.lastObject.key, b.lastObject.size, b.lastObject.sha256));
    }

    private static BackupStatus.ActiveRun activeRun(StatusActiveRun r) {
        if (r == null) {
            return null;
        }
        return new BackupStatus.ActiveRun(r.job, time(r.window), Boolean.TRUE.equals(r.manual), time(r.recordedAt),
                time(r.createdAt));
    }

    private static HandledRequests requests(StatusRequests r) {
        if (r == null) {
            return null;
        }
        return new HandledRequests(r.lastHandledRetry, r.lastHandledPromote, r.lastHandledRollback,
                r.lastHandledBackupTrigger, r.lastHandledForceRelease, r.lastHandledRestart);
    }

    static Failure failure(StatusFailureRecord f) {
        if (f == null) {
            return null;
        }
        return new Failure(f.reason, f.message == null ? "" : f.message, time(f.at));
    }

    static Instant time(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static int num(Integer n) {
        return n == null ? 0 : n;
    }

    private static long num(Long n) {
        return n == null ? 0 : n;
    }

    /** The part, or null (the domain default) when it cannot be read. */
    private static <T> T lenient(Supplier<T> part) {
        try {
            return part.get();
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return null;
        }
    }
}
