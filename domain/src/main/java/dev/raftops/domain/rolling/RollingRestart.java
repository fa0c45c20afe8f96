package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;

/**
 * A restart request ({@code spec.maintenance.restartAt}) that arrives while a roll runs is folded
 * into it, never run beside it: the partition is locked again at {@code replicas} with the template
 * carrying the request, so a pod the roll has not reached yet rolls once (to the final template)
 * and a pod it already rolled rolls once more, one at a time under the same gates. A restart with
 * no roll running starts in {@link RollingStart#start}. See docs/decisions/rolling-restart.md.
 */
final class RollingRestart {

    private RollingRestart() {
    }

    static Decision fold(RollingPass pass) {
        DecisionInput in = pass.in();
        ClusterStatus status = pass.status();
        RollingProgress progress = pass.progress();
        String token = pass.restartRequest().token();
        LockOutcome lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE,
                pass.reason().operation() + " (restart folded in)", in.now());
        if (!lock.holds()) {
            return pass.lockBlocked(lock.lock());
        }
        if (lock instanceof LockOutcome.Acquired) {
            return Decision.of(status.withOperationLock(lock.lock()), Wake.now("lock re-acquired"));
        }
        StatefulSetView sts = pass.workload().orElse(null);
        if (sts == null) {
            return pass.notReady("StatefulSet " + in.statefulSetName() + " not found");
        }
        if (sts.onDelete()) {
            // the upgrade under way goes on at once
            return refused(pass, "an OnDelete StatefulSet (adopted) is not rolled again for a restart; "
                    + "the upgrade under way deletes each pod once", Wake.now("restart refused"));
        }
        int replicas = in.spec().replicas();
        RollingProgress folded = RollingProgress.started(progress.fromVersion(), progress.targetVersion(),
                progress.targetImage(), in.now(), replicas, RollingPlan.remaining(replicas, replicas, pass.pods(sts)),
                progress.attempt() + 1, false).withSnapshot(progress.snapshot()).withRestartAt(token)
                .withFromImage(progress.fromImage());
        String message = "restart requested at " + token + " folded into the " + pass.reason().operation()
                + ": every pod rolls again from ordinal " + (replicas - 1) + ", once";
        ClusterStatus next = status.withOperationLock(lock.lock()).withUpgrade(folded)
                .withRequests(status.requests().withRestart(token))
                .withCondition(Condition.UPGRADING, Condition.Status.True, RESTART_FOLDED, message, in.generation(),
                        in.now());
        return Decision.of(next, Wake.now("restart folded"),
                new Action.LockPartitionAndSetImage(sts.name(), replicas, progress.targetImage(), sts.resourceVersion(),
                        token),
                new Action.Emit(ClusterEvent.normal(RESTART_FOLDED, message, pass.audit(lock.lock()))));
    }

    /** A BlueGreen cluster does not roll its pods in place: the request is handled, with a Warning saying so. */
    static Decision refusedForBlueGreen(RollingPass pass) {
        return refused(pass, "a BlueGreen cluster does not roll its pods in place; switch spec.upgrade.strategy to "
                + "RollingUpdate while idle to restart it");
    }

    /** The request is handled without a roll, with a Warning saying {@code why}; the pass goes idle. */
    static Decision refused(RollingPass pass, String why) {
        return refused(pass, why, Wake.idle());
    }

    /** The request is handled without a roll, with a Warning saying {@code why}; the pass wakes as {@code wake} says. */
    static Decision refused(RollingPass pass, String why, Wake wake) {
        ClusterStatus status = pass.status();
        String token = pass.restartRequest().token();
        String message = "spec.maintenance.restartAt " + token + " ignored: " + why;
        return Decision.of(status.withRequests(status.requests().withRestart(token)), wake,
                new Action.Emit(ClusterEvent.warning(RESTART_NOT_SUPPORTED, message, pass.audit())));
    }
}
