package dev.raftops.domain.restore;

import static dev.raftops.domain.restore.RestoreConditions.*;
import static dev.raftops.domain.restore.RestoreReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RestoreRestart;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a restore: its input and the cluster it names (null when absent). Builds the
 * results every step ends with, so conditions, Events and the lock's release read the same
 * everywhere.
 */
record RestorePass(RestoreInput in, RestoredCluster cluster) {

    RestoreStatus status() {
        return in.status();
    }

    ClusterStatus clusterStatus() {
        return cluster.status();
    }

    OperationLock lock() {
        return cluster.status().operationLock();
    }

    String clusterName() {
        return cluster == null ? in.spec().clusterRef() : cluster.key().toString();
    }

    /** The roll this restore asks for, once it holds the lock. */
    RestoreRestart restart() {
        String version = cluster.status().currentVersion() == null ? cluster.spec().version()
                : cluster.status().currentVersion();
        return new RestoreRestart(in.holder(), status().lockEpoch(), version, cluster.spec().imageFor(version));
    }

    /** The roll in {@code status.upgrade} when it is this restore's, else null. */
    RollingProgress ownRoll() {
        RollingProgress upgrade = cluster.status().upgrade();
        return upgrade != null && upgrade.restartAt() != null && upgrade.restartAt().startsWith(in.holder() + "@")
                ? upgrade : null;
    }

    AuditFields audit(OperationLock lock, RestorePhase to) {
        AuditFields base = lock.isHeld() ? AuditFields.of(clusterName(), lock, null)
                : new AuditFields(clusterName(), Operation.Restore, in.holder(), status().lockEpoch(), null, null, null);
        return base.withPhases(status().phase().name(), to.name());
    }

    RestoreStatus condition(RestoreStatus s, String type, Condition.Status value, String reason, String message) {
        return s.withCondition(type, value, reason, message, in.generation(), in.now());
    }

    /** The restore waits in its phase: the condition says for what; an Event only when the message is new. */
    RestoreResult waiting(String type, String reason, String message, Wake wake) {
        boolean known = Condition.find(status().conditions(), type).map(c -> c.message().equals(message)).orElse(false);
        RestoreStatus next = condition(status(), type, Condition.Status.False, reason, message);
        List<Action> events = known || cluster == null ? List.of()
                : List.of(new Action.Emit(ClusterEvent.normal(reason, in.holder() + " waits: " + message,
                        audit(lock(), status().phase()))));
        return new RestoreResult(next, null, events, wake, true);
    }

    /**
     * The restore ends: the lock released (when it is still this restore's) and this restore's
     * roll removed from {@code status.upgrade}, in one cluster write; the Event says why.
     */
    RestoreResult end(RestorePhase phase, String reason, String message, Action... more) {
        boolean failed = phase == RestorePhase.Failed;
        ClusterStatus nextCluster = cluster == null ? null : released(cluster.status());
        RestoreStatus next = condition(status(), COMPLETE, failed ? Condition.Status.False : Condition.Status.True,
                reason, message).ended(phase, failed ? new Failure(reason, message, in.now()) : null, in.now());
        if (next.holder() != null && Condition.find(next.conditions(), LOCKED).isPresent()) {
            next = condition(next, LOCKED, Condition.Status.False, reason, "lock released: " + message);
        }
        OperationLock lock = cluster == null ? OperationLock.free() : lock();
        List<Action> actions = new ArrayList<>(List.of(more));
        actions.add(new Action.Emit(failed ? ClusterEvent.warning(reason, message, audit(lock, phase))
                : ClusterEvent.normal(reason, message, audit(lock, phase))));
        return new RestoreResult(next, cluster == null || nextCluster == cluster.status() ? null : nextCluster, actions,
                Wake.idle(), false);
    }

    /** {@code status} without this restore's lock or roll; the same object when neither is there. */
    ClusterStatus released(ClusterStatus status) {
        ClusterStatus next = status;
        if (ownRoll() != null) {
            next = next.withUpgrade(null);
        }
        OperationLock lock = status.operationLock();
        if (lock.isHeldBy(Operation.Restore, in.holder())) {
            next = next.withOperationLock(lock.release(Operation.Restore, in.holder()).lock());
        }
        return next;
    }
}
