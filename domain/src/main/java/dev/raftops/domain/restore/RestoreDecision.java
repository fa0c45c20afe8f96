package dev.raftops.domain.restore;

import static dev.raftops.domain.restore.RestoreConditions.*;
import static dev.raftops.domain.restore.RestoreReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BackupObject;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.util.List;
import java.util.Objects;

/**
 * The restore decision: a pure function of (spec, status, the cluster and the Job as observed,
 * now) to the next restore status, the cluster's next status and the actions. The phases go
 * {@code Pending → Locked → Restoring → RestartingMembers → Completed}, or to {@code Failed}; each
 * phase after {@code Pending} first checks that the lock is still the restore's at its epoch.
 * A deleted restore releases the lock once its Job has ended (the finalizer keeps it until then).
 * See docs/decisions/restore.md.
 */
public final class RestoreDecision {

    private RestoreDecision() {
    }

    public static RestoreResult decide(RestoreInput in) {
        RestorePass pass = new RestorePass(in, in.cluster().orElse(null));
        if (in.deleting()) {
            return deleting(pass);
        }
        RestoreStatus status = in.status();
        if (status.phase().terminal()) {
            return new RestoreResult(status, null, List.of(), Wake.idle(), false);
        }
        if (status.phase() == RestorePhase.Pending) {
            return pending(pass);
        }
        if (pass.cluster() == null) {
            return pass.end(RestorePhase.Failed, CLUSTER_NOT_FOUND, "RaftCluster " + in.spec().clusterRef()
                    + " disappeared during the restore");
        }
        if (!status.holds(pass.lock())) {
            return lockLost(pass);
        }
        return switch (status.phase()) {
            case Locked -> RestoreRun.startJob(pass);
            case Restoring -> RestoreRun.restoring(pass);
            case RestartingMembers -> RestoreRun.restarting(pass);
            case Pending, Completed, Failed -> throw new IllegalStateException("handled above: " + status.phase());
        };
    }

    private static RestoreResult pending(RestorePass pass) {
        RestoreInput in = pass.in();
        String problem = in.spec().problem();
        if (problem == null && pass.cluster() != null) {
            problem = clusterProblem(pass);
        }
        if (problem != null) {
            return pass.end(RestorePhase.Failed, INVALID_SPEC, problem);
        }
        if (!in.finalizer()) {
            return new RestoreResult(in.status(), null, List.of(), Wake.now("finalizer added"), true);
        }
        if (pass.cluster() == null) {
            return pass.waiting(LOCKED, CLUSTER_NOT_FOUND, "RaftCluster " + in.spec().clusterRef() + " not found",
                    Wake.after(in.timing().standard(), "cluster not found"));
        }
        var lock = pass.lock();
        if (lock.isHeld() && !lock.isHeldBy(Operation.Restore, in.holder())) {
            return pass.waiting(LOCKED, OPERATION_LOCK_HELD, "the operation lock of " + pass.clusterName()
                    + " is held by " + lock.operation() + " (" + lock.holder() + ", epoch " + lock.epoch() + ")",
                    Wake.after(in.timing().contention(in.random()), "lock contention"));
        }
        if (in.spec().restartVoters() && pass.clusterStatus().upgrade() != null) {
            return pass.waiting(LOCKED, UPGRADE_RECORDED, "status.upgrade of " + pass.clusterName()
                    + " records a roll (retry or finish it first)", Wake.after(in.timing().standard(), "roll recorded"));
        }
        Source source = Source.resolve(in.spec().source(), pass.cluster());
        LockOutcome taken = lock.acquire(Operation.Restore, in.holder(), "restore " + in.name() + ": restoring "
                + (source.key() == null ? "the newest snapshot" : source.key()), in.now());
        RestoreStatus next = pass.condition(in.status().locked(in.holder(), taken.lock().epoch(), source.key(),
                source.sha256(), in.now()), LOCKED, Condition.Status.True, LOCK_ACQUIRED, "holds the operation lock of "
                + pass.clusterName() + " at epoch " + taken.lock().epoch());
        String message = in.holder() + " took the operation lock of " + pass.clusterName() + " at epoch "
                + taken.lock().epoch() + " to restore " + source.describe();
        return new RestoreResult(next, pass.clusterStatus().withOperationLock(taken.lock()),
                List.of(new Action.Emit(ClusterEvent.normal(LOCK_ACQUIRED, message,
                        pass.audit(taken.lock(), RestorePhase.Locked)))), Wake.now("lock acquired"), true);
    }

    private static String clusterProblem(RestorePass pass) {
        if (RestoreJob.bucket(pass.in().spec().source(), pass.cluster()) == null) {
            return "no bucket to restore from: set spec.source.bucket or spec.backup.target.bucket of "
                    + pass.clusterName();
        }
        if (pass.in().spec().restartVoters()
                && pass.cluster().spec().upgrade().strategy() != UpgradeStrategy.ROLLING_UPDATE) {
            return "spec.restartVoters needs a RollingUpdate cluster (" + pass.clusterName() + " is BlueGreen); "
                    + "set spec.restartVoters: false and restart its members through a blue/green upgrade";
        }
        return null;
    }

    /** Another holder or epoch: the restore stops, never writing under a lock it lost (a forced release, say). */
    private static RestoreResult lockLost(RestorePass pass) {
        var lock = pass.lock();
        String message = "the operation lock of " + pass.clusterName() + " is no longer " + pass.in().holder()
                + " at epoch " + pass.status().lockEpoch() + " (now " + (lock.isHeld() ? lock.holder() + " at epoch "
                        + lock.epoch() : "free at epoch " + lock.epoch()) + "); the restore stops";
        return pass.in().job().filter(j -> j.result() == JobResult.RUNNING)
                .map(j -> pass.end(RestorePhase.Failed, LOCK_LOST, message, new Action.DeleteJob(j.name())))
                .orElseGet(() -> pass.end(RestorePhase.Failed, LOCK_LOST, message));
    }

    /** A deleted restore: its Job ends first; then the lock and its roll are released, and the finalizer goes. */
    private static RestoreResult deleting(RestorePass pass) {
        RestoreInput in = pass.in();
        if (pass.cluster() == null || !pass.lock().isHeldBy(Operation.Restore, in.holder())) {
            return new RestoreResult(in.status(), null, List.of(), Wake.idle(), false);
        }
        if (in.job().map(j -> j.result() == JobResult.RUNNING).orElse(false)) {
            return pass.waiting(COMPLETE, WAITING_FOR_JOB, "deleted while its Job " + in.status().job()
                    + " restores; the lock is released when the Job ends", Wake.onEvent(in.timing().standard(), "job"));
        }
        String skipped = pass.ownRoll() == null ? "" : "; members not restarted yet keep running, set "
                + "spec.maintenance.restartAt of the cluster to restart them";
        return pass.end(RestorePhase.Failed, RESTORE_ABANDONED, in.holder() + " deleted in phase "
                + in.status().phase() + "; the operation lock of " + pass.clusterName() + " is released" + skipped);
    }

    /** The snapshot a restore names, and the SHA-256 it must have when the controller recorded one. */
    record Source(String key, String sha256) {

        /**
         * {@code latest} is the cluster's recorded {@code status.backup.lastObject} (its checksum with
         * it); a named key takes the recorded checksum when it is that object. Another bucket than the
         * cluster's has no record: the object's own checksum (its metadata) is the one the Job checks.
         */
        static Source resolve(RestoreSource source, RestoredCluster cluster) {
            BackupObject last = cluster.status().backup().lastObject();
            boolean sameBucket = source.bucket() == null || cluster.spec().backup() != null
                    && Objects.equals(source.bucket(), cluster.spec().backup().target().get("bucket"));
            boolean recorded = last != null && sameBucket;
            if (source.latest()) {
                return recorded ? new Source(last.key(), last.sha256()) : new Source(null, null);
            }
            return new Source(source.key(), recorded && last.key().equals(source.key()) ? last.sha256() : null);
        }

        String describe() {
            return (key == null ? "the newest snapshot of the cluster" : key) + (sha256 == null
                    ? " (checked against the object's recorded SHA-256)" : " (SHA-256 " + sha256 + ")");
        }
    }
}
