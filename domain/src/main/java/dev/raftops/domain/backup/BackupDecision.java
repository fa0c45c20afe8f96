package dev.raftops.domain.backup;

import static dev.raftops.domain.backup.BackupReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BackupStatus.ActiveRun;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.ClusterStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The backup family's decision: a pure function from (spec, status, observation, now) to the next
 * actions, {@code status.backup} and when to look again.
 *
 * <p>A run in flight is followed first ({@link BackupRun}), even when {@code spec.backup} was removed,
 * so its result is recorded and the lock released. Otherwise the schedule is read; the first window
 * is the next one after enabling; a window is due when {@code now >= nextScheduledBackup}, or a manual
 * token is pending. A due window is always consumed, run or skipped, and the next window is the first
 * one after both the consumed window and now, so missed windows collapse into one catch-up run and a
 * skipped window never leaves the schedule stuck. Starting a run records it with the lock one pass
 * before its Job is created, so the Job name survives a restart.
 */
public final class BackupDecision {

    private BackupDecision() {
    }

    /** The backup family's decision for one pass; never throws for bad input (see the class comment). */
    public static Decision decide(DecisionInput in) {
        if (in.status().backup().activeRun() != null) {
            return BackupRun.decide(in);
        }
        ClusterStatus status = releaseLeftoverLock(in.status());
        BackupSpec spec = in.spec().backup();
        if (spec == null) {
            return BackupConfiguration.disabled(in, status);
        }
        ScheduleReading reading = BackupSchedule.read(spec.schedule(), spec.timeZone());
        if (reading instanceof ScheduleReading.Invalid invalid) {
            return BackupConfiguration.invalid(in, status, spec, invalid.reason());
        }
        return scheduled(in, status, spec, ((ScheduleReading.Valid) reading).schedule());
    }

    /**
     * The backup family in a pass another family ended (an upgrade runs or waits): a scheduled
     * window that falls due now and must be suppressed is consumed with {@code BackupSkipped}, as
     * the spec asks, instead of running late once the upgrade is done. A manual token is left
     * pending: the person asked for this backup, so it runs once the upgrade is over. A backup that
     * could start waits for a pass of its own; a run in flight is never touched here.
     */
    public static Decision whileAnotherWaits(DecisionInput in) {
        Decision unchanged = Decision.of(in.status(), Wake.idle());
        BackupSpec spec = in.spec().backup();
        if (in.status().backup().activeRun() != null || spec == null) {
            return unchanged;
        }
        BackupSpec windowsOnly = spec.withTriggerRequest(in.status().requests().lastHandledBackupTrigger());
        Decision d = decide(new DecisionInput(in.cluster(), in.generation(), in.spec().withBackup(windowsOnly),
                in.status(), in.observation(), in.now(), in.random(), in.timing()));
        boolean skipped = d.actions().stream().anyMatch(a -> a instanceof Action.Emit e
                && BACKUP_SKIPPED.equals(e.event().reason()));
        return skipped ? d : unchanged;
    }

    private static Decision scheduled(DecisionInput in, ClusterStatus status, BackupSpec spec, BackupSchedule schedule) {
        BackupStatus backup = status.backup();
        Instant next = backup.nextScheduledBackup();
        if (next == null || !schedule.fingerprint().equals(backup.scheduleFingerprint())) {
            // enabling or editing: the next window after now (never now itself), and after the last
            // consumed window even if the clock went backwards
            Optional<Instant> first = schedule.nextAfter(latest(in.now(), backup.lastScheduledTime()));
            if (first.isEmpty()) {
                return BackupConfiguration.invalid(in, status, spec, neverFires(schedule));
            }
            next = first.get();
            backup = backup.withSchedule(next, schedule.fingerprint());
        }
        status = BackupConfiguration.valid(in, status.withBackup(backup), schedule);
        OneShotRequest trigger = new OneShotRequest(spec.triggerRequest(), status.requests().lastHandledBackupTrigger());
        boolean windowDue = !in.now().isBefore(next);
        if (!windowDue && !trigger.pending()) {
            return Decision.of(status, untilNext(in, next));
        }
        Instant window = windowDue ? next : in.now().truncatedTo(ChronoUnit.SECONDS);
        Instant following = next;
        if (windowDue) {
            Optional<Instant> after = schedule.nextAfter(latest(in.now(), next));
            if (after.isEmpty()) {
                return BackupConfiguration.invalid(in, status, spec, neverFires(schedule));
            }
            following = after.get();
            backup = backup.consumed(next, following);
        }
        status = status.withBackup(backup);
        if (trigger.pending()) {
            status = status.withRequests(status.requests().withBackupTrigger(trigger.token()));
        }
        String what = windowDue ? "backup window " + window : "manual backup request \"" + trigger.token() + "\"";
        Optional<BackupSuppression> suppression = BackupSuppression.of(in, status);
        if (suppression.isPresent()) {
            return skipped(in, status, what, suppression.get(), untilNext(in, following));
        }
        if (!windowDue) {
            window = freeManualWindow(in, window);
        } else if (in.observation().job(BackupWindowName.of(in.cluster().name(), window)).isPresent()) {
            // the run is recorded before its Job exists, so an existing Job means this window already ran
            return skipped(in, status, what, new BackupSuppression(WINDOW_ALREADY_RAN, "backup job "
                    + BackupWindowName.of(in.cluster().name(), window) + " exists already"), untilNext(in, following));
        }
        ActiveRun run = new ActiveRun(BackupWindowName.of(in.cluster().name(), window), window, !windowDue, in.now(),
                null);
        LockOutcome lock = status.operationLock().acquire(Operation.Backup, Holders.BACKUP, "backup job " + run.job(),
                in.now());
        if (!lock.holds()) {
            return skipped(in, status, what, new BackupSuppression(OPERATION_LOCK_HELD, "the operation lock is held by "
                    + lock.lock().holder()), untilNext(in, following));
        }
        ClusterStatus started = status.withOperationLock(lock.lock()).withBackup(backup.started(run))
                .withCondition(Condition.BACKING_UP, Condition.Status.True, BACKUP_RUNNING,
                        "backup job " + run.job() + " for " + what, in.generation(), in.now());
        // the run and the lock are persisted before the Job exists: a restart finds the same name
        return Decision.of(started, Wake.now("backup run recorded"));
    }

    /**
     * A manual run is named by the second it was requested, but always later than the previous
     * run's second and never the name of an existing Job (two requests in one second, a Job already
     * garbage-collected, a clock that went back), so a new request never reuses an old run's name.
     */
    private static Instant freeManualWindow(DecisionInput in, Instant window) {
        Instant candidate = window;
        Instant lastAttempt = in.status().backup().lastAttemptTime();
        if (lastAttempt != null && !candidate.isAfter(lastAttempt.truncatedTo(ChronoUnit.SECONDS))) {
            candidate = lastAttempt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        }
        while (in.observation().job(BackupWindowName.of(in.cluster().name(), candidate)).isPresent()) {
            candidate = candidate.plusSeconds(1);
        }
        return candidate;
    }

    /** A due window or token consumed without a Job: one {@code BackupSkipped} Event, then wait for the next window. */
    static Decision skipped(DecisionInput in, ClusterStatus status, String what, BackupSuppression why, Wake wake) {
        String message = what + " skipped (" + why.cause() + "): " + why.message()
                + "; next window " + status.backup().nextScheduledBackup();
        return Decision.of(status, wake, new Action.Emit(ClusterEvent.normal(BACKUP_SKIPPED, message,
                audit(in, status.operationLock()))));
    }

    /** A lock of ours with no run behind it (an interrupted older pass) is released, so it never blocks an upgrade. */
    private static ClusterStatus releaseLeftoverLock(ClusterStatus status) {
        LockOutcome released = status.operationLock().release(Operation.Backup, Holders.BACKUP);
        return released instanceof LockOutcome.Released ? status.withOperationLock(released.lock()) : status;
    }

    static Wake untilNext(DecisionInput in, Instant next) {
        Duration wait = Duration.between(in.now(), next);
        return Wake.after(wait.isNegative() ? Duration.ZERO : wait, "next backup window " + next);
    }

    /** Backup audit fields: always the backup operation and holder; the epoch only while the backup holds the lock. */
    static AuditFields audit(DecisionInput in, OperationLock lock) {
        Long epoch = lock.isHeldBy(Operation.Backup, Holders.BACKUP) ? lock.epoch() : null;
        return new AuditFields(in.cluster().toString(), Operation.Backup, Holders.BACKUP, epoch, null, null, null);
    }

    private static Instant latest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static String neverFires(BackupSchedule schedule) {
        return "spec.backup.schedule \"" + schedule.expression() + "\" has no future window in " + schedule.zone();
    }
}
