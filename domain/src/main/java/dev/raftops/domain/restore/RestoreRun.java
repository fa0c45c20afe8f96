package dev.raftops.domain.restore;

import static dev.raftops.domain.restore.RestoreConditions.*;
import static dev.raftops.domain.restore.RestoreReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RestoreRestart;
import java.util.List;

/**
 * The steps of a restore that holds the lock: the Job, its result, and the members' restart. The
 * restart is the rolling machinery's ({@link RestoreRestart}): the restore records the roll in the
 * cluster's {@code status.upgrade} and follows it; the roll marks the lock when it ends.
 */
final class RestoreRun {

    private RestoreRun() {
    }

    /** Locked: the Job is created under its deterministic name (an existing one is the same work). */
    static RestoreResult startJob(RestorePass pass) {
        RestoreInput in = pass.in();
        RestoreStatus withJob = in.status().withJob(RestoreJob.name(pass.cluster(), in.name(),
                in.status().lockEpoch()));
        String message = "restore Job " + withJob.job() + " started: it verifies "
                + (withJob.objectKey() == null ? "the newest snapshot" : withJob.objectKey())
                + " against its SHA-256 before writing to the workload" + (in.spec().force() ? " (snapshot-force)" : "");
        RestoreStatus next = pass.condition(withJob.withPhase(RestorePhase.Restoring), COMPLETE,
                Condition.Status.False, RESTORE_STARTED, message);
        return new RestoreResult(next, null, List.of(new Action.CreateJob(RestoreJob.request(in, pass.cluster(), withJob)),
                new Action.Emit(ClusterEvent.normal(RESTORE_STARTED, message,
                        pass.audit(pass.lock(), RestorePhase.Restoring)))),
                Wake.onEvent(in.timing().standard(), "restore job"), true);
    }

    /** Restoring: the Job's result decides; a refused or failed Job fails the restore and releases the lock. */
    static RestoreResult restoring(RestorePass pass) {
        RestoreInput in = pass.in();
        JobView job = in.job().orElse(null);
        if (job == null) {
            // not observed yet, or removed before its result was read: the same name is the same work
            return new RestoreResult(in.status(), null,
                    List.of(new Action.CreateJob(RestoreJob.request(in, pass.cluster(), in.status()))),
                    Wake.onEvent(in.timing().standard(), "restore job"), true);
        }
        switch (job.result()) {
            case RUNNING -> {
                return new RestoreResult(in.status(), null, List.of(), Wake.onEvent(in.timing().standard(),
                        "restore job"), true);
            }
            case FAILED -> {
                return pass.end(RestorePhase.Failed, RESTORE_JOB_FAILED, "restore Job " + job.name() + " failed: "
                        + (job.message() == null ? "no message" : job.message()));
            }
            case SUCCEEDED -> {
                return restored(pass, job);
            }
            default -> throw new IllegalStateException("unknown job result " + job.result());
        }
    }

    private static RestoreResult restored(RestorePass pass, JobView job) {
        RestoreInput in = pass.in();
        Long index = parse(job.facts().get("indexReached"));
        RestoreStatus done = in.status().restored(job.facts().get("objectKey"), job.facts().get("sha256"), index);
        String what = "restored " + (done.objectKey() == null ? "the snapshot" : done.objectKey())
                + (index == null ? "" : "; a leader applied index " + index);
        if (!in.spec().restartVoters()) {
            return new RestorePass(in.withStatus(done), pass.cluster()).end(RestorePhase.Completed, RESTORE_COMPLETE,
                    what + "; members not restarted (spec.restartVoters: false)");
        }
        RestoreRestart restart = pass.restart();
        if (restart.restartedIn(pass.clusterStatus())) {
            return new RestorePass(in.withStatus(done), pass.cluster()).end(RestorePhase.Completed, RESTORE_COMPLETE,
                    what + "; every member restarted");
        }
        String message = what + "; restarting every member once, the leader last";
        RestoreStatus next = pass.condition(done.withPhase(RestorePhase.RestartingMembers), COMPLETE,
                Condition.Status.False, MEMBERS_RESTARTING, message);
        List<Action> event = List.of(new Action.Emit(ClusterEvent.normal(SNAPSHOT_RESTORED, message,
                pass.audit(pass.lock(), RestorePhase.RestartingMembers))));
        if (pass.ownRoll() != null) {
            return new RestoreResult(next, null, event, Wake.onEvent(in.timing().standard(), "members"), true);
        }
        LockOutcome renewed = pass.lock().acquire(Operation.Restore, in.holder(), "restore " + in.name()
                + ": restarting the members", in.now());
        ClusterStatus cluster = pass.clusterStatus().withOperationLock(renewed.lock())
                .withUpgrade(restart.progress(in.now(), pass.cluster().spec().replicas()));
        return new RestoreResult(next, cluster, event, Wake.onEvent(in.timing().standard(), "members"), true);
    }

    /** RestartingMembers: follows the roll until it marks the lock, or fails. */
    static RestoreResult restarting(RestorePass pass) {
        RestoreInput in = pass.in();
        RollingProgress roll = pass.ownRoll();
        if (roll == null && pass.restart().restartedIn(pass.clusterStatus())) {
            return pass.end(RestorePhase.Completed, RESTORE_COMPLETE, "restored "
                    + (in.status().objectKey() == null ? "the snapshot" : in.status().objectKey())
                    + "; every member of " + pass.clusterName() + " restarted once");
        }
        if (roll == null) {
            // recorded before a crash, or removed by hand: ask again (the roll's steps are idempotent)
            return restored(pass, in.job().orElse(new JobView(in.status().job(), "restore",
                    dev.raftops.domain.cluster.JobResult.SUCCEEDED, null, null, null)));
        }
        if (roll.failed()) {
            return pass.end(RestorePhase.Failed, MEMBERS_RESTART_FAILED, "the snapshot is restored, but restarting "
                    + "the members failed: " + roll.failure().message() + "; restart them with spec.maintenance.restartAt");
        }
        String message = roll.completedOrdinals().size() + " of " + pass.cluster().spec().replicas()
                + " members restarted";
        boolean known = Condition.find(in.status().conditions(), COMPLETE).map(c -> c.message().equals(message))
                .orElse(false);
        RestoreStatus next = known ? in.status()
                : pass.condition(in.status(), COMPLETE, Condition.Status.False, MEMBERS_RESTARTING, message);
        return new RestoreResult(next, null, List.of(), Wake.onEvent(in.timing().standard(), "members"), true);
    }

    private static Long parse(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
