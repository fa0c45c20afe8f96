package dev.raftops.domain.backup;

import static dev.raftops.domain.backup.BackupReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BackupStatus.ActiveRun;
import dev.raftops.domain.resource.BackupObject;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.PhaseRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Following the run in flight: create its Job, wait for it, record its result and release the
 * lock. Only the Job named by the run counts: other Jobs, pre-upgrade snapshots above all, are
 * never counted, adopted or deleted here.
 */
final class BackupRun {

    private BackupRun() {
    }

    static Decision decide(DecisionInput in) {
        ActiveRun run = in.status().backup().activeRun();
        List<Action> actions = new ArrayList<>();
        ClusterStatus status = acknowledgeTrigger(in, in.status(), run, actions);
        JobView job = in.observation().job(run.job())
                .filter(j -> ExecutorAction.BACKUP.wireName().equals(j.action())).orElse(null);
        if (job == null) {
            return run.createdAt() == null ? create(in, status, run, actions) : missing(in, status, run, actions);
        }
        if (run.createdAt() == null) {
            // created by a pass whose status write was lost: the observation is the proof
            run = run.created(job.createdAt() != null ? job.createdAt() : in.now());
            status = status.withBackup(status.backup().withActiveRun(run));
        }
        if (job.result() == JobResult.SUCCEEDED) {
            return succeeded(in, status, run, job, actions);
        }
        if (job.result() == JobResult.FAILED) {
            String message = job.message() == null || job.message().isBlank() ? "backup job " + run.job() + " failed"
                    : "backup job " + run.job() + " failed: " + job.message();
            return failed(in, status, BACKUP_FAILED, message, actions);
        }
        return new Decision(actions, status, running(in, run));
    }

    /** Recorded, not yet created: create it (idempotent by name), unless the backup should no longer start. */
    private static Decision create(DecisionInput in, ClusterStatus status, ActiveRun run, List<Action> actions) {
        BackupSpec spec = in.spec().backup();
        if (spec == null) {
            return cancelled(in, status, run, new BackupSuppression(BACKUP_DISABLED, "spec.backup was removed"), actions);
        }
        Optional<BackupSuppression> suppression = BackupSuppression.of(in, status);
        if (suppression.isPresent()) {
            // an upgrade arrived between recording and creating: the backup yields before it holds the lock long
            return cancelled(in, status, run, suppression.get(), actions);
        }
        if (elapsed(run.recordedAt(), in.now()).compareTo(in.timing().standard()) > 0) {
            // every create was refused (a foreign Job has the name, or the API kept failing)
            return failed(in, status, BACKUP_JOB_NOT_CREATED, "backup job " + run.job() + " could not be created within "
                    + in.timing().standard().toSeconds() + "s", actions);
        }
        ActiveRun created = run.created(in.now());
        actions.add(new Action.CreateJob(BackupJob.request(in, spec, created, status.operationLock().epoch())));
        actions.add(new Action.Emit(ClusterEvent.normal(BACKUP_STARTED, "backup job " + run.job() + " started for "
                + (run.manual() ? "a manual request at " : "the window ") + run.window(),
                phases(in, BackupDecision.audit(in, status.operationLock()), withoutLock(status), status))));
        return new Decision(actions, status.withBackup(status.backup().withActiveRun(created)), running(in, created));
    }

    /** Created but not observed: informer lag for a while, then a failure, so the lock is never held forever. */
    private static Decision missing(DecisionInput in, ClusterStatus status, ActiveRun run, List<Action> actions) {
        if (elapsed(run.createdAt(), in.now()).compareTo(in.timing().standard()) > 0) {
            return failed(in, status, BACKUP_JOB_MISSING, "backup job " + run.job()
                    + " disappeared before its result was observed", actions);
        }
        return new Decision(actions, status, Wake.onEvent(in.timing().poll(in.random()),
                "waiting to observe backup job " + run.job()));
    }

    private static Decision succeeded(DecisionInput in, ClusterStatus status, ActiveRun run, JobView job,
            List<Action> actions) {
        Instant finished = job.finishedAt() != null ? job.finishedAt() : in.now();
        BackupObject object = BackupObject.fromFacts(job.facts());
        String wrote = object == null ? "" : ": " + object.describe();
        ClusterStatus next = finish(in, status.withBackup(status.backup().succeeded(run.job(), finished, object)),
                BACKUP_SUCCEEDED, "backup job " + run.job() + " succeeded" + wrote);
        if (Condition.find(next.conditions(), Condition.BACKUP_FAILING).isPresent()) {
            next = next.withCondition(Condition.BACKUP_FAILING, Condition.Status.False, BACKUP_SUCCEEDED,
                    "backup job " + run.job() + " succeeded", in.generation(), in.now());
        }
        actions.add(new Action.Emit(ClusterEvent.normal(BACKUP_SUCCEEDED, "backup job " + run.job()
                + " for " + run.window() + " succeeded" + wrote, lifecycleAudit(in, status))));
        return new Decision(actions, next, Wake.now("backup finished"));
    }

    /** A failed run: counted once, never retried at once; the next window or a manual token tries again. */
    static Decision failed(DecisionInput in, ClusterStatus status, String reason, String message, List<Action> actions) {
        BackupStatus backup = status.backup().failed(new Failure(reason, message, in.now()));
        ClusterStatus next = finish(in, status.withBackup(backup), reason, message);
        if (backup.consecutiveFailures() >= FAILING_THRESHOLD) {
            next = next.withCondition(Condition.BACKUP_FAILING, Condition.Status.True, BACKUP_FAILING,
                    backup.consecutiveFailures() + " consecutive backup runs failed; last: " + message,
                    in.generation(), in.now());
        }
        actions.add(new Action.Emit(ClusterEvent.warning(reason, message + " (" + backup.consecutiveFailures()
                + " in a row); the next window or a manual request tries again", lifecycleAudit(in, status))));
        return new Decision(actions, next, Wake.now("backup finished"));
    }

    private static Decision cancelled(DecisionInput in, ClusterStatus status, ActiveRun run, BackupSuppression why,
            List<Action> actions) {
        ClusterStatus next = finish(in, status.withBackup(status.backup().withActiveRun(null)), BACKUP_SKIPPED,
                why.message());
        actions.add(new Action.Emit(ClusterEvent.normal(BACKUP_SKIPPED, "backup job " + run.job() + " not created ("
                + why.cause() + "): " + why.message(), lifecycleAudit(in, status))));
        return new Decision(actions, next, Wake.now("backup run cancelled"));
    }

    /** The run is over: the lock is released and the BackingUp condition and phase end. */
    private static ClusterStatus finish(DecisionInput in, ClusterStatus status, String reason, String message) {
        ClusterStatus next = withoutLock(status)
                .withBackup(status.backup().withActiveRun(null))
                .withCondition(Condition.BACKING_UP, Condition.Status.False, reason, message, in.generation(), in.now());
        return next;
    }

    /** A manual token that arrives while a run is in flight is acknowledged and skipped: one run at a time. */
    private static ClusterStatus acknowledgeTrigger(DecisionInput in, ClusterStatus status, ActiveRun run,
            List<Action> actions) {
        BackupSpec spec = in.spec().backup();
        OneShotRequest trigger = new OneShotRequest(spec == null ? null : spec.triggerRequest(),
                status.requests().lastHandledBackupTrigger());
        if (!trigger.pending()) {
            return status;
        }
        actions.add(new Action.Emit(ClusterEvent.normal(BACKUP_SKIPPED, "manual backup request \"" + trigger.token()
                + "\" skipped (" + BACKUP_ALREADY_RUNNING + "): backup job " + run.job() + " is in flight",
                BackupDecision.audit(in, status.operationLock()))));
        return status.withRequests(status.requests().withBackupTrigger(trigger.token()));
    }

    private static Wake running(DecisionInput in, ActiveRun run) {
        // Job completion is watched; the fallback only bounds a lost event
        return Wake.onEvent(in.timing().standard(), "backup job " + run.job() + " running");
    }

    private static AuditFields lifecycleAudit(DecisionInput in, ClusterStatus before) {
        return phases(in, BackupDecision.audit(in, before.operationLock()), before, withoutLock(before));
    }

    /** The phase change the backup lock makes, as {@link PhaseRule} derives it (decisions never write the phase). */
    private static AuditFields phases(DecisionInput in, AuditFields audit, ClusterStatus from, ClusterStatus to) {
        return audit.withPhases(PhaseRule.of(in.spec(), from).name(), PhaseRule.of(in.spec(), to).name());
    }

    private static ClusterStatus withoutLock(ClusterStatus status) {
        return status.withOperationLock(status.operationLock().release(Operation.Backup, Holders.BACKUP).lock());
    }

    private static Duration elapsed(Instant from, Instant to) {
        return Duration.between(from, to);
    }
}
